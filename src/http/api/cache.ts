import { createHash } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';

/** Every successful read may be kept a minute by browsers and proxies; the ETag revalidates it after. */
export const CACHE_CONTROL = 'public, max-age=60';

/** A response as it went out the first time: its bytes, headers and strong ETag. */
interface StoredResponse {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly etag: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** The headers of the first response worth replaying; the rest (dates, lengths) are recomputed. */
const KEPT_HEADERS = ['content-type', 'content-disposition'];

/** A strong ETag: the same bytes give the same tag on every server of a deployment. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * True when `If-None-Match` names the tag (or `*`). RFC 9110 §13.1.2 compares weakly here, so a
 * proxy that weakened our tag to `W/"…"` still gets its 304.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/**
 * Served by @hono/node-server, the header is read from Node's own parse: asking `c.req` builds a
 * fetch `Headers` of every header (~3 µs), a tenth of what a whole cache hit may cost.
 */
function ifNoneMatchOf(c: Context): string | undefined {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  return incoming ? incoming.headers['if-none-match'] : c.req.header('if-none-match');
}

function replay(stored: StoredResponse, ifNoneMatch: string | undefined): Response {
  if (matchesIfNoneMatch(ifNoneMatch, stored.etag)) {
    return new Response(null, { status: 304, headers: { etag: stored.etag, 'cache-control': CACHE_CONTROL } });
  }
  return new Response(stored.body, { status: 200, headers: stored.headers });
}

async function storeOf(response: Response): Promise<StoredResponse> {
  const body = new Uint8Array(await response.arrayBuffer());
  const etag = etagOf(body);
  const headers: Record<string, string> = { etag, 'cache-control': CACHE_CONTROL };
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { body, etag, headers };
}

export interface ResponseCacheOptions {
  /** The data's revision (`office.revision()`): any change empties the cache. */
  readonly revision: () => number;
  /** A bound on memory: query strings are free-form, so distinct URLs are unbounded. */
  readonly maxEntries?: number;
}

/**
 * Serves every successful GET/HEAD from the bytes it produced the first time for the same data
 * revision and URL, and answers `If-None-Match` with 304. A cache hit never touches the database,
 * the validators or a serialiser: that is what keeps the standings endpoint near static-file speed.
 * Errors are not stored, so a season imported a second later is found.
 */
export function responseCache({ revision, maxEntries = 1000 }: ResponseCacheOptions): MiddlewareHandler {
  const stored = new Map<string, StoredResponse>();
  let storedRevision = revision();
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const current = revision();
    if (current !== storedRevision) {
      stored.clear();
      storedRevision = current;
    }
    // The full URL, host included: the API page prints curl lines with the host it was asked on.
    const key = c.req.url;
    const ifNoneMatch = ifNoneMatchOf(c);
    const hit = stored.get(key);
    if (hit) return replay(hit, ifNoneMatch);

    await next();
    if (c.res.status !== 200) return;
    const fresh = await storeOf(c.res);
    // Computed while the data changed under us: serve it once, keep it not.
    if (revision() === current) {
      if (stored.size >= maxEntries) stored.delete(stored.keys().next().value as string);
      stored.set(key, fresh);
    }
    c.res = replay(fresh, ifNoneMatch);
  };
}
