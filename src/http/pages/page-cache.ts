/**
 * Rendered pages, kept as bytes until the data changes. Pages are pure functions of the stored
 * seasons (and of the date, for the home page), so `office.revision()` plus the URL is a
 * complete key, and a revision change empties the cache at once.
 */
import { createHash } from 'node:crypto';

export const PAGE_CACHE_CONTROL = 'public, max-age=60';

export interface RenderedPage {
  readonly status: number;
  readonly body: Uint8Array<ArrayBuffer>;
  /** A strong validator: the hash of the bytes, so equal pages have equal tags across restarts. */
  readonly etag: string;
  /** Built once with the page, so a cache hit allocates nothing but the response. */
  readonly headers: Readonly<Record<string, string>>;
}

export function renderedPage(status: number, html: string): RenderedPage {
  const body = new TextEncoder().encode(html);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': PAGE_CACHE_CONTROL, etag };
  return { status, body, etag, headers };
}

export class PageCache {
  private revision: number | undefined;
  private readonly pages = new Map<string, RenderedPage>();

  /** `limit` bounds memory when someone walks through many unknown URLs (each a cached 404). */
  constructor(private readonly limit = 1000) {}

  get(revision: number, key: string): RenderedPage | undefined {
    if (revision !== this.revision) {
      this.pages.clear();
      this.revision = revision;
    }
    return this.pages.get(key);
  }

  set(revision: number, key: string, page: RenderedPage): void {
    // Rendered against data that has changed since: do not keep it.
    if (revision !== this.revision) return;
    if (this.pages.size >= this.limit) {
      const oldest = this.pages.keys().next();
      if (!oldest.done) this.pages.delete(oldest.value);
    }
    this.pages.set(key, page);
  }
}

/** True when `If-None-Match` lists the tag (weak or strong, or `*`): the client's copy is current. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
