import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { NewSession } from '../../app/officials.ts';
import { isSecureRequest } from './request.ts';

export const SESSION_COOKIE = 'pitwall_session';
/** The login form's pre-session CSRF nonce (see csrf.ts). */
export const LOGIN_COOKIE = 'pitwall_login';
export const LOGIN_COOKIE_PATH = '/login';

/**
 * HttpOnly: scripts cannot read it. SameSite=Lax: other sites' forms do not carry it (the CSRF
 * token is still checked), while a link from an e-mail into /admin still finds the official
 * signed in, which Strict would not. Secure whenever the request came over TLS.
 */
export function setSessionCookie(c: Context, session: NewSession): void {
  const { token, createdAt, expiresAt } = session;
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isSecureRequest(c),
    expires: expiresAt,
    maxAge: Math.floor((expiresAt.getTime() - createdAt.getTime()) / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isSecureRequest(c) });
}

export const sessionCookieOf = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE) || undefined;

export function setLoginCookie(c: Context, nonce: string): void {
  setCookie(c, LOGIN_COOKIE, nonce, {
    httpOnly: true,
    sameSite: 'Lax',
    path: LOGIN_COOKIE_PATH,
    secure: isSecureRequest(c),
    maxAge: 2 * 60 * 60,
  });
}

export function clearLoginCookie(c: Context): void {
  deleteCookie(c, LOGIN_COOKIE, { path: LOGIN_COOKIE_PATH, httpOnly: true, secure: isSecureRequest(c) });
}

export const loginCookieOf = (c: Context): string | undefined => getCookie(c, LOGIN_COOKIE) || undefined;
