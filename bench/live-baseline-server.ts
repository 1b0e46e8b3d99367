/**
 * The baseline of the live bench (bench/live.ts): the physical limit of pushing Server-Sent
 * Events from one Node process on this machine. A bare `node:http` server, in a process of its
 * own like `pitwall serve`, that holds the same SSE connections and writes the same bytes — the
 * greeting and the frames the Pitwall clients received, recorded by the bench — at the same pace,
 * with no other work: no parsing, no store, no race state, no diff, no JSON. Each frame is one
 * Buffer, framed once as an HTTP/1.1 chunk and written to every socket, as the live feed does
 * (src/app/live-feed.ts, src/http/live-stream.ts), over the same chunked responses with the same headers.
 *
 * Driven over HTTP by the bench:
 * - `POST /setup` `{ greeting }` (base64): what each stream gets on connect;
 * - `GET /stream`: one SSE client;
 * - `POST /play` `{ startAt, frames: [{ atMs, bytes }] }`: frame k is written to every socket at
 *   `startAt + atMs` (epoch milliseconds, `performance.timeOrigin + performance.now()`, the clock
 *   the bench's clients read: same machine, so receive time − scheduled time is the delivery
 *   latency, with nothing in the bytes to say when they were sent);
 * - `GET /stats` `{ clients, played }`.
 * Prints `ready PORT` on stdout when listening (PORT 0: any free port).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

const clients = new Set<ServerResponse>();
const CRLF = Buffer.from('\r\n');
let greeting = Buffer.alloc(0);
let played = 0;

const now = () => performance.timeOrigin + performance.now();

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function play(startAt: number, frames: readonly { atMs: number; bytes: Buffer }[]): void {
  let k = 0;
  const next = (): void => {
    // Every frame already due is written now, in order, so a late timer never reorders frames.
    while (k < frames.length && (frames[k]?.atMs ?? 0) + startAt <= now()) {
      const frame = frames[k++];
      if (!frame) break;
      // As the live feed writes it (src/http/live-stream.ts): the HTTP/1.1 chunk made once, each
      // socket written directly — the cheapest way Node has.
      const chunk = Buffer.concat([Buffer.from(`${frame.bytes.length.toString(16)}\r\n`), frame.bytes, CRLF]);
      for (const res of clients) {
        if (res.socket) res.socket.write(chunk);
        else res.write(frame.bytes);
      }
      played += 1;
    }
    const upcoming = frames[k];
    if (upcoming) setTimeout(next, Math.max(0, startAt + upcoming.atMs - now()));
  };
  next();
}

const server = createServer((req, res) => {
  const reply = (status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  if (req.method === 'GET' && req.url === '/stream') {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    res.write(greeting);
    req.socket.setNoDelay(true);
    clients.add(res);
    res.on('close', () => clients.delete(res));
    return;
  }
  if (req.method === 'GET' && req.url === '/stats') return reply(200, { clients: clients.size, played });
  if (req.method === 'POST' && (req.url === '/setup' || req.url === '/play')) {
    void body(req).then(
      (value) => {
        if (req.url === '/setup') {
          greeting = Buffer.from((value as { greeting: string }).greeting, 'base64');
        } else {
          const { startAt, frames } = value as { startAt: number; frames: { atMs: number; bytes: string }[] };
          played = 0;
          play(
            startAt,
            frames.map((f) => ({ atMs: f.atMs, bytes: Buffer.from(f.bytes, 'base64') })),
          );
        }
        reply(200, { ok: true });
      },
      (error: unknown) => reply(400, { error: String(error) }),
    );
    return;
  }
  reply(404, { error: 'not found' });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
});
const stop = () => {
  for (const res of clients) res.destroy();
  server.close(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
