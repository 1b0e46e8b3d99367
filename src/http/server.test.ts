import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from './server.ts';
import { BUNDLED_SEASON, startServer } from './server.ts';

let server: RunningServer;
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pitwall-server-'));
  process.env.LOG_LEVEL = 'silent';
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'db') });
});
after(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

const STANDINGS = '/api/v1/seasons/alms-2019-20/standings';
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(server.url.replace('localhost', '127.0.0.1') + path, { headers });

test('an empty database gets the bundled season on first start', async () => {
  const seasons = (await (await get('/api/v1/seasons')).json()) as { id: string }[];
  assert.deepEqual(
    seasons.map((s) => s.id),
    ['alms-2019-20'],
  );
});

test('a repeated read is answered from the stored bytes, with the same ETag, and 304 when current', async () => {
  const first = await get(STANDINGS);
  const firstBody = await first.text();
  const second = await get(STANDINGS);
  assert.equal(second.status, 200);
  assert.equal(await second.text(), firstBody);
  assert.equal(second.headers.get('etag'), first.headers.get('etag'));
  assert.equal(second.headers.get('content-type'), first.headers.get('content-type'));
  assert.equal(second.headers.get('cache-control'), 'public, max-age=60');
  const notModified = await get(STANDINGS, { 'if-none-match': first.headers.get('etag') ?? '' });
  assert.equal(notModified.status, 304);
  assert.equal(await notModified.text(), '');
});

test('an import moves the revision on: no stale bytes are served after it', async () => {
  const before = await (await get(STANDINGS)).text();
  const text = (await readFile(BUNDLED_SEASON, 'utf8')).replace('G-Drive Racing with Algarve', 'G-Drive Racing');
  const imported = await server.office.importSeasonFile(text, 'renamed.yaml');
  assert.ok(imported.ok);
  const after = await (await get(STANDINGS)).text();
  assert.notEqual(after, before);
  assert.match(after, /"team": ?"G-Drive Racing"/);
});

test('unknown pages are 404 whether or not they were asked before', async () => {
  assert.equal((await get('/seasons/nope')).status, 404);
  assert.equal((await get('/seasons/nope')).status, 404);
});
