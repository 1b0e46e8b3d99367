/**
 * A Server-Sent Events client over plain node:http, as a browser's EventSource behaves: it keeps
 * the live view by reading snapshots and applying deltas with the shared delta module, and can
 * reconnect with the last id it saw.
 */
import { request } from 'node:http';
import type { ClientRequest } from 'node:http';
import type { Json } from '../../src/live/delta.ts';
import { applyDelta, fromSnapshot } from '../../src/live/delta.ts';

export interface SseFrame {
  readonly id: string;
  readonly event: string;
  readonly data: Json;
}

export class SseClient {
  readonly frames: SseFrame[] = [];
  view: Json | undefined;
  status = 0;
  private request: ClientRequest | undefined;
  private buffer = '';
  private waiters: (() => void)[] = [];

  get lastId(): string | undefined {
    return this.frames.at(-1)?.id;
  }

  /** Connects to `url`; resolves once the response headers are in. */
  connect(url: string, lastEventId?: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (lastEventId) headers['last-event-id'] = lastEventId;
      this.request = request(url, { headers }, (response) => {
        this.status = response.statusCode ?? 0;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => this.read(chunk));
        response.on('error', () => undefined);
        resolve(this.status);
      });
      this.request.on('error', reject);
      this.request.end();
    });
  }

  close(): void {
    this.request?.destroy();
    this.buffer = '';
  }

  private read(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
      }
      const data = fields.get('data');
      if (data !== undefined) {
        const frame = {
          id: fields.get('id') ?? '',
          event: fields.get('event') ?? 'message',
          data: JSON.parse(data) as Json,
        };
        this.frames.push(frame);
        this.view = frame.event === 'snapshot' ? fromSnapshot(frame.data) : applyDelta(this.view, frame.data);
      }
      end = this.buffer.indexOf('\n\n');
    }
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves when a frame with id `id` has arrived. */
  async until(id: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.lastId !== id) {
      if (Date.now() > deadline) throw new Error(`SSE: waited for ${id}, last frame ${this.lastId ?? 'none'}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }
}
