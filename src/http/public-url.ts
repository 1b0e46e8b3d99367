/**
 * The address the public reaches Pitwall at. Pages are stored once and served to everyone, so
 * nothing in them may come from a request: a client writes its own Host header and may send an
 * absolute URL as the request target (`GET http://evil.example/api HTTP/1.1`). Links are relative;
 * the few that must be absolute (curl lines to paste) use this configured address.
 */

/** What `npm start` serves without configuration (README). */
export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

/**
 * `PUBLIC_URL` as links are built from it: an http(s) URL without query or fragment, and without
 * a trailing slash (`https://example.org/pitwall`). Read once at start; a value that is not such
 * a URL stops the start with a message, rather than print broken links for ever.
 *
 * @example
 * publicUrlOf('https://pitwall.example.org/') // 'https://pitwall.example.org'
 */
export function publicUrlOf(configured: string | undefined): string {
  if (configured === undefined || configured.trim() === '') return DEFAULT_PUBLIC_URL;
  const expected = 'an http or https URL such as https://pitwall.example.org';
  let url: URL;
  try {
    url = new URL(configured.trim());
  } catch {
    throw new Error(`PUBLIC_URL must be ${expected}; it is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`PUBLIC_URL must be ${expected}, not ${url.protocol} URL`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new Error(`PUBLIC_URL must be ${expected}, without query, fragment or user`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
