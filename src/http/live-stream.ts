import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Office } from '../app/office.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { sseRetry } from '../formats/server-sent-events.ts';
import { sendBytes } from './direct-send.ts';

/** `/api/v1/seasons/{id}/rounds/{round}/live/stream`, with an optional query string. */
const STREAM_PATH = /^\/api\/v1\/seasons\/([^/?#]+)\/rounds\/(\d+)\/live\/stream(?:\?(.*))?$/;

/** Bytes a client may have waiting before it is dropped (it reconnects with Last-Event-ID). */
const MAX_BACKLOG = 256 * 1024;

/**
 * The live feed as Server-Sent Events, answered straight from Node: each frame is encoded once
 * and the same Buffer written to every socket, which is what lets one process serve thousands of
 * clients. Returns false for any other request. Streams being served are kept in `open`, so that
 * a server stopping can end them (they would otherwise hold it open forever).
 */
export function serveLiveStream(
  office: Office,
  req: IncomingMessage,
  res: ServerResponse,
  open: Set<ServerResponse> = new Set(),
): boolean {
  const match = req.method === 'GET' && req.url ? STREAM_PATH.exec(req.url) : null;
  if (!match) return false;
  const seasonId = decodedSegment(match[1] ?? '');
  if (seasonId === undefined) {
    // Answered here, outside the app's error handling: a throw would take the process down.
    refuse(res, 400, 'bad-request', 'The season id in the path is not valid percent-encoding (RFC 3986, UTF-8).');
    return true;
  }
  const round = Number(match[2]);
  const query = new URLSearchParams(match[3] ?? '');
  // EventSource sends Last-Event-ID itself on reconnect; a page that starts over passes it in the query.
  const header = req.headers['last-event-id'];
  const lastEventId = (Array.isArray(header) ? header[0] : header) ?? query.get('lastEventId') ?? undefined;
  open.add(res);
  res.on('close', () => open.delete(res));
  void subscribe(office, seasonId, round, lastEventId, req, res).catch(() => {
    if (!res.headersSent) res.writeHead(500, { ...SECURITY_HEADERS, 'content-type': 'text/plain' });
    res.end();
  });
  return true;
}

/** A path segment decoded, or undefined when its percent-encoding is not UTF-8. */
function decodedSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** An id as a message quotes it: an overlong one is cut, so that a 100 KB path is not echoed back whole. */
const clipped = (id: string): string => JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id);

/** An error in the API's shape (`src/http/api/errors.ts`), never stored. */
function refuse(res: ServerResponse, status: 400 | 404, code: 'bad-request' | 'not-found', message: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify({ error: { code, message } }));
}

async function subscribe(
  office: Office,
  seasonId: string,
  round: number,
  lastEventId: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const season = await office.season(seasonId);
  if (!season?.rounds.some((r) => r.round === round)) {
    const message = season
      ? `${seasonId} has no round ${round}.`
      : `No season ${clipped(seasonId)}; see /api/v1/seasons.`;
    return refuse(res, 404, 'not-found', message);
  }
  const feed = await office.live();
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no', // nginx in front: pass each frame on at once
  });
  res.write(sseRetry(2000));
  const unsubscribe = await feed.subscribe(seasonId, round, lastEventId, {
    write: (frame) => {
      writeFrame(res, frame);
      return res.writableLength <= MAX_BACKLOG;
    },
    close: () => res.end(),
  });
  if (!unsubscribe) return void res.end(); // the season went away in between
  if (res.destroyed) return unsubscribe(); // gone while we subscribed
  req.socket.setNoDelay(true);
  res.on('close', unsubscribe);
}

/** What of Node's ServerResponse `writeFrame` reads: whether Node frames this response's body in chunks. */
interface ChunkedResponse {
  chunkedEncoding?: boolean;
}

/** The frame last written and its HTTP/1.1 chunk: a broadcast writes one frame to every client in turn. */
const lastChunk: { frame?: Buffer; chunk?: Buffer } = {};

function chunkOf(frame: Buffer): Buffer {
  if (lastChunk.frame !== frame) {
    lastChunk.frame = frame;
    lastChunk.chunk = Buffer.concat([Buffer.from(`${frame.length.toString(16)}\r\n`), frame, CRLF]);
  }
  return lastChunk.chunk ?? frame;
}

const CRLF = Buffer.from('\r\n');

/**
 * A frame to one client. Once the headers are out, it goes straight to the socket, framed as the
 * HTTP/1.1 chunk Node would make of it, the chunk made once for all clients: Node's own `write`
 * frames it again for every client and defers the socket write to the next tick (a third of the
 * cost of a broadcast to 10,000 clients). On Linux it is sent with one system call, past Node's
 * stream and its write request per client (./direct-send.ts), where nothing waits before it.
 * Before the headers are out, or for a response Node does not chunk (HTTP/1.0), Node writes it.
 */
function writeFrame(res: ServerResponse, frame: Buffer): void {
  const socket = res.socket;
  if (!res.headersSent || !socket || socket.destroyed) {
    res.write(frame);
    return;
  }
  const bytes = (res as ServerResponse & ChunkedResponse).chunkedEncoding === true ? chunkOf(frame) : frame;
  if (!sendBytes(socket, bytes)) socket.write(bytes);
}
