/**
 * The bytes of every public response, kept until the data changes. Pages and API answers are pure
 * functions of the stored seasons (and of the date, for the home page), so the office's revision,
 * the day and the path and query are a complete key; a revision change empties the store at once. The API,
 * the pages and the server's fast path (server.ts) all share one store.
 */
import { createHash } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { RouteQueries } from './route-queries.ts';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

export interface StoredResponse {
  readonly status: number;
  readonly body: Uint8Array<ArrayBuffer>;
  /** A strong validator: the hash of the bytes, so equal bodies have equal tags on every server. */
  readonly etag: string;
  /** Built once, so a hit allocates nothing but the response. */
  readonly headers: Readonly<Record<string, string>>;
  /** The same with content-length, for answering straight from Node (server.ts). */
  readonly nodeHeaders: Readonly<Record<string, string | number>>;
}

export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** A response to keep: its bytes, its ETag, the public cache policy and the given headers. */
export function storedResponse(
  status: number,
  body: Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
): StoredResponse {
  const etag = etagOf(body);
  const all = { ...headers, etag, 'cache-control': PUBLIC_CACHE_CONTROL };
  // A Buffer view of the same bytes: Node writes a Buffer without converting it.
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return { status, body: bytes, etag, headers: all, nodeHeaders: { ...all, 'content-length': bytes.length } };
}

/**
 * True when `If-None-Match` names the tag (or `*`). RFC 9110 §13.1.2 compares weakly here, so a
 * proxy that weakened our tag to `W/"…"` still gets its 304.
 */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/**
 * The key of a request: the day (the home page shows "next round") and the path and query. Not
 * the host: a client writes its own Host header, and nothing stored depends on it (links are
 * relative or use the configured public URL, ./public-url.ts).
 */
export function cacheKey(day: string, pathAndQuery: string): string {
  return `${day} ${pathAndQuery}`;
}

/** `http://host` or `https://host` before the path of an absolute-form request target (RFC 9112 §3.2.2). */
const ABSOLUTE_FORM = /^https?:\/\/[^/?#]*/i;

/**
 * A request target as the path and query the app serves: an absolute-form target
 * (`GET http://evil.example/api`) is served, and keyed, as its path. Undefined for a target that
 * is neither (`*`, `host:port`): the app answers those.
 */
export function originForm(target: string): string | undefined {
  if (target.startsWith('/')) return target;
  const origin = ABSOLUTE_FORM.exec(target);
  if (!origin) return undefined;
  const rest = target.slice(origin[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

export interface ResponseStoreLimits {
  /** Responses kept at most. */
  readonly entries?: number;
  /** Bytes of bodies kept at most (64 MiB by default): a few large documents must not crowd memory either. */
  readonly bytes?: number;
}

export class ResponseStore {
  /** The query parameters each stored route reads: the only ones in its key (./route-queries.ts). */
  readonly routes = new RouteQueries();
  private revision: number | undefined;
  private readonly responses = new Map<string, StoredResponse>();
  private bytes = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;

  /** Bounded by count and by bytes: paths are free-form, and the least recently used goes first. */
  constructor(limits: ResponseStoreLimits = {}) {
    this.maxEntries = limits.entries ?? 10_000;
    this.maxBytes = limits.bytes ?? 64 * 1024 * 1024;
  }

  /** How many responses are kept now, and their bodies' bytes. */
  get size(): number {
    return this.responses.size;
  }

  get storedBytes(): number {
    return this.bytes;
  }

  /** The key of a request for this store: the day, the path, and the parameters its route reads. */
  keyOf(day: string, pathAndQuery: string): string {
    return cacheKey(day, this.routes.normalise(pathAndQuery));
  }

  get(revision: number, key: string): StoredResponse | undefined {
    if (revision !== this.revision) {
      this.responses.clear();
      this.bytes = 0;
      this.revision = revision;
    }
    const stored = this.responses.get(key);
    if (stored) {
      // Most recently used last: a flood of new URLs pushes out the pages nobody asks for.
      this.responses.delete(key);
      this.responses.set(key, stored);
    }
    return stored;
  }

  set(revision: number, key: string, response: StoredResponse): void {
    // Computed from data that has changed since: serve it once, keep it not.
    if (revision !== this.revision) return;
    const size = response.body.byteLength;
    if (size > this.maxBytes) return;
    this.delete(key);
    for (const oldest of this.responses.keys()) {
      if (this.responses.size < this.maxEntries && this.bytes + size <= this.maxBytes) break;
      this.delete(oldest);
    }
    this.responses.set(key, response);
    this.bytes += size;
  }

  private delete(key: string): void {
    const stored = this.responses.get(key);
    if (!stored) return;
    this.responses.delete(key);
    this.bytes -= stored.body.byteLength;
  }
}

/** The answer to a request for a stored response: 304 when the client's copy is current. */
export function replay(
  stored: StoredResponse,
  ifNoneMatch: string | undefined,
): { status: number; body: Uint8Array<ArrayBuffer> | null; headers: Readonly<Record<string, string>> } {
  if (stored.status === 200 && matchesEtag(ifNoneMatch, stored.etag)) {
    return { status: 304, body: null, headers: { etag: stored.etag, 'cache-control': PUBLIC_CACHE_CONTROL } };
  }
  return { status: stored.status, body: stored.body, headers: stored.headers };
}

/**
 * Served by @hono/node-server, headers are read from Node's own parse: asking `c.req` builds a
 * fetch `Headers` of every header (~3 µs), a tenth of what a whole cache hit may cost.
 */
export function requestHeader(c: Context, name: 'if-none-match'): string | undefined {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  return incoming ? incoming.headers[name] : c.req.header(name);
}

/** A stored response as a fetch Response for this request (304 when the client's copy is current). */
export function replayResponse(c: Context, stored: StoredResponse): Response {
  const answer = replay(stored, requestHeader(c, 'if-none-match'));
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
