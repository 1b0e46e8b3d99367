/**
 * `pitwall season-from-timing PATH…` on a timing archive of our own making
 * (test/fixtures/timing-archive: three event folders in the provider's shapes — ragged
 * qualifying rows, " LAPS", commas and semicolons, trailing separators, accents): a whole season
 * file, and a line on standard error for each thing the files do not settle.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { formatIssue, parseSeasonFile } from '../src/formats/season-file.ts';
import type { Season } from '../src/domain/season.ts';
import { needsRecordedRaces, timingPath } from './support/timing-fixtures.ts';

const run = promisify(execFile);
const BIN = new URL('../bin/pitwall.js', import.meta.url).pathname;
const ARCHIVE = new URL('fixtures/timing-archive/', import.meta.url).pathname.replace(/\/$/, '');

async function pitwall(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...base, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const SEASON = ['--series', 'Test Asian Series', '--season', '2024-25', '--id', 'tas-2024-25'];

function parsed(text: string): Season {
  const result = parseSeasonFile(text, 'tas.yaml');
  if (!result.ok) assert.fail(result.error.map(formatIssue).join('\n'));
  return result.value;
}

const driversOf = (season: Season, car: string) => season.entries.find((e) => e.car === car)?.drivers ?? [];

test('the archive with the alms preset: calendar, entries round by round, classifications, poles, and what it could not derive', async () => {
  const { code, stdout, stderr } = await pitwall(['season-from-timing', ARCHIVE, ...SEASON, '--preset', 'alms']);
  assert.equal(code, 0, stderr);
  const season = parsed(stdout);

  assert.deepEqual(
    season.rounds.map((r) => [r.round, r.name, r.date, r.meeting ?? null]),
    [
      [1, 'Sepang - Race 1', '2024-12-07', 'Sepang'],
      [2, 'Sepang - Race 2', '2024-12-08', 'Sepang'],
      [3, 'Dubai - Race 1', '2025-02-08', 'Dubai'],
      [4, 'Dubai - Race 2', '2025-02-09', 'Dubai'],
      [5, 'Abu Dhabi', '2025-02-15', null],
    ],
  );
  assert.deepEqual(
    season.classes.map((c) => c.id),
    ['LMP2', 'GT'],
  );
  assert.deepEqual(
    season.entries.map((e) => `${e.class} #${e.car} ${e.team}`),
    [
      'LMP2 #22 Meridian Racing',
      'LMP2 #24 Northwind Racing',
      'LMP2 #30 Red Dune Engineering',
      'GT #7 Kestrel GT',
      'GT #51 Falcon Motorsport by Apex',
      'GT #88 Orchid Racing',
    ],
  );
  // The preset's rules, with where they come from.
  assert.deepEqual(season.points.positions, [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]);
  assert.equal(season.points.otherClassified, 0.5);
  assert.deepEqual(season.poleRule, { qualifying: 'per-meeting', grids: ['best-lap', 'second-best-lap'] });
  assert.ok(season.notes.some((n) => n.startsWith('Source: One session, two grids')));
  // …and its classification rule: without the flag a car is NC, as the ALMS sheets print it.
  assert.equal(season.classificationRules?.withoutFlag, 'NC');

  // A car joining at round 3; a team renamed from round 3; a driver changed for two rounds.
  assert.deepEqual(
    driversOf(season, '88').map((d) => [d.name, d.rounds]),
    [
      ['Wei CHEN', [3, 4, 5]],
      ['Lars HOLM', [3, 4, 5]],
    ],
  );
  assert.deepEqual(season.entries.find((e) => e.car === '51')?.teamNames, [
    { team: 'Falcon Motorsport', rounds: [1, 2] },
  ]);
  assert.deepEqual(
    driversOf(season, '22').map((d) => [d.name, d.rounds]),
    [
      ['Aksel LINDQVIST', 'all'],
      ['Tomás ORTEGA', 'all'],
      ['Renée FAURE', [1, 2, 5]],
      ['Jonas WEBER', [3, 4]],
    ],
  );
  // A driver spelled three ways is one driver; a double surname shortened too.
  assert.deepEqual(driversOf(season, '51')[1], {
    name: 'Élodie BRAZZOULI',
    nationality: 'FRA',
    rating: 'Silver',
    rounds: 'all',
    aliases: ['ELODIE BRAZZOULI', 'Elodie BRAZZUOLI'],
  });
  assert.deepEqual(driversOf(season, '24')[1]?.aliases, ['Maximilian HOHENBERG']);
  // Ratings and nationalities from the qualifying, however it spells the names.
  assert.deepEqual(driversOf(season, '30')[1], {
    name: 'Lucas MÜLLER',
    nationality: 'DEU',
    rating: 'Silver',
    rounds: 'all',
  });
  assert.deepEqual(driversOf(season, '7')[1], {
    name: 'Sam BROOKS',
    nationality: 'GBR',
    rating: 'Silver',
    rounds: 'all',
  });
  assert.deepEqual(driversOf(season, '30')[2], { name: 'Ana SOUSA', rating: 'Gold', rounds: 'all' });

  // Race 1 is the last hourly snapshot's classification, not the first hour's.
  assert.deepEqual(
    season.races[0]?.classification?.map((l) => l.car),
    ['22', '24', '30', '51', '7'],
  );
  assert.deepEqual(
    season.races.map((r) => r.poles),
    [
      { LMP2: ['24', '22', '30'], GT: ['51', '7'] },
      // The second-best valid laps: #30's 1:53.000 was deleted (faster than its official best).
      { LMP2: ['22', '24', '30'], GT: ['7', '51'] },
      { LMP2: ['30', '22', '24'], GT: ['88', '51', '7'] },
      {},
      { LMP2: ['22', '24', '30'], GT: ['7', '88', '51'] },
    ],
  );
  assert.deepEqual(stderr.trimEnd().split('\n'), [
    '#24: "Maximilian HOHENBERG-LANDAU", "Maximilian HOHENBERG" are one driver (a double surname shortened): kept "Maximilian HOHENBERG-LANDAU"',
    '#51: "Élodie BRAZZOULI", "Elodie BRAZZUOLI", "ELODIE BRAZZOULI" are one driver (two letters swapped): kept "Élodie BRAZZOULI"',
    '#88 at Dubai: the qualifying names "Ola Nordmann", not in the crew of its classification ("Wei CHEN", "Lars HOLM"): no rating or nationality taken from it',
    "round 2 (Sepang - Race 2), LMP2: #30 lap 2 (1:53.000) faster than the car's best in the results: taken as deleted",
    "round 4 (Dubai - Race 2): no LMP2 pole (second-best valid lap): the grid is each car's second-best valid qualifying lap, and the session's lap analysis (202502081008-qualifying-20lmp2-laps.csv) is not among the files",
    "round 4 (Dubai - Race 2): no GT pole (second-best valid lap): the grid is each car's second-best valid qualifying lap, and the session's lap analysis (202502080940-qualifying-20gt-laps.csv) is not among the files",
  ]);
});

test('written with -o, imported, and the standings after each round: one row per driver, a late car only once it raced', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pitwall-archive-'));
  try {
    const file = join(dir, 'tas.yaml');
    const written = await pitwall(['season-from-timing', ARCHIVE, ...SEASON, '--preset', 'alms', '-o', file]);
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stdout, '');
    const standings = async (round: number, cls: string, kind: string) => {
      const out = await pitwall([
        'standings',
        file,
        '--class',
        cls,
        '--kind',
        kind,
        '--after-round',
        String(round),
        '--format',
        'json',
      ]);
      assert.equal(out.code, 0, out.stderr);
      const body = JSON.parse(out.stdout) as {
        standings: { rows: { position: number; car?: string; driver?: string; points: number }[] }[];
      };
      return body.standings[0]!.rows.map((r) => [r.position, r.car ?? r.driver, r.points]);
    };
    // Level on points and count-back after round 2: they share P1 (listed by car number); #88 is not there yet.
    assert.deepEqual(await standings(2, 'GT', 'teams'), [
      [1, '7', 44],
      [1, '51', 44],
    ]);
    assert.deepEqual(await standings(5, 'GT', 'teams'), [
      [1, '51', 102],
      [2, '7', 78],
      [3, '88', 69],
    ]);
    assert.deepEqual(await standings(4, 'LMP2', 'teams'), [
      [1, '30', 77],
      [2, '24', 74],
      [3, '22', 69],
    ]);
    const gtDrivers = await standings(5, 'GT', 'drivers');
    assert.deepEqual(
      gtDrivers.filter((r) => String(r[1]).includes('BRAZZ')),
      [[1, 'Élodie BRAZZOULI', 102]],
    );
    const lmp2Drivers = await standings(5, 'LMP2', 'drivers');
    assert.deepEqual(
      lmp2Drivers.filter(
        (r) => String(r[1]).includes('HOHENBERG') || ['Renée FAURE', 'Jonas WEBER'].includes(String(r[1])),
      ),
      [
        [1, 'Maximilian HOHENBERG-LANDAU', 99],
        [9, 'Renée FAURE', 45],
        [10, 'Jonas WEBER', 43],
      ],
    );
    const imported = await pitwall(['import', file], { PITWALL_DATA: join(dir, 'db') });
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal(imported.stdout, 'imported tas-2024-25: Test Asian Series 2024-25, 6 entries, 5 races\n');
  } finally {
    await rm(dir, { recursive: true });
  }
});

test('files given one by one, and no preset: no pole rule, so the race-2 poles are reported, not guessed', async () => {
  const sepang = [
    '202412071015-qualifying-20lmp2-20and-20gt-results.csv',
    '202412071400-race-201-hour-4-results.csv',
    '202412081400-race-202-hour-4-results.csv',
  ].map((f) => join(ARCHIVE, '01-sepang', f));
  const { code, stdout, stderr } = await pitwall(['season-from-timing', ...sepang, ...SEASON]);
  assert.equal(code, 0, stderr);
  const season = parsed(stdout);
  assert.equal(season.rounds.length, 2);
  assert.deepEqual(season.points.positions, [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]);
  assert.equal(season.points.otherClassified, 0);
  assert.deepEqual(
    season.races.map((r) => r.poles),
    [{}, {}],
  );
  assert.deepEqual(stderr.trimEnd().split('\n'), [
    'no --preset: points are the WEC scale 25-18-15-12-10-8-6-4-2-1 and 1 for pole, and there is no pole rule (see pitwall presets)',
    'round 1 (Sepang - Race 1): no LMP2 pole: 01-sepang has one qualifying for 2 races and no pole rule is given (--preset)',
    'round 1 (Sepang - Race 1): no GT pole: 01-sepang has one qualifying for 2 races and no pole rule is given (--preset)',
    'round 2 (Sepang - Race 2): no LMP2 pole: 01-sepang has one qualifying for 2 races and no pole rule is given (--preset)',
    'round 2 (Sepang - Race 2): no GT pole: 01-sepang has one qualifying for 2 races and no pole rule is given (--preset)',
  ]);
});

test('a classification that cannot be read stops it; a qualifying result that cannot be read is left out and said', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pitwall-archive-'));
  try {
    await cp(ARCHIVE, join(dir, 'archive'), { recursive: true });
    const qualifying = join(dir, 'archive/03-abu-dhabi/202502151050-qualifying-20gt-20and-20lmp2-results.csv');
    await writeFile(qualifying, (await readFile(qualifying, 'utf8')).replace('1:51.000', '1:51'));
    const output = join(dir, 'out.yaml');
    const left = await pitwall([
      'season-from-timing',
      join(dir, 'archive'),
      ...SEASON,
      '--preset',
      'alms',
      '-o',
      output,
    ]);
    assert.equal(left.code, 0, left.stderr);
    assert.match(left.stderr, /qualifying-20gt-20and-20lmp2-results\.csv:2: time TIME: .*"1:51"/);
    assert.match(left.stderr, /qualifying-20gt-20and-20lmp2-results\.csv: left out: the file has 1 problem\(s\)/);
    assert.match(
      left.stderr,
      /^round 5 \(Abu Dhabi\): no LMP2 pole: no qualifying result of 03-abu-dhabi is among the files$/m,
    );

    const race = join(dir, 'archive/02-dubai/202502081410-race-201-hour-4-results.csv');
    await writeFile(race, (await readFile(race, 'utf8')).replace(';Classified;', ';Finished;'));
    await rm(output);
    const broken = await pitwall(['season-from-timing', join(dir, 'archive'), ...SEASON, '-o', output]);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /202502081410-race-201-hour-4-results\.csv:2: status STATUS: .*"Finished"/);
    assert.doesNotMatch(broken.stderr, /\n\s+at /);
    await assert.rejects(readFile(output));
  } finally {
    await rm(dir, { recursive: true });
  }
});

test('mistakes in the command: a one-round option without --round-name, an unknown preset, a path that is not there', async () => {
  const circuit = await pitwall(['season-from-timing', ARCHIVE, ...SEASON, '--circuit', 'Sepang']);
  assert.equal(circuit.code, 1);
  assert.match(circuit.stderr, /^--circuit: for one classification with --round-name/);
  const preset = await pitwall(['season-from-timing', ARCHIVE, ...SEASON, '--preset', 'dtm']);
  assert.equal(preset.code, 1);
  assert.equal(
    preset.stderr.trim(),
    'no preset "dtm" (the presets are: alms, elms, imsa, sim-league, wec; see pitwall presets)',
  );
  const missing = await pitwall(['season-from-timing', join(ARCHIVE, 'nowhere'), ...SEASON]);
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr.trim(), `${join(ARCHIVE, 'nowhere')}: cannot read: no such file or folder`);
  const two = await pitwall(['season-from-timing', ARCHIVE, ARCHIVE, ...SEASON, '--round-name', 'Sepang']);
  assert.equal(two.code, 1);
  assert.match(two.stderr, /--round-name makes one round of one classification, not of 2 paths/);
});

test(
  'a real classification (Asian Le Mans 2023, Dubai race 1) as a season of one round',
  needsRecordedRaces,
  async () => {
    const { code, stdout, stderr } = await pitwall([
      'season-from-timing',
      timingPath('dubai2023Classification'),
      '--series',
      'Asian Le Mans Series',
      '--season',
      '2023',
      '--preset',
      'alms',
    ]);
    assert.equal(code, 0, stderr);
    const season = parsed(stdout);
    assert.equal(season.entries.length, 46);
    assert.deepEqual(
      season.classes.map((c) => c.id),
      ['LMP2', 'LMP3', 'GT'],
    );
    assert.equal(season.races[0]?.classification?.length, 46);
    assert.equal(season.rounds[0]?.date, '2023-02-11');
    // No qualifying among the files: each class's pole is said to be missing, none is guessed.
    assert.equal(
      stderr.match(/no (LMP2|LMP3|GT) pole: no qualifying result of tobi-imsa_data is among the files/g)?.length,
      3,
    );
  },
);

test('one classification with --round-name is still one round with no results, now with the preset rules when asked', async () => {
  const file = join(ARCHIVE, '01-sepang', '202412071400-race-201-hour-4-results.csv');
  const { code, stdout, stderr } = await pitwall([
    'season-from-timing',
    file,
    ...SEASON,
    '--round-name',
    '4 Hours of Sepang',
    '--preset',
    'alms',
  ]);
  assert.equal(code, 0, stderr);
  assert.equal(stderr, '');
  const season = parsed(stdout);
  assert.deepEqual(
    season.rounds.map((r) => r.name),
    ['4 Hours of Sepang'],
  );
  assert.equal(season.entries.length, 5);
  assert.deepEqual(season.races, []);
  assert.equal(season.points.otherClassified, 0.5);
  assert.deepEqual(season.poleRule, { qualifying: 'per-meeting', grids: ['best-lap', 'second-best-lap'] });
});
