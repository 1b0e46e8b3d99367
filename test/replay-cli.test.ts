/**
 * `pitwall replay`: the command's errors, run as the real command, and its conversation with a
 * stand-in for the ingest endpoint (a plain node:http server in this process) — retries, the
 * summary, and the stop on refused credentials. test/live-replay.test.ts runs it against Pitwall.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { needsRecordedRaces, timingText } from './support/timing-fixtures.ts';

const run = promisify(execFile);
const BIN = new URL('../bin/pitwall.js', import.meta.url).pathname;

/** Runs the real command; never throws, so exit codes can be asserted. */
async function pitwall(args: string[], env: Record<string, string> = {}) {
  const { PITWALL_TOKEN: _token, PORT: _port, ...base } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...base, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir = '';
let good = '';
let broken = '';
/** The first 20 laps of the real Le Mans 2024 lap file (the header and the first cars). */
const LAPS = 20;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pitwall-replay-'));
  if (needsRecordedRaces.skip) return; // the tests that replay laps are skipped
  const lines = timingText('leMans2024Laps').split(/\r?\n/);
  good = join(dir, 'laps.csv');
  await writeFile(good, `${lines.slice(0, LAPS + 1).join('\n')}\n`);
  broken = join(dir, 'broken.csv');
  // Line 3 of the file: a lap time that is not one.
  await writeFile(broken, `${lines.slice(0, 4).join('\n').replace('3:39.529', '3:3x.529')}\n`);
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const noStackTrace = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at /);

test(
  'replay: no token (neither --token nor PITWALL_TOKEN) is a one-line error, exit 1',
  needsRecordedRaces,
  async () => {
    const { code, stdout, stderr } = await pitwall(['replay', good, '--season', 'wec-2024', '--round', '1']);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /^replay: no token: give --token or set PITWALL_TOKEN/);
    assert.equal(stderr.trim().split('\n').length, 1);
    noStackTrace(stderr);
  },
);

test('replay: an unreadable lap file is a one-line error, exit 1', async () => {
  const missing = join(dir, 'no-such.csv');
  const { code, stderr } = await pitwall(['replay', missing, '--season', 'wec-2024', '--round', '1', '--token', 't']);
  assert.equal(code, 1);
  assert.equal(stderr.trim(), `${missing}: cannot read the lap file: no such file`);
});

test('replay: a broken lap file gives file:line problems, exit 1, nothing sent', needsRecordedRaces, async () => {
  const { code, stdout, stderr } = await pitwall([
    'replay',
    broken,
    '--season',
    'wec-2024',
    '--round',
    '1',
    '--token',
    't',
    '--url',
    'http://127.0.0.1:9',
  ]);
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.match(stderr, /broken\.csv:3: time LAP_TIME: expected a lap time such as 3:29\.208, got "3:3x\.529"/);
  assert.match(stderr, /broken\.csv: not replayed: the file has 1 problem\(s\)/);
  noStackTrace(stderr);
});

test('replay: bad options are named, every one at once', needsRecordedRaces, async () => {
  const { code, stderr } = await pitwall(
    ['replay', good, '--season', 'wec-2024', '--round', 'one', '--speed', 'fast', '--from', 'noon', '--url', 'ftp://x'],
    { PITWALL_TOKEN: 't' },
  );
  assert.equal(code, 1);
  assert.match(stderr, /--round must be a round number such as 1, not "one"/);
  assert.match(stderr, /--speed must be a positive number such as 20, or 0 or max, not "fast"/);
  assert.match(stderr, /--from must be a race time such as 20h, 1h30m or 20:00:00, not "noon"/);
  assert.match(stderr, /--url must be an http\(s\) URL/);
  noStackTrace(stderr);
});

interface Received {
  readonly url: string;
  readonly authorization: string | undefined;
  readonly events: { car: string; lap: number; elapsedMs: number; class?: string }[];
}

/** A stand-in for the ingest endpoint: answers each request with the next of `answers` (the last repeats). */
async function standIn(answers: ((events: Received['events']) => [number, unknown])[]) {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      received.push({ url: req.url ?? '', authorization: req.headers.authorization, events: body.events ?? [] });
      const answer = answers[Math.min(received.length, answers.length) - 1]!;
      const [status, json] = answer(body.events ?? []);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test(
  'replay --speed max: a failing request is retried; every lap sent once, in race-time order; rejections counted by reason',
  needsRecordedRaces,
  async () => {
    const server = await standIn([
      () => [503, { error: { message: 'busy' } }],
      (events) => [
        200,
        {
          accepted: events.length - 2,
          rejected: [
            { index: 0, field: 'car', message: 'unknown car' },
            { index: 1, field: 'car', message: 'unknown car' },
          ],
          lastEventId: '42',
        },
      ],
    ]);
    try {
      const { code, stdout, stderr } = await pitwall(
        ['replay', good, '--season', 'wec-2024', '--round', '1', '--speed', 'max', '--url', server.url],
        { PITWALL_TOKEN: 'secret-token' },
      );
      assert.equal(code, 0, stderr);
      assert.equal(server.received.length, 2, 'one failed request, then the retry');
      const [first, retry] = server.received;
      assert.equal(first?.url, '/api/v1/admin/seasons/wec-2024/rounds/1/live/events');
      assert.equal(retry?.authorization, 'Bearer secret-token');
      assert.deepEqual(retry?.events, first?.events);
      const events = retry?.events ?? [];
      assert.equal(events.length, LAPS);
      assert.ok(events.every((e, i) => i === 0 || events[i - 1]!.elapsedMs <= e.elapsedMs));
      assert.ok(events.every((e) => !('class' in e) && !('team' in e)));
      assert.match(
        stdout,
        /: 20 events sent, 18 accepted, 2 rejected; last event id 42\n {2}2 rejected: car: unknown car\n$/,
      );
      noStackTrace(stderr);
    } finally {
      await server.close();
    }
  },
);

test('replay: a refused token stops at once with a clear message (no retry), exit 1', needsRecordedRaces, async () => {
  const server = await standIn([() => [401, { error: { message: 'invalid token' } }]]);
  try {
    const { code, stderr } = await pitwall([
      'replay',
      good,
      '--season',
      'wec-2024',
      '--round',
      '1',
      '--speed',
      'max',
      '--url',
      server.url,
      '--token',
      'bad',
    ]);
    assert.equal(code, 1);
    assert.equal(server.received.length, 1);
    assert.match(
      stderr,
      /replay: the server refused the token \(HTTP 401: invalid token\): check --token or PITWALL_TOKEN/,
    );
    noStackTrace(stderr);
  } finally {
    await server.close();
  }
});

test(
  'replay: an unknown season or round stops with the season and round named, exit 1',
  needsRecordedRaces,
  async () => {
    const server = await standIn([() => [404, { error: { message: 'no such round' } }]]);
    try {
      const { code, stderr } = await pitwall([
        'replay',
        good,
        '--season',
        'nope-2024',
        '--round',
        '7',
        '--speed',
        'max',
        '--url',
        `${server.url}/`,
        '--token',
        't',
      ]);
      assert.equal(code, 1);
      assert.equal(server.received[0]?.url, '/api/v1/admin/seasons/nope-2024/rounds/7/live/events');
      assert.match(stderr, /replay: no season "nope-2024" round 7 on the server/);
      noStackTrace(stderr);
    } finally {
      await server.close();
    }
  },
);

test('replay at a speed: the laps go in several requests, paced by race time', needsRecordedRaces, async () => {
  const server = await standIn([(events) => [200, { accepted: events.length, rejected: [], lastEventId: '1' }]]);
  try {
    // The first 20 laps (car #10) span about 75 minutes of race time: at ×2000 about two seconds.
    const started = performance.now();
    const { code, stdout, stderr } = await pitwall([
      'replay',
      good,
      '--season',
      'wec-2024',
      '--round',
      '1',
      '--speed',
      '2000',
      '--url',
      server.url,
      '--token',
      't',
    ]);
    assert.equal(code, 0, stderr);
    assert.ok(server.received.length > 1, `${server.received.length} requests`);
    assert.equal(
      server.received.reduce((n, r) => n + r.events.length, 0),
      LAPS,
    );
    assert.ok(performance.now() - started < 10_000);
    assert.match(stdout, /: 20 events sent, 20 accepted, 0 rejected; last event id 1\n$/);
  } finally {
    await server.close();
  }
});
