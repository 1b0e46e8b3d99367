/**
 * End to end: `pitwall replay` sends the real Le Mans 2024 lap file to a real Pitwall server
 * (PGlite in a temporary directory) as fast as it takes it, and the live snapshot it then serves
 * is the official classification, position for position, overall and per class, NC and Ret included;
 * the live page, open in Chromium during the replay, ends showing the same.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openOfficials } from '../src/app/officials.ts';
import { parseClassificationCsv } from '../src/formats/timing/classification-csv.ts';
import type { RunningServer } from '../src/http/server.ts';
import { startServer } from '../src/http/server.ts';
import type { LiveCar, LiveView } from '../src/live/view.ts';
import { LE_MANS_2024, leMans2024SeasonYaml } from './support/le-mans-2024-season.ts';
import { needsRecordedRaces, timingBytes, timingPath } from './support/timing-fixtures.ts';
import { launchChromium, needsChromium } from './support/chromium.ts';

const run = promisify(execFile);
const BIN = new URL('../bin/pitwall.js', import.meta.url).pathname;

let server: RunningServer;
let dir = '';
let base = '';
let token = '';

before(async () => {
  if (needsRecordedRaces.skip) return; // the test is skipped: nothing to set up
  dir = await mkdtemp(join(tmpdir(), 'pitwall-live-replay-'));
  process.env.LOG_LEVEL ??= 'silent';
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'db'), databaseUrl: undefined });
  base = server.url.replace('localhost', '127.0.0.1');
  const imported = await server.office.importSeasonFile(leMans2024SeasonYaml(), 'le-mans-2024.yaml');
  assert.ok(imported.ok, 'the Le Mans 2024 season file imports');
  assert.equal(imported.value.id, LE_MANS_2024.seasonId);
  const created = await openOfficials(server.office.db).createToken({ name: 'timing-replay', scope: 'timing' });
  assert.ok(created.ok, 'a timing token is created');
  token = created.value.token;
});

after(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Snapshot {
  readonly eventId: string;
  readonly view: LiveView;
}

async function snapshot(): Promise<Snapshot> {
  const response = await fetch(`${base}/api/v1/seasons/${LE_MANS_2024.seasonId}/rounds/${LE_MANS_2024.round}/live`);
  assert.equal(response.status, 200);
  return (await response.json()) as Snapshot;
}

/** The snapshot once it has caught up with the event `eventId` (the feed may publish on an interval). */
async function snapshotAt(eventId: string, timeoutMs = 30_000): Promise<Snapshot> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const current = await snapshot();
    if (current.eventId === eventId) return current;
    if (performance.now() > deadline) assert.fail(`the snapshot is at event ${current.eventId}, not ${eventId}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test(
  'Le Mans 2024 replayed with pitwall replay --speed max: the live view ends in the official classification',
  { timeout: 300_000, ...needsChromium, ...needsRecordedRaces },
  async () => {
    // A fan follows the race on the live page while the replay drives it.
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${base}/seasons/${LE_MANS_2024.seasonId}/rounds/${LE_MANS_2024.round}/live`);
    await page.waitForSelector('#live-connection:has-text("Live")');

    const { PITWALL_TOKEN: _token, PORT: _port, ...env } = process.env;
    const { stdout, stderr } = await run(
      process.execPath,
      [
        BIN,
        'replay',
        timingPath('leMans2024Laps'),
        '--season',
        LE_MANS_2024.seasonId,
        '--round',
        String(LE_MANS_2024.round),
        '--speed',
        'max',
        '--url',
        base,
        '--token',
        token,
      ],
      { env },
    ).catch((error: { code: number; stdout: string; stderr: string }) =>
      assert.fail(`pitwall replay exited ${error.code}:\n${error.stdout}\n${error.stderr}`),
    );
    assert.match(stdout, /: 15593 events sent, 15593 accepted, 0 rejected; last event id /, stderr);
    const lastEventId = /last event id (\S+)/.exec(stdout)?.[1] ?? '';

    const { view } = await snapshotAt(lastEventId);
    assert.equal(view.race.final, true, 'the chequered flag is out');
    assert.equal(view.race.flag, 'FF');
    assert.equal(view.race.leaderLaps, 311);
    assert.equal(view.race.events, 15_593);
    // Nothing refused by the race state either (unknown car, duplicate lap, lap going backwards).
    assert.deepEqual(
      Object.entries(view.race.rejected).filter(([, n]) => n > 0),
      [],
    );

    const official = parseClassificationCsv(timingBytes('leMans2024Classification'), 'results.csv');
    assert.ok(official.ok);
    const lines = official.value.lines;
    const cars = Object.values(view.cars);
    const byPosition = [...cars].sort((a, b) => a.position - b.position);
    assert.deepEqual(
      byPosition.map((c) => c.position),
      lines.map((_, i) => i + 1),
    );
    assert.deepEqual(
      byPosition.map((c) => [c.car, c.status]),
      lines.map((l) => [l.car, l.status]),
    );
    for (const cls of ['HYPERCAR', 'LMP2', 'LMGT3']) {
      const inClass = cars.filter((c: LiveCar) => c.class === cls).sort((a, b) => a.classPosition - b.classPosition);
      assert.deepEqual(
        inClass.map((c) => [c.classPosition, c.car, c.status]),
        lines.filter((l) => l.class === cls).map((l, i) => [i + 1, l.car, l.status]),
        cls,
      );
    }
    // Laps as the classification counts them.
    assert.deepEqual(
      byPosition.map((c) => [c.car, c.laps]),
      lines.map((l) => [l.car, l.laps]),
    );

    // The page the replay drove shows the same: every class in the official order, statuses too.
    try {
      await page.waitForSelector(`#live[data-final="true"][data-event-id="${lastEventId}"]`, { timeout: 30_000 });
      for (const cls of ['HYPERCAR', 'LMP2', 'LMGT3']) {
        const shown = await page.$$eval(`.live-class[data-class="${cls}"] .live-race tbody tr`, (rows) =>
          rows.map((r) => [r.getAttribute('data-car'), r.querySelector('td.status')?.textContent ?? '']),
        );
        const expected = lines.filter((l) => l.class === cls).map((l) => [l.car, l.status]);
        assert.deepEqual(shown, expected, `the live page's ${cls} classification`);
      }
    } finally {
      await browser.close();
    }
  },
);
