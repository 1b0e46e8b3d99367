/**
 * The bytes of every public response, kept until the data changes. Pages and API answers are pure
 * functions of the stored seasons (and of the date, for the home page), so the office's revision,
 * the day and the path and query are a complete key; a revision change empties the store at once. The API,
 * the pages and the server's fast path (server.ts) all share one store.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { RouteQueries } from './route-queries.ts';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

/** The content codings a stored response is kept in besides its own bytes, in order of preference. */
export const CODINGS = ['br', 'gzip'] as const;
export type Coding = (typeof CODINGS)[number];

/** One representation of a stored response: its bytes as sent, and the headers that go with them. */
export interface Representation {
  readonly body: Uint8Array<ArrayBuffer>;
  /** A strong validator: the hash of these bytes, so each coding has its own, equal on every server. */
  readonly etag: string;
  /** Built once, so a hit allocates nothing but the response. */
  readonly headers: Readonly<Record<string, string>>;
  /** The same with content-length, for answering straight from Node (fast-path.ts). */
  readonly nodeHeaders: Readonly<Record<string, string | number>>;
}

export interface StoredResponse extends Representation {
  readonly status: number;
  /**
   * The same response compressed, made once when the store keeps it (`ResponseStore.set`); with
   * them every representation says `Vary: Accept-Encoding`. Undefined for a response not kept or
   * not worth compressing (small, or an image).
   */
  negotiated?: Negotiated;
}

/** A kept response in each coding: `identity` is the response's own bytes, with `Vary` added. */
export type Negotiated = Readonly<Record<Coding | 'identity', Representation>>;

export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** A response to keep: its bytes, its ETag, the public cache policy and the given headers. */
export function storedResponse(
  status: number,
  body: Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
): StoredResponse {
  return { status, ...representation(body, headers) };
}

function representation(body: Uint8Array<ArrayBuffer>, headers: Readonly<Record<string, string>>): Representation {
  const etag = etagOf(body);
  const all = { ...headers, etag, 'cache-control': PUBLIC_CACHE_CONTROL };
  // A Buffer view of the same bytes: Node writes a Buffer without converting it.
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return { body: bytes, etag, headers: all, nodeHeaders: { ...all, 'content-length': bytes.length } };
}

/** Smaller bodies gain less from compression than their headers cost. */
const MIN_COMPRESSED_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|[\w.+-]+\+(json|xml))|image\/svg\+xml)/;

/**
 * Brotli at quality 5 and gzip at level 6: a few milliseconds for a 130 KB page, done once per
 * kept response, within 10 % of the size of Brotli's slowest setting (which takes 0.4 s).
 */
const COMPRESS: Readonly<Record<Coding, (body: Uint8Array) => Buffer>> = {
  br: (body) =>
    brotliCompressSync(body, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 5,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    }),
  gzip: (body) => gzipSync(body, { level: 6 }),
};

/** The response in each coding, when it is text of some size; undefined otherwise. */
export function negotiate(response: StoredResponse): Negotiated | undefined {
  const type = response.headers['content-type'] ?? '';
  if (response.body.byteLength < MIN_COMPRESSED_BYTES || !COMPRESSIBLE.test(type)) return undefined;
  const { etag: _etag, 'cache-control': _cacheControl, ...own } = response.headers;
  const headers = { ...own, vary: 'accept-encoding' };
  const coded = (coding: Coding) => {
    const bytes = COMPRESS[coding](response.body);
    const body = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>;
    return representation(body, { ...headers, 'content-encoding': coding });
  };
  return { identity: representation(response.body, headers), br: coded('br'), gzip: coded('gzip') };
}

/** Bytes a kept response takes: its body in every coding. */
const sizeOf = (response: StoredResponse): number =>
  response.negotiated
    ? response.negotiated.identity.body.byteLength +
      response.negotiated.br.body.byteLength +
      response.negotiated.gzip.body.byteLength
    : response.body.byteLength;

/**
 * The coding to answer an `Accept-Encoding` with (RFC 9110 §12.5.3): the one of highest weight
 * among Brotli and gzip, Brotli on a tie; identity when the client takes neither. A few distinct
 * headers are all browsers send: each is read once.
 */
export function codingFor(acceptEncoding: string | undefined): Coding | 'identity' {
  if (acceptEncoding === undefined || acceptEncoding === '') return 'identity';
  let coding = acceptedCodings.get(acceptEncoding);
  if (coding === undefined) {
    coding = readAcceptEncoding(acceptEncoding);
    if (acceptedCodings.size >= 256) acceptedCodings.clear();
    acceptedCodings.set(acceptEncoding, coding);
  }
  return coding;
}

const acceptedCodings = new Map<string, Coding | 'identity'>();

function readAcceptEncoding(header: string): Coding | 'identity' {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name !== '' && Number.isFinite(weight)) weights.set(name === 'x-gzip' ? 'gzip' : name, weight);
  }
  const weightOf = (coding: Coding) => weights.get(coding) ?? weights.get('*') ?? 0;
  const best = CODINGS.reduce((a, b) => (weightOf(b) > weightOf(a) ? b : a));
  return weightOf(best) > 0 ? best : 'identity';
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
  /**
   * Bytes of bodies kept at most, every coding counted (24 MiB by default): what the pages of a
   * few seasons take several times over, and a bound on the embedded server's memory.
   */
  readonly bytes?: number;
}

interface Kept {
  readonly response: StoredResponse;
  readonly size: number;
  /** Asked for since the sweep last passed it: it gets a second chance (the CLOCK algorithm). */
  used: boolean;
}

export class ResponseStore {
  /** The query parameters each stored route reads: the only ones in its key (./route-queries.ts). */
  readonly routes = new RouteQueries();
  private revision: number | undefined;
  /** In order of insertion, or of the sweep's second chance: the oldest first. */
  private readonly responses = new Map<string, Kept>();
  private bytes = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;

  /**
   * Bounded by count and by bytes: paths are free-form. What goes first is what has not been
   * asked for longest, nearly (a hit only marks its entry, rather than moving it: cheaper per hit).
   */
  constructor(limits: ResponseStoreLimits = {}) {
    this.maxEntries = limits.entries ?? 10_000;
    this.maxBytes = limits.bytes ?? 24 * 1024 * 1024;
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
    const kept = this.responses.get(key);
    if (!kept) return undefined;
    kept.used = true;
    return kept.response;
  }

  /** Keeps a response, compressed once here in each coding (`negotiate`) when that is worth it. */
  set(revision: number, key: string, response: StoredResponse): void {
    // Computed from data that has changed since: serve it once, keep it not.
    if (revision !== this.revision) return;
    response.negotiated ??= negotiate(response);
    const size = sizeOf(response);
    if (size > this.maxBytes) return;
    this.delete(key);
    while (this.responses.size >= this.maxEntries || this.bytes + size > this.maxBytes) this.evictOne();
    this.responses.set(key, { response, size, used: false });
    this.bytes += size;
  }

  /** Sweeps from the oldest: one asked for since is moved to the end, unmarked; the first that was not goes. */
  private evictOne(): void {
    for (const [key, kept] of this.responses) {
      this.responses.delete(key);
      if (kept.used) {
        kept.used = false;
        this.responses.set(key, kept);
      } else {
        this.bytes -= kept.size;
        return;
      }
    }
  }

  private delete(key: string): void {
    const kept = this.responses.get(key);
    if (!kept) return;
    this.responses.delete(key);
    this.bytes -= kept.size;
  }
}

/** The answer to a request for a stored response: 304 when the client's copy is current. */
export function replay(
  stored: StoredResponse,
  ifNoneMatch: string | undefined,
  acceptEncoding?: string,
): { status: number; body: Uint8Array<ArrayBuffer> | null; headers: Readonly<Record<string, string>> } {
  const chosen = representationFor(stored, acceptEncoding);
  if (stored.status === 200 && ifNoneMatch !== undefined) {
    // Any coding the client holds is current: it can read what it stored.
    const held = stored.negotiated ? Object.values(stored.negotiated) : [chosen];
    const current = held.find((r) => matchesEtag(ifNoneMatch, r.etag));
    if (current) return { status: 304, body: null, headers: notModifiedHeaders(current) };
  }
  return { status: stored.status, body: chosen.body, headers: chosen.headers };
}

/** The representation of a stored response for a request's `Accept-Encoding`. */
export function representationFor(stored: StoredResponse, acceptEncoding: string | undefined): Representation {
  return stored.negotiated ? stored.negotiated[codingFor(acceptEncoding)] : stored;
}

function notModifiedHeaders(held: Representation): Record<string, string> {
  const vary = held.headers.vary;
  return { etag: held.etag, 'cache-control': PUBLIC_CACHE_CONTROL, ...(vary ? { vary } : {}) };
}

/**
 * Served by @hono/node-server, headers are read from Node's own parse: asking `c.req` builds a
 * fetch `Headers` of every header (~3 µs), a tenth of what a whole cache hit may cost.
 */
export function requestHeader(c: Context, name: 'if-none-match' | 'accept-encoding'): string | undefined {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** A stored response as a fetch Response for this request (304 when the client's copy is current). */
export function replayResponse(c: Context, stored: StoredResponse): Response {
  const answer = replay(stored, requestHeader(c, 'if-none-match'), requestHeader(c, 'accept-encoding'));
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
