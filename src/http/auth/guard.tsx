import type { Context, MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import type { Role, TokenScope } from '../../domain/officials.ts';
import type { AuthEnv, Principal } from './context.ts';
import { authOf } from './context.ts';
import { sessionCookieOf } from './cookies.ts';
import { checkSessionCsrf } from './csrf.ts';
import { authFailure, setPrivateHeaders } from './errors.ts';
import { privateHtml } from './html.ts';
import { RefusedPage } from './refused-page.tsx';
import { isApiPath } from './request.ts';

/** Who may pass: officials of these roles (by session), machines with these scopes (by token). */
export interface Access {
  readonly roles: readonly Role[];
  readonly scopes?: readonly TokenScope[];
  /** The `pitwall` command beside the server (the console secret) may pass too. */
  readonly console?: boolean;
}

const BEARER = /^Bearer +([\x21-\x7e]+) *$/i;

/**
 * The principal of a request: a bearer token when an Authorization header is sent (never a
 * cookie then, so a bad token cannot fall back to a browser's session), else the session cookie.
 */
async function authenticate(c: Context<AuthEnv>): Promise<Principal | 'bad-token' | undefined> {
  const { officials, consoleSecret } = authOf(c);
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const secret = BEARER.exec(header)?.[1];
    if (secret !== undefined && consoleSecret !== undefined && sameSecret(secret, consoleSecret)) {
      return { kind: 'console' };
    }
    const token = secret === undefined ? undefined : await officials.verifyToken(secret);
    return token ? { kind: 'token', token } : 'bad-token';
  }
  const cookie = sessionCookieOf(c);
  const session = cookie === undefined ? undefined : await officials.session(cookie);
  return session && cookie ? { kind: 'official', official: session.official, session, token: cookie } : undefined;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function loginRedirect(c: Context): Response {
  setPrivateHeaders(c);
  // After signing in, a page comes back; a form's POST cannot be replayed as a GET.
  const back = c.req.method === 'GET' ? new URL(c.req.url) : undefined;
  const next = back ? `?next=${encodeURIComponent(back.pathname + back.search)}` : '';
  return c.redirect(`/login${next}`, 303);
}

async function forbidden(c: Context, message: string, code: 'forbidden' | 'invalid-csrf-token' = 'forbidden') {
  if (isApiPath(c.req.path)) return authFailure(c, code, message);
  const title = code === 'forbidden' ? 'Not allowed' : 'Form expired';
  return privateHtml(c, <RefusedPage title={title} message={message} />, 403);
}

/**
 * Authenticates and authorises a request; sets `principal` and returns undefined when it may
 * pass, or the refusal: 401 JSON or a redirect to /login when nobody is signed in, 403 for a
 * wrong role or scope, and (with `csrf`) 403 when a cookie-authenticated request lacks the
 * session's CSRF token. Bearer requests carry no cookie, so a forged request cannot ride them.
 */
export async function admit(c: Context<AuthEnv>, access: Access, csrf: boolean): Promise<Response | undefined> {
  const principal = await authenticate(c);
  if (principal === 'bad-token') return authFailure(c, 'unauthorized', 'The bearer token is not valid or revoked.');
  if (principal === undefined) {
    return isApiPath(c.req.path) ? authFailure(c, 'unauthorized', 'Sign in or send a bearer token.') : loginRedirect(c);
  }
  if (principal.kind === 'console') {
    if (!access.console) return forbidden(c, 'The console secret opens only the routes of the pitwall command.');
  } else if (principal.kind === 'token') {
    if (!access.scopes?.includes(principal.token.scope)) {
      return forbidden(c, `A token with scope "${principal.token.scope}" cannot reach this route.`);
    }
  } else {
    if (!access.roles.includes(principal.official.role)) {
      return forbidden(c, `This needs the role ${access.roles.join(' or ')}; you are ${principal.official.role}.`);
    }
    if (csrf && !(await checkSessionCsrf(c, principal.session))) {
      return forbidden(
        c,
        'This form has expired or did not come from Pitwall: go back, reload the page and try again.',
        'invalid-csrf-token',
      );
    }
  }
  c.set('principal', principal);
  return undefined;
}

/**
 * Guards a page or an API read: only officials of `roles` (and tokens of `scopes`) get through;
 * the answer is never cached.
 *
 * @example
 * app.get('/admin/officials', requireOfficial(['admin']), (c) => c.html(...));
 */
export function requireOfficial(
  roles: readonly Role[],
  scopes: readonly TokenScope[] = [],
  options: { readonly console?: boolean } = {},
): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const refusal = await admit(c, { roles, scopes, console: options.console ?? false }, false);
    if (refusal) return refusal;
    setPrivateHeaders(c);
    await next();
    setPrivateHeaders(c);
  };
}
