import type { Server } from 'node:http';
import { Socket } from 'node:net';
import type { SocketConstructorOpts } from 'node:net';
import { originForm, representationFor } from './response-store.ts';
import type { FindStored } from './fast-path.ts';
import { writeHit } from './fast-path.ts';

/** Node's own limits on a request head (16 KB, `--max-http-header-size`) and its lines. */
const MAX_HEAD_BYTES = 16 * 1024;
const MAX_HEADER_LINES = 100;
const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');

/** `GET`, an origin-form target of RFC 3986 characters only, HTTP/1.1: nothing else is read here. */
const REQUEST_LINE = /^GET (\/[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*) HTTP\/1\.1$/;
/** A field name (RFC 9110 token), a colon and a value of visible ASCII, spaces and tabs. */
const HEADER_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*([\x20-\x7e\t]*?)[ \t]*$/;

/**
 * Headers that change how a request is framed or answered beyond what a stored response holds:
 * a body (Content-Length, Transfer-Encoding), another protocol, an expectation, a condition, a
 * connection that is not kept alive. A request with any of them goes to Node's HTTP server.
 */
const NOT_HERE = new Set([
  'content-length',
  'transfer-encoding',
  'upgrade',
  'expect',
  'if-none-match',
  'if-modified-since',
  'if-match',
  'if-unmodified-since',
  'if-range',
  'range',
  'te',
  'http2-settings',
]);

/** A request this path answers: its target and what it accepts. */
interface PlainGet {
  readonly target: string;
  readonly acceptEncoding: string | undefined;
}

/**
 * Reads a request head, or says it is not one this path answers (undefined). Strict on purpose:
 * anything Node's parser might read otherwise — an odd byte, a folded line, a second Host —
 * goes to Node, which answers it as it always has.
 */
export function readPlainGet(head: string): PlainGet | undefined {
  if (head.length > MAX_HEAD_BYTES) return undefined;
  const lines = head.split('\r\n');
  const requestLine = REQUEST_LINE.exec(lines[0] ?? '');
  if (!requestLine?.[1] || lines.length > MAX_HEADER_LINES + 1) return undefined;
  let hosts = 0;
  let acceptEncoding: string | undefined;
  for (let i = 1; i < lines.length; i++) {
    const header = HEADER_LINE.exec(lines[i] ?? '');
    if (!header?.[1]) return undefined;
    const name = header[1].toLowerCase();
    const value = header[2] ?? '';
    if (name === 'host') hosts++;
    else if (name === 'accept-encoding') {
      if (acceptEncoding !== undefined) return undefined;
      acceptEncoding = value;
    } else if (name === 'connection') {
      if (value.toLowerCase() !== 'keep-alive') return undefined;
    } else if (NOT_HERE.has(name)) return undefined;
  }
  return hosts === 1 ? { target: requestLine[1], acceptEncoding } : undefined;
}

/**
 * Heads read lately, and what they were: a client sends the same head for the same page each
 * time, so most requests are read by one lookup instead of a split and a regular expression per
 * line (which made a third of the garbage a hit left behind for the collector, and its pauses).
 * Only short heads, and at most so many: a client sending new heads each time fills it for nothing.
 */
const recentHeads = new Map<string, PlainGet | null>();
const RECENT_HEADS = 1_000;
const RECENT_HEAD_LENGTH = 512;

function readHead(head: string): PlainGet | undefined {
  const known = recentHeads.get(head);
  if (known !== undefined) return known ?? undefined;
  const read = readPlainGet(head);
  if (head.length <= RECENT_HEAD_LENGTH) {
    if (recentHeads.size >= RECENT_HEADS) recentHeads.clear();
    recentHeads.set(head, read ?? null);
  }
  return read;
}

/** The fields of a socket that Node reads into a buffer of the caller's (`onread`). */
interface UserBufferFields {
  readonly buffer: symbol;
  readonly callback: symbol;
  readonly generator: symbol;
}

/**
 * Node reads a connection into a new 64 KB buffer each time and passes it through its stream
 * (a push, a 'data' event, a tick to read more): for a small hit, more than this path's own work.
 * A socket made with the `onread` option instead reads into one buffer it keeps and calls back
 * with the byte count (measured: a third less user time per hit, 3.5-4.8 against 5.3-7.7 us).
 * Node offers that option to sockets it connects, not to those it accepts, so held connections
 * get it the way Node sets it up: the three fields, named from a socket made with the option,
 * and the handle's `useUserBuffer`. Where they are not found (another Node), or with
 * PITWALL_SHARED_READ_BUFFER=0, connections are read through the stream as usual.
 */
function userBufferFields(): UserBufferFields | undefined {
  if (process.env.PITWALL_SHARED_READ_BUFFER === '0') return undefined;
  // Node's constructor reads `onread` (as `net.connect` does); its types list it for connect only.
  const options = { onread: { buffer: Buffer.alloc(1), callback: () => undefined } } as SocketConstructorOpts;
  const probe = new Socket(options);
  const named = new Map(Object.getOwnPropertySymbols(probe).map((field) => [field.description, field]));
  probe.destroy();
  const [buffer, callback, generator] = [named.get('kBuffer'), named.get('kBufferCb'), named.get('kBufferGen')];
  return buffer && callback && generator ? { buffer, callback, generator } : undefined;
}

const USER_BUFFER = userBufferFields();

/** Whether held connections are read into one shared buffer (logged at start, as `sharedReadBuffer`). */
export const sharedReadBufferAvailable = (): boolean => USER_BUFFER !== undefined;
/** One for all held connections: each read is handled before the next one starts. */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

type SocketFields = Socket & Record<symbol, unknown> & { _handle?: { useUserBuffer?: (buffer: Uint8Array) => void } };

/** Reads `socket` into READ_BUFFER, calling `onData` with what each read brought; false where it cannot. */
function readIntoSharedBuffer(socket: Socket, onData: (chunk: Buffer) => void): boolean {
  const fields = socket as SocketFields;
  if (!USER_BUFFER || typeof fields._handle?.useUserBuffer !== 'function') return false;
  fields[USER_BUFFER.buffer] = READ_BUFFER;
  fields[USER_BUFFER.generator] = null;
  fields[USER_BUFFER.callback] = (bytes: number) => {
    onData(READ_BUFFER.subarray(0, bytes));
  };
  fields._handle.useUserBuffer(READ_BUFFER);
  return true;
}

/**
 * Back to Node's stream after a hand-off: each read is pushed as a buffer of its own, as Node would
 * (Node's HTTP parser reads the handle itself, but whatever reads the socket's stream still can).
 */
function readAsStream(socket: Socket): void {
  const fields = socket as SocketFields;
  if (!USER_BUFFER || fields[USER_BUFFER.buffer] !== READ_BUFFER) return;
  fields[USER_BUFFER.callback] = (bytes: number) => socket.push(Buffer.from(READ_BUFFER.subarray(0, bytes)));
}

/**
 * The fastest path: on a kept-alive connection, plain GETs of stored responses are answered
 * straight from the socket, without Node's HTTP parser and the request and response objects it
 * builds for each request — a third more requests per core, and each one sooner (`npm run bench`).
 * The first request this path does not answer (any other method, a body, a head split across
 * reads, a miss in the store, anything unusual: `readPlainGet`) hands the connection to Node's
 * HTTP server for good, with every byte not yet answered, in order; Node answers it and all
 * that follow, with its own timeouts and limits, exactly as if it had read them all.
 * Returns what stopping the server needs: to close the connections this path still holds.
 */
export function answerHitsOnConnections(
  server: Server,
  find: () => FindStored | undefined,
  { sharedReadBuffer = sharedReadBufferAvailable() }: { readonly sharedReadBuffer?: boolean } = {},
): { closeIdle(): void } {
  const [nodeListener, ...others] = server.listeners('connection') as ((this: Server, socket: Socket) => void)[];
  // Node's server reads connections through one listener of its own; anything else, leave alone.
  if (!nodeListener || others.length > 0) return { closeIdle: () => undefined };
  server.removeListener('connection', nodeListener);
  const held = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    // Idle as long as Node lets a kept-alive connection be; its header says whole seconds. A
    // server that counts requests per connection (maxRequestsPerSocket) leaves it all to Node.
    const keepAliveSeconds = Math.floor(server.keepAliveTimeout / 1000);
    if (keepAliveSeconds < 1 || server.maxRequestsPerSocket || find() === undefined) {
      nodeListener.call(server, socket);
      return;
    }
    const handOff = (unanswered: Buffer) => {
      held.delete(socket);
      socket.removeListener('data', onData);
      socket.removeListener('error', onError);
      socket.removeListener('timeout', onTimeout);
      socket.removeListener('drain', onDrain);
      socket.setTimeout(0);
      readAsStream(socket);
      // A copy: the read buffer is read into again.
      const rest = Buffer.from(unanswered);
      nodeListener.call(server, socket);
      // Node's listener now reads the socket; what was read but not answered goes first.
      if (rest.byteLength > 0) socket.emit('data', rest);
    };
    /**
     * Answers the plain GETs of stored responses at the start of the chunk; returns where the
     * first other request starts. Not corked: a hit is one write up to 96 KB, and a bigger one
     * goes 96 KB at a time (writeHit), which a cork would join into one costly send.
     */
    const answer = (chunk: Buffer, findStored: FindStored): number => {
      let at = 0;
      while (at < chunk.byteLength) {
        const end = chunk.indexOf(HEAD_END, at);
        if (end === -1) break;
        const request = readHead(chunk.toString('latin1', at, end));
        const target = request && originForm(request.target);
        const stored = target === undefined ? undefined : findStored(target);
        if (!request || !stored) break;
        writeHit(socket, stored.status, representationFor(stored, request.acceptEncoding), keepAliveSeconds);
        at = end + HEAD_END.byteLength;
      }
      return at;
    };
    const onData = (chunk: Buffer) => {
      const findStored = find();
      let at = 0;
      try {
        if (findStored) at = answer(chunk, findStored);
      } catch {
        // A bug here must cost this connection, not the process.
        socket.destroy();
        return;
      }
      if (at < chunk.byteLength) handOff(chunk.subarray(at));
      // The client reads slower than it asks: read no more until it has taken what was sent.
      else if (socket.writableNeedDrain) socket.pause();
    };
    const onDrain = () => socket.resume();
    const onError = () => socket.destroy();
    const onTimeout = () => {
      if (socket.writableLength === 0) socket.destroy();
    };
    held.add(socket);
    socket.setNoDelay(true);
    socket.setTimeout(server.keepAliveTimeout);
    if (!sharedReadBuffer || !readIntoSharedBuffer(socket, onData)) socket.on('data', onData);
    socket.on('drain', onDrain);
    socket.on('error', onError);
    socket.on('timeout', onTimeout);
    socket.once('close', () => held.delete(socket));
  });
  return {
    closeIdle: () => {
      for (const socket of held) {
        if (socket.writableLength === 0) socket.destroy();
        else socket.end();
      }
    },
  };
}
