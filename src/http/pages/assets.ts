import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A static file served from memory, with a content hash for its ETag and its versioned URL. */
export interface Asset {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly etag: string;
  readonly hash: string;
  /** The URL pages link to: it changes when the content does, so it can be cached for a year. */
  readonly href: string;
}

function asset(path: string, file: URL): Asset {
  const body = new Uint8Array(readFileSync(file));
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12);
  return { body, hash, etag: `"${hash}"`, href: `${path}?v=${hash}` };
}

// Read once at start-up: the stylesheet ships with the code and never changes while it runs.
export const STYLESHEET = asset('/assets/pitwall.css', new URL('./styles.css', import.meta.url));
