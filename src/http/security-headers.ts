/**
 * Headers every response carries, pages, API, assets and admin alike. The portal's only scripts
 * are its bundles (/assets/live.js, /assets/title.js) and its only styles are stylesheets, so the policy
 * can allow nothing inline: an injected `<script>` or `style=` would not run even if escaping
 * ever failed. Stored responses (response-store.ts) keep these headers, so the server's fast
 * path replays them with the bytes.
 *
 * @example
 * app.use('*', securityHeaders());
 * storedResponse(200, bytes, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' });
 */
import type { MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  // No page is framed: a click on a disguised button is not a decision.
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  // A CSV or JSON answer is never run as a script or rendered as HTML, whatever a browser guesses.
  'x-content-type-options': 'nosniff',
};

/** Sets the security headers on every response of the app, errors and 404s included. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (trySet(c.res.headers)) return;
    // A response made by Response.redirect() or fetch() has immutable headers: set them on a copy.
    c.res = new Response(c.res.body, c.res);
    trySet(c.res.headers);
  };
}

function trySet(headers: Headers): boolean {
  try {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    return true;
  } catch {
    return false;
  }
}
