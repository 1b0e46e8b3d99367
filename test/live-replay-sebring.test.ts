/**
 * End to end, IMSA's way of classifying: `pitwall season-from-timing` on the Sebring 2025 results
 * (an IMSA file, so the imsa preset: every car ranked by its laps, running at the end or not),
 * `pitwall import` into a running server, `pitwall token add`, and `pitwall replay` of the lap
 * file at `--speed max`: the live view ends with every car, overall and in every class, in the
 * official place of the results file — #40, stopped 8 minutes before the end with 345 laps, 18th
 * and Classified, where the ACO's rule would put it 44th and Ret.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseClassificationCsv } from '../src/formats/timing/classification-csv.ts';
import type { RunningServer } from '../src/http/server.ts';
import { startServer } from '../src/http/server.ts';
import type { LiveView } from '../src/live/view.ts';
import { needsRecordedRaces, timingBytes, timingPath } from './support/timing-fixtures.ts';

const run = promisify(execFile);
const BIN = new URL('../bin/pitwall.js', import.meta.url).pathname;
const SEASON = 'imsa-2025';

let server: RunningServer;
let dir = '';
let base = '';

before(async () => {
  if (needsRecordedRaces.skip) return; // the test is skipped: nothing to set up
  dir = await mkdtemp(join(tmpdir(), 'pitwall-sebring-replay-'));
  process.env.LOG_LEVEL ??= 'silent';
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'db'), databaseUrl: undefined });
  base = server.url.replace('localhost', '127.0.0.1');
});

after(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The real command, beside the running server (same PITWALL_DATA: it goes to the server). */
async function pitwall(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const { PITWALL_TOKEN: _token, PORT: _port, DATABASE_URL: _url, ...env } = process.env;
  return run(process.execPath, [BIN, ...args], { env: { ...env, PITWALL_DATA: join(dir, 'db') } }).catch(
    (error: { code: number; stdout: string; stderr: string }) =>
      assert.fail(`pitwall ${args[0]} exited ${error.code}:\n${error.stdout}\n${error.stderr}`),
  );
}

async function view(): Promise<{ eventId: string; view: LiveView }> {
  const response = await fetch(`${base}/api/v1/seasons/${SEASON}/rounds/1/live`);
  assert.equal(response.status, 200);
  return (await response.json()) as { eventId: string; view: LiveView };
}

test(
  'Sebring 2025: season-from-timing, import, replay --speed max: every car in its official place, overall and in class',
  { timeout: 300_000, ...needsRecordedRaces },
  async () => {
    const seasonFile = join(dir, 'sebring-2025.yaml');
    const made = await pitwall(
      'season-from-timing',
      timingPath('sebring2025Results'),
      '--series',
      'IMSA WeatherTech SportsCar Championship',
      '--season',
      '2025',
      '--id',
      SEASON,
      '--round-name',
      'Mobil 1 Twelve Hours of Sebring',
      '--output',
      seasonFile,
    );
    assert.match(made.stderr, /IMSA results \(IMSA_… columns\): rules from the imsa preset/);
    const imported = await pitwall('import', seasonFile);
    assert.match(imported.stdout, /^imported imsa-2025: /);
    const token = (await pitwall('token', 'add', 'sebring-replay', '--scope', 'timing')).stdout.trim();

    const { stdout } = await pitwall(
      'replay',
      timingPath('sebring2025Laps'),
      '--season',
      SEASON,
      '--round',
      '1',
      '--speed',
      'max',
      '--url',
      base,
      '--token',
      token,
    );
    assert.match(stdout, /: 17039 events sent, 17039 accepted, 0 rejected; last event id /);
    const lastEventId = /last event id (\S+)/.exec(stdout)?.[1] ?? '';
    const deadline = performance.now() + 30_000;
    let current = await view();
    while (current.eventId !== lastEventId && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = await view();
    }
    assert.equal(current.eventId, lastEventId);
    const live = current.view;
    assert.equal(live.race.final, true);
    assert.deepEqual(
      Object.entries(live.race.rejected).filter(([, n]) => n > 0),
      [],
    );
    assert.match(
      live.race.classificationRule,
      /^Classified: no minimum distance, whether or not it took the chequered flag/,
    );

    const official = parseClassificationCsv(timingBytes('sebring2025Results'), 'results.csv');
    assert.ok(official.ok);
    const lines = official.value.lines;
    assert.equal(lines.length, 56);
    const cars = Object.values(live.cars).sort((a, b) => a.position - b.position);
    assert.deepEqual(
      cars.map((c) => [c.position, c.car, c.status, c.laps]),
      lines.map((l, i) => [i + 1, l.car, l.status, l.laps]),
    );
    for (const cls of ['GTP', 'LMP2', 'GTDPRO', 'GTD']) {
      const inClass = cars.filter((c) => c.class === cls).sort((a, b) => a.classPosition - b.classPosition);
      assert.deepEqual(
        inClass.map((c) => [c.classPosition, c.car]),
        lines.filter((l) => l.class === cls).map((l, i) => [i + 1, l.car]),
        cls,
      );
    }
    assert.deepEqual([live.cars['40']?.position, live.cars['40']?.status], [18, 'Classified']);
    // IMSA's points: the GTP winner #7 scores 350 (no pole is known: the results file has none).
    assert.equal(live.standings['GTP/teams']?.rows['7']?.points, 350_000);
  },
);
