/**
 * One Server-Sent Events client of the live bench (bench/live.ts), as light as it can be so that
 * one process holds 10,000 of them: a raw `net` socket, the HTTP/1.1 GET written by hand, the
 * response's chunked encoding undone, and of the event stream only the frame ids read — with the
 * time each frame's last byte arrived. Lines are found with Buffer#indexOf (native), never byte
 * by byte in JavaScript, and no frame is decoded: the JSON is never looked at. EventSource (or
 * undici) per client would cost more CPU and memory than the server under test.
 *
 * A client dropped by the server reconnects after the stream's `retry:` delay with
 * `Last-Event-ID`, as EventSource does; what it missed then reaches it late, and counts so.
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';

/** Epoch milliseconds with sub-millisecond precision, comparable between processes. */
export const now = (): number => performance.timeOrigin + performance.now();

/** Where frames go: one call per complete frame that has an `id:`. */
export interface FrameSink {
  /** `id` as sent (`feed.seq` for Pitwall); `at` when its last byte arrived. */
  frame(client: SseClient, id: string, at: number): void;
}

const enum State {
  Head,
  Size,
  Data,
  Crlf,
  Raw,
}

const RECONNECT_MS = 2000;
/**
 * Every socket reads into this one buffer (`onread`), and each read is handled before the next:
 * no Buffer allocated per read, which at hundreds of MB/s would make the load process's garbage
 * collector, not the server, the bottleneck. What must outlive a read is copied.
 */
const READ_BUFFER = Buffer.alloc(256 * 1024);
/** The first bytes of a line kept, enough for `id: 1.123456`. */
const LINE_HEAD = 48;

export class SseClient {
  private socket: Socket | undefined;
  private state = State.Head;
  private head: Buffer = Buffer.alloc(0);
  private remaining = 0;
  private sizeLine = '';
  private lineLength = 0;
  private lineHead = '';
  private blockId: string | undefined;
  private closing = false;
  lastId: string | undefined;
  /** Frames with an id received. */
  frames = 0;
  /** Times the server closed the stream (and this client reconnected). */
  drops = 0;
  /** Every byte of the event stream (no HTTP), when asked for: the bench records one client. */
  recorded: Buffer[] | undefined;
  /** Byte offset of the end of each frame in `recorded`, with its id and arrival. */
  readonly ends: { offset: number; id: string; at: number }[] = [];
  private recordedLength = 0;
  private greeted: (() => void) | undefined;
  private failed: ((error: Error) => void) | undefined;

  constructor(
    private readonly port: number,
    private readonly path: string,
    private readonly sink: FrameSink,
  ) {}

  /** Connects; resolves when the first frame (the snapshot) has arrived whole. */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.greeted = resolve;
      this.failed = reject;
      this.connect();
    });
  }

  private connect(): void {
    this.state = State.Head;
    this.head = Buffer.alloc(0);
    this.lineLength = 0;
    this.lineHead = '';
    this.blockId = undefined;
    const socket = connect({
      host: '127.0.0.1',
      port: this.port,
      onread: {
        buffer: READ_BUFFER,
        callback: (size: number) => {
          this.read(READ_BUFFER.subarray(0, size));
          return true; // keep reading
        },
      },
    });
    this.socket = socket;
    socket.on('connect', () => {
      socket.write(
        `GET ${this.path} HTTP/1.1\r\nHost: 127.0.0.1:${this.port}\r\nAccept: text/event-stream\r\n` +
          `Cache-Control: no-cache\r\n${this.lastId === undefined ? '' : `Last-Event-ID: ${this.lastId}\r\n`}\r\n`,
      );
    });
    socket.on('error', (error) => this.failed?.(error));
    socket.on('close', () => {
      if (this.closing) return;
      if (this.greeted) {
        // Never got its first frame: the bench stops with the reason, no retry.
        this.closing = true;
        this.failed?.(new Error('the server closed the stream before the first frame'));
        return;
      }
      this.drops += 1;
      setTimeout(() => {
        if (!this.closing) this.connect();
      }, RECONNECT_MS);
    });
  }

  close(): void {
    this.closing = true;
    this.socket?.destroy();
  }

  private read(chunk: Buffer): void {
    const at = now();
    let i = 0;
    if (this.state === State.Head) {
      const buffer = this.head.length === 0 ? chunk : Buffer.concat([this.head, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end === -1) {
        this.head = Buffer.from(buffer); // a copy: the read buffer is reused
        return;
      }
      const head = buffer.toString('latin1', 0, end);
      if (!/^HTTP\/1\.1 200 /.test(head)) {
        this.failed?.(new Error(`the stream answered ${head.split('\r\n')[0] ?? ''}`));
        this.closing = true;
        this.socket?.destroy();
        return;
      }
      this.state = /\r\ntransfer-encoding:\s*chunked/i.test(head) ? State.Size : State.Raw;
      this.head = Buffer.alloc(0);
      chunk = buffer;
      i = end + 4;
    }
    const length = chunk.length;
    while (i < length) {
      switch (this.state) {
        case State.Raw:
          this.events(chunk, i, length, at);
          i = length;
          break;
        case State.Size: {
          const newline = chunk.indexOf(10, i);
          if (newline === -1) {
            this.sizeLine += chunk.toString('latin1', i, length);
            i = length;
            break;
          }
          this.sizeLine += chunk.toString('latin1', i, newline);
          i = newline + 1;
          const size = parseInt(this.sizeLine, 16);
          this.sizeLine = '';
          if (size === 0) {
            i = length; // the last chunk: the server ended the stream; 'close' follows
          } else {
            this.remaining = size;
            this.state = State.Data;
          }
          break;
        }
        case State.Data: {
          const end = Math.min(length, i + this.remaining);
          this.events(chunk, i, end, at);
          this.remaining -= end - i;
          i = end;
          if (this.remaining === 0) {
            this.remaining = 2;
            this.state = State.Crlf;
          }
          break;
        }
        case State.Crlf: {
          const skip = Math.min(this.remaining, length - i);
          this.remaining -= skip;
          i += skip;
          if (this.remaining === 0) this.state = State.Size;
          break;
        }
        default:
          throw new Error('unreachable: the head is read above');
      }
    }
  }

  /** Event-stream bytes `[from, to)` of `chunk`: lines end with LF; an empty line ends a frame. */
  private events(chunk: Buffer, from: number, to: number, at: number): void {
    if (this.recorded) {
      this.recorded.push(Buffer.from(chunk.subarray(from, to))); // a copy: the read buffer is reused
    }
    let i = from;
    while (i < to) {
      const found = chunk.indexOf(10, i);
      const end = found === -1 || found >= to ? to : found;
      if (this.lineLength < LINE_HEAD && end > i) {
        this.lineHead += chunk.toString('latin1', i, Math.min(end, i + LINE_HEAD - this.lineLength));
      }
      this.lineLength += end - i;
      if (end === to) break;
      if (this.lineLength === 0) {
        if (this.blockId !== undefined) this.frame(this.blockId, at, this.recordedLength + (end + 1 - from));
        this.blockId = undefined;
      } else if (this.lineHead.startsWith('id: ')) {
        this.blockId = this.lineHead.slice(4);
      }
      this.lineLength = 0;
      this.lineHead = '';
      i = end + 1;
    }
    this.recordedLength += to - from;
  }

  private frame(id: string, at: number, offset: number): void {
    this.lastId = id;
    this.frames += 1;
    if (this.recorded) this.ends.push({ offset, id, at });
    this.sink.frame(this, id, at);
    const greeted = this.greeted;
    this.greeted = undefined;
    this.failed = undefined;
    greeted?.();
  }

  /** The recorded bytes up to the end of each frame: what a client received, frame by frame. */
  recordedFrames(): { id: string; at: number; bytes: Buffer }[] {
    const all = Buffer.concat(this.recorded ?? []);
    let start = 0;
    return this.ends.map(({ offset, id, at }) => {
      const bytes = all.subarray(start, offset);
      start = offset;
      return { id, at, bytes };
    });
  }
}
