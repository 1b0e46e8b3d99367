/**
 * `pitwall classify LAPFILE --season FILE --round N`: the final classification computed from a lap
 * analysis under the season's rule, and the differences from the published one. The Club Hour
 * (test/fixtures/classification/) under each rule; then the real Le Mans 2024 and Sebring 2025
 * lap files, which reproduce their official classifications car for car.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseClassificationCsv } from '../src/formats/timing/classification-csv.ts';
import { leMans2024SeasonYaml } from './support/le-mans-2024-season.ts';
import { needsRecordedRaces, timingBytes, timingPath } from './support/timing-fixtures.ts';
import type { TimingFixture } from './support/timing-fixtures.ts';

const run = promisify(execFile);
const BIN = new URL('../bin/pitwall.js', import.meta.url).pathname;
const FIXTURES = new URL('fixtures/classification/', import.meta.url).pathname;
const LAPS = join(FIXTURES, 'club-race-laps.csv');

async function pitwall(...args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface Json {
  readonly rule: string;
  readonly lines: readonly { car: string; position: number; classPosition: number; status: string; laps: number }[];
  readonly differences?: readonly { car: string; message: string }[];
}

async function classified(season: string, ...more: string[]): Promise<Json> {
  const result = await pitwall(
    'classify',
    LAPS,
    '--season',
    join(FIXTURES, season),
    '--round',
    '1',
    '--format',
    'json',
    ...more,
  );
  assert.equal(result.code, 0, result.stderr);
  // The car the season does not enter is said, not classified.
  assert.equal(result.stderr, `${LAPS}: #99 (3 laps) is not in the season's entry list: not classified\n`);
  return JSON.parse(result.stdout) as Json;
}

const shown = (json: Json) => json.lines.map((l) => `${l.car} ${l.status}`);

test("the Club Hour under the ACO's rule (no classification section): classified, NC, Ret", async () => {
  const json = await classified('aco.yaml');
  assert.deepEqual(shown(json), ['1 Classified', '2 Classified', '11 Classified', '12 NC', '3 Ret', '4 Ret', '13 Ret']);
  assert.deepEqual(
    json.lines.map((l) => [l.car, l.position, l.classPosition]),
    [
      ['1', 1, 1],
      ['2', 2, 2],
      ['11', 3, 1],
      ['12', 4, 2],
      ['3', 5, 3],
      ['4', 6, 4],
      ['13', 7, 3],
    ],
  );
  assert.match(json.rule, /^Classified: 70 % of the overall winner's laps \(rounded up\), and the chequered flag;/);
});

test('the Club Hour under each rule of its fixtures', async () => {
  // IMSA: every car on its laps — #3, stopped on its last lap with 9, ahead of #11 with 9 later.
  assert.deepEqual(shown(await classified('imsa.yaml')), [
    '1 Classified',
    '2 Classified',
    '3 Classified',
    '11 Classified',
    '12 Classified',
    '4 Classified',
    '13 Classified',
  ]);
  // 50 % of the class winner, rounded down: #12 (6 of GT's 9) classified; #3 classified on its
  // laps after stopping on its last lap; the others without the flag NC.
  assert.deepEqual(shown(await classified('club.yaml')), [
    '1 Classified',
    '2 Classified',
    '3 Classified',
    '11 Classified',
    '12 Classified',
    '4 NC',
    '13 NC',
  ]);
  // Six laps and the flag, ranked by laps: #3 NC for stopping on its last lap, kept in its place.
  assert.deepEqual(shown(await classified('laps.yaml')), [
    '1 Classified',
    '2 Classified',
    '3 NC',
    '11 Classified',
    '12 Classified',
    '4 Ret',
    '13 Ret',
  ]);
});

test("against the provider's sheet: the cars placed differently, one line each, exit 0", async () => {
  const against = join(FIXTURES, 'club-race-results.csv');
  const result = await pitwall(
    'classify',
    LAPS,
    '--season',
    join(FIXTURES, 'aco.yaml'),
    '--round',
    '1',
    '--against',
    against,
  );
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^Club Hour \(round 1 of club-aco\), from .*club-race-laps\.csv$/m);
  assert.match(
    result.stdout,
    /│ #3 +│ P +│ 3 +│ Prototype Three +│ Ret +│ 9 +│ 15:09\.000 +│ stopped on its last lap +│/,
  );
  assert.match(result.stdout, /│ #12 +│ GT +│ 2 +│ GT Twelve +│ NC +│ 6 +│ 17:00\.000 +│ 6 of 7 laps +│/);
  const tail = result.stdout.slice(result.stdout.indexOf('Against '));
  assert.equal(
    tail,
    [
      `Against ${against}: 2 cars differ:`,
      '  #12 GT: computed 4th (GT 2nd), NC, 6 laps; published 5th (GT 2nd), NC, 6 laps',
      '  #3 P: computed 5th (P 3rd), Ret, 9 laps; published 4th (P 3rd), Classified, 9 laps',
      '',
    ].join('\n'),
  );
});

test("without --against, the season file's own classification of the round is checked", async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pitwall-classify-'));
  try {
    const text = await readFile(join(FIXTURES, 'aco.yaml'), 'utf8');
    const season = join(dir, 'with-results.yaml');
    const results = ['1', '2', '11', '12: NC', '3: Ret', '4: Ret', '13: Ret'].map((entry) => {
      const [car, status] = entry.split(': ');
      return `      - { car: '${car}'${status ? `, status: ${status}` : ''} }`;
    });
    await writeFile(season, `${text}races:\n  - round: 1\n    classification:\n${results.join('\n')}\n`);
    const same = await pitwall('classify', LAPS, '--season', season, '--round', '1');
    assert.equal(same.code, 0, same.stderr);
    assert.match(
      same.stdout,
      /Against the season file's classification of round 1: the same, car for car \(7 cars\)\.\n$/,
    );
    // Without results in the season and without --against, nothing to check against: no such line.
    const alone = await pitwall('classify', LAPS, '--season', join(FIXTURES, 'aco.yaml'), '--round', '1');
    assert.doesNotMatch(alone.stdout, /Against/);
  } finally {
    await rm(dir, { recursive: true });
  }
});

test('mistakes: a round not in the season, laps that never reach the flag, a file not there: exit 1, said', async () => {
  const season = join(FIXTURES, 'aco.yaml');
  const round = await pitwall('classify', LAPS, '--season', season, '--round', '2');
  assert.equal(round.code, 1);
  assert.equal(round.stderr.trim(), '--round 2: no such round in club-aco (its rounds: 1)');
  const dir = await mkdtemp(join(tmpdir(), 'pitwall-classify-'));
  try {
    const early = join(dir, 'first-ten-minutes.csv');
    const lines = (await readFile(LAPS, 'utf8')).split('\n').filter((line) => !line.includes(';FF;'));
    await writeFile(early, lines.join('\n'));
    const open = await pitwall('classify', early, '--season', season, '--round', '1');
    assert.equal(open.code, 1);
    assert.match(
      open.stderr,
      /first-ten-minutes\.csv: no lap was crossed under the chequered flag \(FLAG_AT_FL FF\): the race is not over/,
    );
    const missing = await pitwall('classify', join(dir, 'none.csv'), '--season', season, '--round', '1');
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr.trim(), `${join(dir, 'none.csv')}: cannot read the lap file: no such file`);
  } finally {
    await rm(dir, { recursive: true });
  }
});

/** The computed classification and the official one, car for car, status and laps. */
async function reproduces(lapFile: TimingFixture, seasonFile: string, results: TimingFixture) {
  const against = timingPath(results);
  const result = await pitwall(
    'classify',
    timingPath(lapFile),
    '--season',
    seasonFile,
    '--round',
    '1',
    '--format',
    'json',
    '--against',
    against,
  );
  assert.equal(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout) as Json;
  const official = parseClassificationCsv(timingBytes(results), 'results.csv');
  assert.ok(official.ok);
  assert.deepEqual(
    json.lines.map((l) => [l.car, l.status, l.laps]),
    official.value.lines.map((l) => [l.car, l.status, l.laps]),
  );
  assert.deepEqual(json.differences, []);
}

test(
  'Le Mans 2024 and Sebring 2025: pitwall classify reproduces both official classifications',
  { timeout: 120_000, ...needsRecordedRaces },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pitwall-classify-'));
    try {
      const leMans = join(dir, 'le-mans-2024.yaml');
      await writeFile(leMans, leMans2024SeasonYaml());
      await reproduces('leMans2024Laps', leMans, 'leMans2024Classification');
      const sebring = join(dir, 'sebring-2025.yaml');
      const made = await pitwall(
        'season-from-timing',
        timingPath('sebring2025Results'),
        '--series',
        'IMSA WeatherTech SportsCar Championship',
        '--season',
        '2025',
        '--round-name',
        'Twelve Hours of Sebring',
        '-o',
        sebring,
      );
      assert.equal(made.code, 0, made.stderr);
      await reproduces('sebring2025Laps', sebring, 'sebring2025Results');
    } finally {
      await rm(dir, { recursive: true });
    }
  },
);
