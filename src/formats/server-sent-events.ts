/**
 * Server-Sent Events framing (WHATWG HTML, "Server-sent events"): one frame is written once and
 * sent as the same bytes to every client, so it is encoded here, once.
 */

/** `id:`/`event:`/`data:` lines; data is one line of JSON (JSON never holds a raw newline). */
export function sseFrame(event: string, id: string, data: string): Buffer {
  return Buffer.from(`id: ${id}\nevent: ${event}\ndata: ${data}\n\n`);
}

/** A comment line: keeps proxies and the browser from timing the connection out. */
export const SSE_KEEP_ALIVE = Buffer.from(': keep-alive\n\n');

/** How long the browser waits before reconnecting after the connection drops. */
export const sseRetry = (ms: number): Buffer => Buffer.from(`retry: ${ms}\n\n`);

/** Ids are `feed.seq`: the feed's number (bumped by a reset) and its last event applied. */
export const liveEventId = (feed: number, seq: number): string => `${feed}.${seq}`;
