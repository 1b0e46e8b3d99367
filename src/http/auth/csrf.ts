import type { Context } from 'hono';
import { hmac, newSecret, sameSecret } from '../../app/secrets.ts';
import type { Session } from '../../app/officials.ts';
import { loginCookieOf, setLoginCookie } from './cookies.ts';

/** The form field and the header that carry a CSRF token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The CSRF token a request carries: the header (scripts, API clients with a session cookie) or
 * the form field. Reading the form here is free for the handler: Hono keeps the parsed body.
 */
export async function presentedCsrfToken(c: Context): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    return undefined;
  }
  const field = (await c.req.parseBody())[CSRF_FIELD];
  return typeof field === 'string' ? field : undefined;
}

/** Signed-in requests: the session's own synchroniser token, which another site cannot read. */
export async function checkSessionCsrf(c: Context, session: Session): Promise<boolean> {
  const presented = await presentedCsrfToken(c);
  return presented !== undefined && sameSecret(presented, session.csrfToken);
}

/**
 * The login form has no session yet: a signed double-submit. A random nonce goes in a cookie and
 * its HMAC under the instance's key in the form. Another site can neither read the cookie nor,
 * if it manages to plant one (a sibling subdomain, plain HTTP), compute the matching field.
 */
export function loginFormToken(c: Context, key: string): string {
  let nonce = loginCookieOf(c);
  if (!nonce) {
    nonce = newSecret();
    setLoginCookie(c, nonce);
  }
  return hmac(key, nonce);
}

export async function checkLoginCsrf(c: Context, key: string): Promise<boolean> {
  const nonce = loginCookieOf(c);
  const presented = await presentedCsrfToken(c);
  return nonce !== undefined && presented !== undefined && sameSecret(presented, hmac(key, nonce));
}
