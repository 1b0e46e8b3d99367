import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { matchesEtag } from '../response-store.ts';

/** A static file served from memory, with a content hash for its ETag and its versioned URL. */
export interface Asset {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly etag: string;
  readonly hash: string;
  /** The URL pages link to: it changes when the content does, so it can be cached for a year. */
  readonly href: string;
}

/** An asset of these bytes served at `path`: its hash names the version in `href` and the ETag. */
export function assetOf(path: string, bytes: Uint8Array): Asset {
  const body = new Uint8Array(bytes);
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12);
  return { body, hash, etag: `"${hash}"`, href: `${path}?v=${hash}` };
}

const asset = (path: string, file: URL): Asset => assetOf(path, readFileSync(file));

/**
 * The response to a GET of an asset: a year of caching for the versioned URL (its content never
 * changes), a minute for the bare one, and 304 when the client holds the same bytes.
 */
export function assetResponse(
  asset: Asset,
  contentType: string,
  version: string | undefined,
  ifNoneMatch: string | undefined,
): Response {
  const headers = {
    'content-type': contentType,
    etag: asset.etag,
    'cache-control': version === asset.hash ? 'public, max-age=31536000, immutable' : 'public, max-age=60',
  };
  if (matchesEtag(ifNoneMatch, asset.etag)) return new Response(null, { status: 304, headers });
  return new Response(asset.body, { headers });
}

// Read once at start-up: the stylesheet ships with the code and never changes while it runs.
export const STYLESHEET = asset('/assets/pitwall.css', new URL('./styles.css', import.meta.url));
/** The site's icon, as SVG for the browsers that take it and as the `/favicon.ico` every browser asks for. */
export const FAVICON_SVG = asset('/favicon.svg', new URL('./favicon.svg', import.meta.url));
export const FAVICON_ICO = asset('/favicon.ico', new URL('./favicon.ico', import.meta.url));
