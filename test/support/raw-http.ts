/**
 * HTTP/1.1 over a bare socket, for requests that fetch would refuse or normalise: malformed
 * percent-encoding, raw bytes in the request line, absolute-form targets, odd Host headers.
 */
import { connect } from 'node:net';

export interface RawAnswer {
  /** The status code, or 0 when the server closed the socket without answering. */
  readonly status: number;
  /** Everything the server sent before it closed the socket (or `limit` bytes of it). */
  readonly bytes: Buffer;
  /** The body, when the answer had a Content-Length (stream answers are cut at `limit`). */
  readonly body: Buffer;
}

/** A request's bytes: `GET <target> HTTP/1.1`, the headers given (Host unless said), and `Connection: close`. */
export function rawRequest(
  target: string | Buffer,
  options: { method?: string; headers?: Record<string, string>; host?: string | null } = {},
): Buffer {
  const host = options.host === undefined ? 'localhost' : options.host;
  const headers = { ...(host === null ? {} : { Host: host }), ...options.headers, Connection: 'close' };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return Buffer.concat([
    Buffer.from(`${options.method ?? 'GET'} `, 'latin1'),
    typeof target === 'string' ? Buffer.from(target, 'latin1') : target,
    Buffer.from(` HTTP/1.1\r\n${head}\r\n`, 'latin1'),
  ]);
}

/**
 * Sends the bytes on a new connection and reads until the server closes it, or until `limit`
 * bytes have come (a live stream never closes), or the timeout (then rejects).
 */
export function sendRaw(port: number, bytes: Buffer, { limit = 1 << 20, timeoutMs = 10_000 } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let length = 0;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(chunks)));
    };
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer in ${timeoutMs} ms to ${JSON.stringify(bytes.subarray(0, 120).toString('latin1'))}`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= limit || completeStream(Buffer.concat(chunks))) done();
    });
    // A reset after the answer is the server hanging up on a request it refused: what it sent counts.
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes);
  });
}

/** An event stream's head and first frame are enough: it would never end by itself. */
function completeStream(bytes: Buffer): boolean {
  const text = bytes.toString('latin1');
  return (
    /^HTTP\/1\.1 200[^]*content-type: text\/event-stream/i.test(text) &&
    text.includes('\n\n', text.indexOf('\r\n\r\n') + 4)
  );
}

const statusOf = (head: string): number => Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);

function parse(bytes: Buffer): RawAnswer {
  const status = statusOf(bytes.toString('latin1', 0, 32));
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd === -1) return { status, bytes, body: Buffer.alloc(0) };
  const rest = bytes.subarray(headEnd + 4);
  const chunked = /\r\ntransfer-encoding: *chunked\r\n/i.test(bytes.toString('latin1', 0, headEnd + 2));
  return { status, bytes, body: chunked ? dechunk(rest).body : rest };
}

/**
 * A chunked body's bytes (RFC 9112 §7.1), as far as they came, and where it ends (after its last,
 * empty chunk; undefined when that has not come).
 */
function dechunk(bytes: Buffer): { body: Buffer; end: number | undefined } {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd === -1) return { body: Buffer.concat(parts), end: undefined };
    const size = parseInt(bytes.toString('latin1', at, lineEnd), 16);
    if (!(size > 0)) return { body: Buffer.concat(parts), end: lineEnd + 4 };
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/**
 * Sends the requests on one connection, pipelined, and reads their answers in order until the
 * server closes it (or the timeout): the status of each answer, as many as came.
 */
export async function statusesOnOneConnection(port: number, requests: readonly Buffer[]): Promise<number[]> {
  const answer = await sendRaw(port, Buffer.concat(requests), { limit: 64 << 20 });
  return statusesOf(answer.bytes);
}

/** The statuses of the answers in a byte stream, each body skipped by its length or its chunks. */
function statusesOf(bytes: Buffer): number[] {
  const statuses: number[] = [];
  let at = 0;
  while (at < bytes.length) {
    const headEnd = bytes.indexOf('\r\n\r\n', at);
    if (headEnd === -1) break;
    const head = bytes.toString('latin1', at, headEnd);
    const status = statusOf(head);
    statuses.push(status);
    at = headEnd + 4;
    const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
    if (length !== undefined) at += Number(length);
    else if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
      const { end } = dechunk(bytes.subarray(at));
      if (end === undefined) break;
      at += end;
    } else if (status >= 200 && status !== 204 && status !== 304) break; // to the close
  }
  return statuses;
}
