/**
 * `pitwall timing import FILE --season ID --round N [--confirm]`: the file's header says what it is;
 * a qualifying result sets poles by the season's pole rule, a classification the round's results,
 * a lap analysis a race's drive times or a qualifying session's second-best-lap poles; on the
 * embedded database alone, and through `pitwall serve` when it owns that database.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPitwall, servePitwall } from './support/pitwall-process.ts';

const FIXTURES = new URL('fixtures/round-by-round/', import.meta.url).pathname;
const QUALIFYING = join(FIXTURES, '202412071015-qualifying-20lmp2-20and-20gt-results.csv');
const LAPS = join(FIXTURES, '202412071015-qualifying-20lmp2-20and-20gt-laps.csv');
const DUBAI_RACE_1 = join(FIXTURES, '202502081410-race-201-hour-4-results.csv');
const RACE_LAPS = new URL('fixtures/lap-analysis/202412071400-race-201-laps.csv', import.meta.url).pathname;
const SEASON = ['--season', 'rbr-2024-25'];

let root: string;
const { DATABASE_URL: _ignored, ...baseEnv } = process.env;
const env = () => ({ ...baseEnv, PITWALL_DATA: join(root, 'db'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' });

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'pitwall-timing-'));
});
after(() => rm(root, { recursive: true, force: true }));

const pitwall = (args: string[]) => runPitwall(args, env());
const serve = () => servePitwall(env());

test('a qualifying result on the database alone sets race 1 pole and names race 2 pole as not set', async () => {
  const imported = await pitwall(['import', join(FIXTURES, 'season.yaml')]);
  assert.equal(imported.code, 0, imported.stderr);
  const poles = await pitwall(['timing', 'import', QUALIFYING, ...SEASON, '--round', '1']);
  assert.equal(poles.code, 0, poles.stderr);
  assert.match(poles.stdout, /^rbr-2024-25 round 1 LMP2: pole #24, #22, #30$/m);
  assert.match(poles.stdout, /^rbr-2024-25 round 1 GT: pole #51, #7$/m);
  assert.match(poles.stdout, /^not set: round 2: race 2 pole: needs the qualifying lap analysis/m);

  // The session's lap analysis sets race 2's pole; #30's lap faster than its best in the results was deleted.
  const laps = await pitwall(['timing', 'import', LAPS, ...SEASON, '--round', '1']);
  assert.equal(laps.code, 0, laps.stderr);
  assert.match(laps.stdout, /^rbr-2024-25 round 2 LMP2: pole #22, #24, #30$/m);
  assert.match(laps.stdout, /^rbr-2024-25 round 2 GT: pole #7, #51$/m);
  assert.match(laps.stdout, /^note: .*:13: #30 lap 2 \(1:53.000\) is faster than its best .*: taken as deleted$/m);
  const session = await pitwall(['timing', 'import', QUALIFYING, ...SEASON, '--round', '1', '--session', 'race']);
  assert.equal(session.code, 1);
  assert.match(
    session.stderr,
    /sessions \(--session\) are for a lap analysis; .* is an Al Kamel qualifying result: nothing imported/,
  );
  const round = await pitwall(['timing', 'import', QUALIFYING, ...SEASON, '--round', 'two']);
  assert.deepEqual([round.code, round.stderr], [1, '--round: expected a round number such as 2, not "two"\n']);
});

test('beside a running server: a file of another round is refused line by line, then confirmed', async () => {
  const server = await serve();
  try {
    const refused = await pitwall(['timing', 'import', DUBAI_RACE_1, ...SEASON, '--round', '2']);
    assert.equal(refused.code, 3, 'needs-confirmation: run again with --confirm');
    const lines = refused.stderr.trim().split('\n');
    assert.match(lines[0]!, /:1: wrong-date the file is of 2025-02-08, round 2 \(Sepang - Race 2\) is on 2024-12-08$/);
    assert.match(refused.stderr, /driver-not-entered #22 Jonas WEBER is in the crew but not entered for round 2/);
    assert.equal(lines.at(-1), 'nothing imported: run again with --confirm to enter the drivers listed for the round');
    const standings = `${server.url}/api/v1/seasons/rbr-2024-25/standings?class=LMP2&kind=teams`;
    const rows = async () =>
      ((await (await fetch(standings)).json()) as { standings: { rows: { car: string; points: number }[] }[] })
        .standings[0]?.rows ?? [];
    assert.deepEqual(
      (await rows()).map((r) => [r.car, r.points]),
      [
        ['22', 1],
        ['24', 1],
        ['30', 0],
      ],
      'the poles only: race 1 to #24, race 2 (the lap analysis) to #22',
    );

    const confirmed = await pitwall(['timing', 'import', DUBAI_RACE_1, ...SEASON, '--round', '2', '--confirm']);
    assert.equal(confirmed.code, 0, confirmed.stderr);
    assert.match(confirmed.stdout, /^rbr-2024-25 round 2: classification imported as provisional results$/m);
    assert.match(confirmed.stdout, /^crew: #22 Jonas WEBER entered for round 2$/m);
    // Served at once: #30 won round 2.
    assert.equal((await rows()).find((r) => r.car === '30')?.points, 25);
  } finally {
    await server.stop();
  }
});

test("beside a running server: a race's lap analysis, its drive times served at once; a name that does not say its session", async () => {
  const server = await serve();
  try {
    const renamed = join(root, 'laps.csv');
    await copyFile(RACE_LAPS, renamed);
    const unsaid = await pitwall(['timing', 'import', renamed, ...SEASON, '--round', '1']);
    assert.equal(unsaid.code, 1);
    assert.match(
      unsaid.stderr,
      /^laps\.csv:1: session laps\.csv: cannot tell a race lap analysis from a qualifying one/m,
    );

    const stored = await pitwall(['timing', 'import', renamed, ...SEASON, '--round', '1', '--session', 'race']);
    assert.equal(stored.code, 0, stored.stderr);
    assert.match(
      stored.stdout,
      /^rbr-2024-25 round 1: race lap analysis stored: 5 cars, 73 laps; 0 drive-time infringements$/m,
    );
    assert.match(stored.stdout, /^spelling: #51 Elodie BRAZZUOLI is Élodie BRAZZOULI$/m);
    const times = await fetch(`${server.url}/api/v1/seasons/rbr-2024-25/rounds/1/drive-times`);
    assert.equal(times.status, 200);
    const body = (await times.json()) as { file: string; classes: { class: string }[] };
    assert.deepEqual([body.file, body.classes.map((c) => c.class)], ['laps.csv', ['LMP2', 'GT']]);
  } finally {
    await server.stop();
  }
});
