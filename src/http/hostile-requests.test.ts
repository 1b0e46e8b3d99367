/**
 * One request must never take Pitwall down, nor get a 500 for what it sent: malformed
 * percent-encoding, overlong paths and odd bytes, sent over a bare socket (fetch would refuse or
 * normalise them) to every route prefix of a real server — the fast path before the app (stored
 * responses, the live stream) as well as the app's pages, API, sign-in and assets.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from './server.ts';
import { startServer } from './server.ts';
import { rawRequest, sendRaw, statusesOnOneConnection } from '../../test/support/raw-http.ts';

let server: RunningServer;
let dir: string;
let port: number;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pitwall-hostile-'));
  process.env.LOG_LEVEL = 'silent';
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'db') });
  port = Number(new URL(server.url).port);
});
after(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

const SEASON = 'alms-2019-20';

/** A path under every prefix the server answers, public and private. */
const PREFIXES = [
  '/',
  '/history',
  `/seasons/${SEASON}`,
  `/seasons/${SEASON}/rounds/1`,
  `/seasons/${SEASON}/rounds/1/live`,
  `/seasons/${SEASON}/standings`,
  `/seasons/${SEASON}/standings/lmp2/teams`,
  `/seasons/${SEASON}/title/lmp2`,
  '/drivers/roman-rusinov',
  '/teams/g-drive-racing-with-algarve',
  '/api',
  '/api/openapi.json',
  '/api/v1/seasons',
  `/api/v1/seasons/${SEASON}`,
  `/api/v1/seasons/${SEASON}/rounds/1/results`,
  `/api/v1/seasons/${SEASON}/standings`,
  `/api/v1/seasons/${SEASON}/standings.csv`,
  `/api/v1/seasons/${SEASON}/title/LMP2`,
  `/api/v1/seasons/${SEASON}/decisions`,
  `/api/v1/seasons/${SEASON}/rounds/1/live`,
  `/api/v1/seasons/${SEASON}/rounds/1/live/stream`,
  '/api/v1/admin/whoami',
  '/admin',
  `/admin/seasons/${SEASON}`,
  `/admin/seasons/${SEASON}/rounds/1`,
  '/admin/officials',
  '/login',
  '/assets/pitwall.css',
  '/assets/live.js',
];

/** Percent-encodings no UTF-8 decoder accepts, and some it accepts but should never see. */
const BAD_ENCODINGS = ['%', '%E0%A4%A', '%ZZ', '%00', '%C0%AF', '%ED%A0%80', '%FF', '%2F..%2F..%2Fetc%2Fpasswd'];

/** Every way to put bad input in a target: in a segment of its own, glued to the last one, in the query. */
function hostileTargets(prefix: string): string[] {
  const base = prefix === '/' ? '' : prefix;
  const stream = prefix.endsWith('/live/stream');
  return [
    ...BAD_ENCODINGS.flatMap((bad) => [`${base}/${bad}`, `${base}${bad}`]),
    `${prefix}?asOf=%E0%A4%A&class=%ZZ&kind=%00&beforeRound=%FF&pole=%&next=%E0&v=%C0%AF&lastEventId=%ED%A0%80`,
    `${prefix}?%E0%A4%A=1&%=%&&&==`,
    `${prefix}?asOf=+275760-09-13T00:00:00.001Z&beforeRound=1e400&kind=drivers&class=${'x'.repeat(500)}`,
    // Under Node's 16 KB limit for the request head, so the app itself reads it.
    `${base}/${'a'.repeat(8_000)}`,
    `${prefix}?${'q'.repeat(8_000)}=1`,
    ...(stream ? [prefix.replace(SEASON, '%E0%A4%A'), prefix.replace(SEASON, 'a'.repeat(8_000))] : []),
  ];
}

/** Raw bytes in the request line: controls, DEL, bytes that are not UTF-8, a bare UTF-8 letter. */
const ODD_BYTES = [Buffer.from([0x01]), Buffer.from([0x7f]), Buffer.from([0xff, 0xfe]), Buffer.from('é', 'utf8')];

async function assertAnswered(target: string | Buffer, method = 'GET'): Promise<void> {
  const answer = await sendRaw(port, rawRequest(target, { method }), { limit: 64 * 1024 });
  const shown = (typeof target === 'string' ? target : target.toString('latin1')).slice(0, 100);
  assert.ok(answer.status >= 200 && answer.status < 500, `${method} ${shown}: ${answer.status || 'no answer'}`);
}

async function assertStillServing(): Promise<void> {
  for (const path of ['/', '/api/v1/seasons', `/seasons/${SEASON}/standings`]) {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    assert.equal(response.status, 200, path);
    await response.arrayBuffer();
  }
}

test('malformed percent-encoding on every route prefix: a 4xx (or the page), never a 5xx', async () => {
  for (const prefix of PREFIXES) {
    // A prefix's requests together, as a crowd would send them.
    await Promise.all([
      ...hostileTargets(prefix).map((target) => assertAnswered(target)),
      // The fast path answers GETs only; the others reach the app's method handling.
      ...['HEAD', 'POST'].map((method) => assertAnswered(`${prefix}/%E0%A4%A?asOf=%ZZ`, method)),
    ]);
  }
  await assertStillServing();
});

test('a malformed season id on the live stream is a 400 that says what is wrong, and the server goes on', async () => {
  const answer = await sendRaw(port, rawRequest('/api/v1/seasons/%E0%A4%A/rounds/1/live/stream'));
  assert.equal(answer.status, 400);
  assert.deepEqual(JSON.parse(answer.body.toString('utf8')), {
    error: {
      code: 'bad-request',
      message: 'The season id in the path is not valid percent-encoding (RFC 3986, UTF-8).',
    },
  });
  const unknown = await sendRaw(port, rawRequest(`/api/v1/seasons/${'a'.repeat(8_000)}/rounds/1/live/stream`));
  assert.equal(unknown.status, 404);
  assert.ok(unknown.body.length < 200, 'the 404 does not echo an 8 KB id back');
  await assertStillServing();
});

test('overlong paths and odd bytes in the request line are refused with a 4xx; the server goes on', async () => {
  for (const prefix of PREFIXES) {
    await Promise.all([
      ...ODD_BYTES.map((odd) => assertAnswered(Buffer.concat([Buffer.from(prefix, 'latin1'), odd]))),
      // 100 KB: more than Node reads for a request head (431).
      assertAnswered(`${prefix}/${'b'.repeat(100_000)}`),
    ]);
  }
  await assertStillServing();
});

test('on a kept-alive connection, after an answer from the store, a hostile target gets the answer it gets alone', async () => {
  const head = (target: string, last = false) =>
    Buffer.from(`GET ${target} HTTP/1.1\r\nHost: localhost\r\n${last ? 'Connection: close\r\n' : ''}\r\n`, 'latin1');
  const stored = '/api/v1/seasons';
  await (await fetch(`http://127.0.0.1:${port}${stored}`)).arrayBuffer();
  for (const prefix of PREFIXES.filter((p) => !p.endsWith('/live/stream'))) {
    await Promise.all(
      hostileTargets(prefix).map(async (target) => {
        const alone = await sendRaw(port, rawRequest(target), { limit: 64 * 1024 });
        // Read by the connection's fast path (./connection-fast-path.ts) or handed to Node: the same answer.
        const statuses = await statusesOnOneConnection(port, [head(stored), head(target), head(stored, true)]);
        assert.equal(statuses[0], 200, target.slice(0, 100));
        assert.equal(statuses[1], alone.status, target.slice(0, 100));
        if (alone.status !== 400) assert.equal(statuses[2], 200, `${target.slice(0, 100)}: the connection goes on`);
      }),
    );
  }
  await assertStillServing();
});
