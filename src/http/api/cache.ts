import type { MiddlewareHandler } from 'hono';
import type { ResponseStore } from '../response-store.ts';
import { PUBLIC_CACHE_CONTROL, replayResponse, storedResponse } from '../response-store.ts';
import { SECURITY_HEADERS } from '../security-headers.ts';

export { etagOf, matchesEtag as matchesIfNoneMatch } from '../response-store.ts';
export const CACHE_CONTROL = PUBLIC_CACHE_CONTROL;

/** The headers of the first response worth replaying; the rest (dates, lengths) are recomputed. */
const KEPT_HEADERS = ['content-type', 'content-disposition'];

export interface ResponseCacheOptions {
  readonly store: ResponseStore;
  /** The data's revision (`office.revision()`): any change empties the store. */
  readonly revision: () => number;
  readonly today: () => string;
}

/**
 * Serves every successful GET/HEAD from the bytes it produced the first time for the same data
 * revision and URL, and answers `If-None-Match` with 304. A hit never touches the database, the
 * validators or a serialiser: that is what keeps the standings endpoint near static-file speed.
 * Errors are not stored, so a season imported a second later is found.
 */
export function responseCache({ store, revision, today }: ResponseCacheOptions): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const current = revision();
    const url = new URL(c.req.url);
    const key = store.keyOf(today(), url.pathname + url.search);
    let stored = store.get(current, key);
    if (!stored) {
      await next();
      // Live answers say no-store: they change with every timing event, not with the revision.
      if (c.res.status !== 200 || c.res.headers.get('cache-control')?.includes('no-store')) return;
      // Kept with the bytes, so the server's fast path replays them without the app.
      const headers: Record<string, string> = { ...SECURITY_HEADERS };
      for (const name of KEPT_HEADERS) {
        const value = c.res.headers.get(name);
        if (value !== null) headers[name] = value;
      }
      stored = storedResponse(200, new Uint8Array(await c.res.arrayBuffer()), headers);
      store.set(current, key, stored);
    }
    c.res = replayResponse(c, stored);
    return c.res;
  };
}
