import { getRequestListener } from '@hono/node-server';
import { STATUS_CODES } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Office } from '../app/office.ts';
import type { HttpParts } from './app.ts';
import type { Representation, StoredResponse } from './response-store.ts';
import { originForm, replay, representationFor } from './response-store.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { serveLiveStream } from './live-stream.ts';
import { FROM_FILE_BYTES, sendBytes, sendFromFile } from './direct-send.ts';

/**
 * Answers a GET whose bytes are already in the response store straight from Node, without
 * building fetch Request/Response objects: for a 40 KB standings document that doubles the
 * requests a core can serve. Everything else goes to the app, which fills the store. A kept-alive
 * connection's plain GETs are answered before Node even parses them (./connection-fast-path.ts);
 * this is the path of every other request and connection.
 */
export function fastPath(
  parts: HttpParts,
  office: Office,
  streams: Set<ServerResponse>,
  findStored: FindStored = storedFinder(parts, office),
) {
  const listener = getRequestListener(parts.app.fetch);
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    if (serveLiveStream(office, req, res, streams)) return;
    const path = req.method === 'GET' && req.url !== undefined ? originForm(req.url) : undefined;
    const stored = path === undefined ? undefined : findStored(path);
    if (!stored) return void listener(req, res);
    const ifNoneMatch = req.headers['if-none-match'];
    const chosen = representationFor(stored, req.headers['accept-encoding']);
    if (ifNoneMatch !== undefined) {
      const answer = replay(stored, ifNoneMatch, req.headers['accept-encoding']);
      if (answer.body === null) {
        res.writeHead(answer.status, answer.headers);
        res.end();
        return;
      }
    }
    writeStored(res, stored.status, chosen);
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    try {
      serve(req, res);
    } catch {
      // Bad input is answered with a 400 above; this is a bug, and it must cost one request, not the process.
      if (!res.headersSent)
        res.writeHead(500, {
          ...SECURITY_HEADERS,
          'content-type': 'text/plain; charset=utf-8',
          'cache-control': 'no-store',
        });
      res.end('Something went wrong on our side.');
    }
  };
}

/** The stored response for a path and query, if there is one now. */
export type FindStored = (pathAndQuery: string) => StoredResponse | undefined;

/** The stored response for a request's path and query, as the app would key it now. */
export function storedFinder({ store, today }: HttpParts, office: Office): FindStored {
  // The day, asked of the clock once a second rather than on every request (a Date and its ISO string).
  const day = { second: -1, value: '' };
  const currentDay = () => {
    const second = Math.floor(Date.now() / 1000);
    if (second !== day.second) {
      day.second = second;
      day.value = today();
    }
    return day.value;
  };
  return (path) => store.get(office.revision(), store.keyOf(currentDay(), path));
}

/** What of Node's ServerResponse `writeStored` reads and sets: the header block it would build. */
interface NodeResponse {
  _header?: string | null;
  _headerSent?: boolean;
  _keepAliveTimeout?: number;
  _defaultKeepAlive?: boolean;
  _maxRequestsPerSocket?: number;
  maxRequestsOnConnectionReached?: boolean;
}

/** The socket's current response: Node's own, when no earlier response on it is still being sent. */
interface NodeSocket {
  _httpMessage?: unknown;
}

/** What is kept of a representation to send it: see `headerBlock`. */
interface Head {
  /** Status line and headers, built once: `writeHead` checks and joins them every time. */
  readonly text: string;
  /** The keep-alive seconds the block says. */
  readonly keepAliveSeconds: number;
  /** The second of the `Date` in `header`, `block` and `first`. */
  second: number;
  header: string;
  readonly block: Buffer;
  /** Whether this response was sent before: `first` is made the second time. */
  sent: boolean;
  /** The block and the start of the body in one buffer. */
  first: Buffer | undefined;
}

const heads = new WeakMap<Representation, Head>();

/** `Date`, to the second as Node keeps it: always 29 characters (IMF-fixdate, RFC 9110 §5.6.7). */
const clock = { second: -1, date: '' };
const DATE_LENGTH = 29;

/**
 * The header block of a representation, made once; each second after that only its `Date` is
 * written over, in place (and in `first`'s): a second changes no other byte, and a response still
 * waiting to be sent is then dated a second later.
 */
function headerBlock(status: number, representation: Representation, keepAliveSeconds: number): Head {
  const second = Math.floor(Date.now() / 1000);
  if (second !== clock.second) {
    clock.second = second;
    clock.date = new Date(second * 1000).toUTCString();
  }
  let head = heads.get(representation);
  if (head === undefined || head.keepAliveSeconds !== keepAliveSeconds || clock.date.length !== DATE_LENGTH) {
    let text = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n`;
    for (const [name, value] of Object.entries(representation.nodeHeaders)) text += `${name}: ${value}\r\n`;
    const header = `${text}Date: ${clock.date}\r\nConnection: keep-alive\r\nKeep-Alive: timeout=${keepAliveSeconds}\r\n\r\n`;
    const block = Buffer.from(header, 'latin1');
    head = { text, keepAliveSeconds, second, header, block, sent: false, first: undefined };
    heads.set(representation, head);
    return head;
  }
  if (head.second !== second) {
    head.second = second;
    const at = head.text.length + 'Date: '.length;
    head.header = head.header.slice(0, at) + clock.date + head.header.slice(at + DATE_LENGTH);
    head.block.write(clock.date, at, 'latin1');
    head.first?.write(clock.date, at, 'latin1');
  }
  return head;
}

/**
 * The most bytes handed to the kernel at once. On loopback (a proxy in front, the bench), a send
 * of more than 128 KB costs the kernel twice what the same bytes cost in smaller sends (measured:
 * a 135 KB page, 26 against 16 µs of system time per response), and each send costs a segment
 * and a wake-up of the reader: that page served in sends of 96 KB (two) ran at 0.86-0.90x
 * nginx's requests/s, of 64 KB (three) at 0.71-0.81x, of 127 KB at 0.84x.
 */
const WRITE_BYTES = 96 * 1024;

/**
 * A stored representation written as Node's `writeHead` and `end` would write it, but with the
 * header block built once a second instead of per request, and written with the body straight to
 * the socket (`writeHit`): half what a cache hit costs Node. Node is
 * told the headers are sent and ends the response as usual, so keep-alive, pipelining and
 * timeouts are its own.
 * Only for the common case: a GET on a kept-alive HTTP/1.1 connection whose socket is this
 * response's, with Node's own keep-alive settings; anything else goes through `writeHead`.
 */
export function writeStored(res: ServerResponse, status: number, representation: Representation): void {
  const node = res as ServerResponse & NodeResponse;
  const socket: (Socket & NodeSocket) | null = res.socket;
  if (
    socket &&
    socket._httpMessage === res &&
    !socket.destroyed &&
    node._header === null &&
    node._headerSent === false &&
    res.req.method === 'GET' &&
    res.req.httpVersion === '1.1' &&
    res.shouldKeepAlive &&
    node._defaultKeepAlive === true &&
    node.maxRequestsOnConnectionReached === false &&
    !node._maxRequestsPerSocket &&
    typeof node._keepAliveTimeout === 'number' &&
    node._keepAliveTimeout >= 1000
  ) {
    const header = writeHit(socket, status, representation, Math.floor(node._keepAliveTimeout / 1000));
    res.statusCode = status;
    node._header = header;
    node._headerSent = true;
    res.end();
    return;
  }
  res.writeHead(status, representation.nodeHeaders);
  res.end(representation.body);
}

/**
 * A stored representation on a kept-alive socket, with the header block of this second, sent
 * straight to the socket where it can be (./direct-send.ts): a large body from its file, without
 * copying it; a whole response in one buffer, made when it is sent a second time. Else Node writes
 * it: that buffer (or a large body's start, up to WRITE_BYTES), and the rest in sends of
 * WRITE_BYTES. One write of a buffer costs Node's stream far less than a corked pair (a 40 KB
 * answer: a third more requests/s). Returns the header block, as Node keeps it.
 */
export function writeHit(
  socket: Socket,
  status: number,
  representation: Representation,
  keepAliveSeconds: number,
): string {
  const head = headerBlock(status, representation, keepAliveSeconds);
  const { header, block } = head;
  const { body } = representation;
  if (body.byteLength >= FROM_FILE_BYTES && sendFromFile(socket, block, body)) return header;
  if (head.sent) head.first ??= Buffer.concat([block, body.subarray(0, WRITE_BYTES - block.byteLength)]);
  head.sent = true;
  const { first } = head;
  if (first && first.byteLength === block.byteLength + body.byteLength && sendBytes(socket, first)) return header;
  let at: number;
  if (first) {
    socket.write(first);
    at = first.byteLength - block.byteLength;
  } else {
    socket.cork();
    socket.write(block);
    socket.write(body.subarray(0, WRITE_BYTES));
    socket.uncork();
    at = WRITE_BYTES;
  }
  for (; at < body.byteLength; at += WRITE_BYTES) socket.write(body.subarray(at, at + WRITE_BYTES));
  return header;
}
