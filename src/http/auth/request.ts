import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';

/** JSON for the API (and API clients), HTML and redirects for pages. */
export const isApiPath = (path: string): boolean => path === '/api' || path.startsWith('/api/');

/** Over TLS, directly or behind a proxy that says so. A lie here only hardens the client's own cookie. */
export function isSecureRequest(c: Context): boolean {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https' || new URL(c.req.url).protocol === 'https:';
}

/**
 * The client's address, for the login limiter. Behind one trusted proxy it is the last address the
 * proxy appended to `X-Forwarded-For` (the ones before it are the client's to invent); otherwise
 * the socket's peer.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? 'unknown';
}

/**
 * A `next` location after login that stays on this site: a path, not `//host` or `/\host`
 * (which browsers read as another host).
 */
export function safeNext(next: unknown, fallback = '/admin'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) {
    return fallback;
  }
  return /^[\x21-\x7e]*$/.test(next) ? next : fallback;
}
