import { closeSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';

/**
 * Stored responses written straight to the socket's descriptor (Linux), bypassing Node's stream,
 * which costs a response a write request, callbacks and ticks (a 3 KB answer: 13.6-15.7 µs of
 * user time here, against 14.2-17.5). And large bodies sent without copying them: Node copies a
 * body into the kernel for every response; for a 135 KB page that copy was a quarter of the
 * server's time, which nginx, sending files with sendfile(2), does not pay (`npm run bench`). A
 * large body is put once in an in-memory file (memfd_create(2); `BodyFile`) and each response
 * sends the file's pages with sendfile(2), after the header sent with MSG_MORE, so that it leaves
 * in the body's first segment. Node has no sendfile, so libc is called through koffi (FFI). Where
 * that is not possible — not Linux, no koffi build for the machine, `PITWALL_DIRECT_SEND=0` —
 * Node writes every response.
 */

/** A smaller body costs less to copy than the second system call costs. */
export const FROM_FILE_BYTES = 16 * 1024;

/** The in-memory file's size: past it, a new file replaces it (the bodies sent since go in). */
const FILE_BYTES = 16 * 1024 * 1024;

/**
 * Each body starts on a page of its own: sent from the middle of a page, each segment carries
 * pieces of pages, and the page ran at 0.72x nginx's requests/s instead of 0.84x (`npm run bench`).
 */
const PAGE_BYTES = 4096;

const MFD_CLOEXEC = 0x1;
const MSG_DONTWAIT = 0x40;
const MSG_NOSIGNAL = 0x4000;
const MSG_MORE = 0x8000;

interface Libc {
  memfdCreate(name: string, flags: number): number;
  send(fd: number, bytes: Uint8Array, length: number, flags: number): number;
  sendfile(socketFd: number, fileFd: number, offset: BigInt64Array, count: number): number;
}

interface Koffi {
  load(path: null): { func(prototype: string): (...args: unknown[]) => unknown };
}

function loadLibc(): Libc | undefined {
  if (process.platform !== 'linux' || process.env.PITWALL_DIRECT_SEND === '0') return undefined;
  try {
    // Loaded here, not imported: a machine without a koffi build still serves, by copying.
    const koffi = createRequire(import.meta.url)('koffi') as Koffi;
    const libc = koffi.load(null);
    const memfdCreate = libc.func('int memfd_create(const char *name, unsigned int flags)');
    const send = libc.func('intptr_t send(int fd, const void *buf, size_t len, int flags)');
    const sendfile = libc.func('intptr_t sendfile(int out_fd, int in_fd, int64_t *offset, size_t count)');
    const probe = memfdCreate('pitwall-probe', MFD_CLOEXEC) as number;
    if (probe < 0) return undefined;
    closeSync(probe);
    return {
      memfdCreate: (name, flags) => memfdCreate(name, flags) as number,
      send: (fd, bytes, length, flags) => send(fd, bytes, length, flags) as number,
      sendfile: (socketFd, fileFd, offset, count) => sendfile(socketFd, fileFd, offset, count) as number,
    };
  } catch {
    return undefined;
  }
}

/** Where a body is in the file: which file (its generation) and at what offset. */
interface Place {
  readonly generation: number;
  readonly offset: number;
}

/**
 * The bodies sent lately, one after the other in one in-memory file: a single descriptor however
 * many bodies are served. When the next body does not fit, a new empty file replaces the full one,
 * which is closed: the bodies still asked for are written again as they are next sent. Bodies are
 * known by identity (a stored body's bytes never change) and held weakly.
 */
class BodyFile {
  private fd = -1;
  private generation = 0;
  private end = 0;
  private readonly places = new WeakMap<Uint8Array, Place>();

  constructor(private readonly libc: Libc) {}

  /** The body's offset in the current file, written there now if need be; undefined if it cannot be. */
  offsetOf(body: Uint8Array): number | undefined {
    const known = this.places.get(body);
    if (known?.generation === this.generation) return known.offset;
    if (body.byteLength > FILE_BYTES) return undefined;
    if (this.fd < 0 || this.end + body.byteLength > FILE_BYTES) this.renew();
    if (this.fd < 0) return undefined;
    const offset = this.end;
    try {
      for (let at = 0; at < body.byteLength;) at += writeSync(this.fd, body, at, body.byteLength - at, offset + at);
    } catch {
      this.renew(); // a file half written is not to be sent from
      return undefined;
    }
    this.end += Math.ceil(body.byteLength / PAGE_BYTES) * PAGE_BYTES;
    this.places.set(body, { generation: this.generation, offset });
    return offset;
  }

  /** The current file's descriptor. */
  get descriptor(): number {
    return this.fd;
  }

  /** How many bytes of bodies the current file holds (for tests). */
  get bytes(): number {
    return this.end;
  }

  private renew(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = this.libc.memfdCreate('pitwall-bodies', MFD_CLOEXEC);
    this.generation++;
    this.end = 0;
  }
}

/** What of a net.Socket this reads: its TCP handle's descriptor. */
interface SocketHandle {
  _handle?: { fd?: unknown } | null;
}

let loaded: { readonly libc: Libc; readonly file: BodyFile } | null | undefined;

function directSend(): { readonly libc: Libc; readonly file: BodyFile } | null {
  if (loaded === undefined) {
    const libc = loadLibc();
    loaded = libc ? { libc, file: new BodyFile(libc) } : null;
  }
  return loaded;
}

/** Whether responses are sent directly here; asked at start, so that the first response does not load koffi. */
export function directSendAvailable(): boolean {
  return directSend() !== null;
}

/** How many bytes of bodies the file holds now (for tests). */
export function bytesInFile(): number {
  return directSend()?.file.bytes ?? 0;
}

/**
 * The socket's descriptor, when bytes written to it now come after all written before: nothing
 * waits in Node's stream (else the order would change), and it is no TLS socket (`encrypted`,
 * always true on one), whose descriptor carries records, not these bytes.
 */
function descriptorOf(socket: Socket): number | undefined {
  if ('encrypted' in socket || socket.writableLength > 0 || socket.writableCorked > 0) return undefined;
  const fd = (socket as Socket & SocketHandle)._handle?.fd;
  return typeof fd === 'number' && fd >= 0 ? fd : undefined;
}

const SEND_FLAGS = MSG_DONTWAIT | MSG_NOSIGNAL;

/**
 * Sends a whole response in one buffer. What the kernel does not take at once is written by Node
 * after it, as any write. Returns false, having sent nothing, when it cannot (no room, a closed
 * connection: Node then writes it, and reports what went wrong).
 */
export function sendBytes(socket: Socket, bytes: Uint8Array): boolean {
  const direct = directSend();
  const fd = direct ? descriptorOf(socket) : undefined;
  if (!direct || fd === undefined) return false;
  const sent = direct.libc.send(fd, bytes, bytes.byteLength, SEND_FLAGS);
  if (sent < 0) return false;
  if (sent < bytes.byteLength) socket.write(bytes.subarray(sent));
  return true;
}

const offset = new BigInt64Array(1);

/**
 * Sends a response's header block, then its body from the body's file. As `sendBytes`, what the
 * kernel does not take at once is written by Node; false when nothing was sent.
 */
export function sendFromFile(socket: Socket, block: Uint8Array, body: Uint8Array): boolean {
  const direct = directSend();
  const fd = direct ? descriptorOf(socket) : undefined;
  const at = direct && fd !== undefined ? direct.file.offsetOf(body) : undefined;
  if (!direct || fd === undefined || at === undefined) return false;
  const headerSent = direct.libc.send(fd, block, block.byteLength, MSG_MORE | SEND_FLAGS);
  if (headerSent < 0) return false;
  if (headerSent < block.byteLength) {
    socket.write(block.subarray(headerSent));
    socket.write(body);
    return true;
  }
  offset[0] = BigInt(at);
  const bodySent = Math.max(0, direct.libc.sendfile(fd, direct.file.descriptor, offset, body.byteLength));
  if (bodySent < body.byteLength) socket.write(body.subarray(bodySent));
  return true;
}
