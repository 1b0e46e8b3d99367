import { getRequestListener } from '@hono/node-server';
import { STATUS_CODES } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Office } from '../app/office.ts';
import type { HttpParts } from './app.ts';
import type { Representation } from './response-store.ts';
import { originForm, replay, representationFor } from './response-store.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { serveLiveStream } from './live-stream.ts';

/**
 * Answers a GET whose bytes are already in the response store straight from Node, without
 * building fetch Request/Response objects: for a 40 KB standings document that doubles the
 * requests a core can serve. Everything else goes to the app, which fills the store.
 */
export function fastPath({ app, store, today }: HttpParts, office: Office, streams: Set<ServerResponse>) {
  const listener = getRequestListener(app.fetch);
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
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    if (serveLiveStream(office, req, res, streams)) return;
    const path = req.method === 'GET' && req.url !== undefined ? originForm(req.url) : undefined;
    const stored = path === undefined ? undefined : store.get(office.revision(), store.keyOf(currentDay(), path));
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

/** What of Node's ServerResponse `writeStored` reads and sets: the header block it would build. */
interface NodeResponse {
  _header?: string | null;
  _keepAliveTimeout?: number;
  _defaultKeepAlive?: boolean;
  _maxRequestsPerSocket?: number;
  maxRequestsOnConnectionReached?: boolean;
}

/** Status line and headers of a representation, built once: `writeHead` checks and joins them every time. */
const heads = new WeakMap<Representation, string>();

function headOf(status: number, representation: Representation): string {
  let head = heads.get(representation);
  if (head === undefined) {
    head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n`;
    for (const [name, value] of Object.entries(representation.nodeHeaders)) head += `${name}: ${value}\r\n`;
    heads.set(representation, head);
  }
  return head;
}

/** `Date` (to the second, as Node keeps it) and keep-alive, ending the header block. */
const closing = { second: -1, keepAliveSeconds: -1, lines: '' };
function closingLines(keepAliveSeconds: number): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== closing.second || keepAliveSeconds !== closing.keepAliveSeconds) {
    closing.second = second;
    closing.keepAliveSeconds = keepAliveSeconds;
    closing.lines = `Date: ${new Date(now).toUTCString()}\r\nConnection: keep-alive\r\nKeep-Alive: timeout=${keepAliveSeconds}\r\n\r\n`;
  }
  return closing.lines;
}

/**
 * A stored representation written as Node's `writeHead` and `end` would write it, with the header
 * block built once instead of per request (a third of what a cache hit costs Node). Node then
 * sends the block and the body in one write, and keeps the connection as usual. Only for the
 * common case, a kept-alive HTTP/1.1 connection with Node's own keep-alive settings; anything
 * else (a client closing, a limit on requests per connection) goes through `writeHead`.
 */
export function writeStored(res: ServerResponse, status: number, representation: Representation): void {
  const node = res as ServerResponse & NodeResponse;
  if (
    node._header === null &&
    res.shouldKeepAlive &&
    res.req.httpVersion === '1.1' &&
    node._defaultKeepAlive === true &&
    node.maxRequestsOnConnectionReached === false &&
    !node._maxRequestsPerSocket &&
    typeof node._keepAliveTimeout === 'number' &&
    node._keepAliveTimeout >= 1000
  ) {
    res.statusCode = status;
    node._header = headOf(status, representation) + closingLines(Math.floor(node._keepAliveTimeout / 1000));
    res.end(representation.body);
    return;
  }
  res.writeHead(status, representation.nodeHeaders);
  res.end(representation.body);
}
