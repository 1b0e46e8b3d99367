import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import type { Season } from '../domain/season.ts';
import { formatDuration, formatRaceTime, parseDuration, parseRaceTime } from './race-time.ts';
import { defaultSeasonId, formatIssue, parseSeasonFile, serializeSeasonFile } from './season-file.ts';
import type { SeasonFileIssue } from './season-file.ts';

/** The season-file issue's example, verbatim (the fixture holds the same text, for other suites). */
const EXAMPLE = `format: pitwall-season/1
series: Asian Le Mans Series
season: "2019-20"
points:
  positions: [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]
  otherClassified: 0.5
  pole: 1
classes: [LMP2, GT]
rounds:
  - { round: 1, name: 4 Hours of Shanghai, circuit: Shanghai International Circuit, country: CHN, date: 2019-11-24 }
  - { round: 2, name: 4 Hours of The Bend, circuit: The Bend Motorsport Park, country: AUS, date: 2020-01-12 }
entries:
  - car: "26"
    class: LMP2
    team: G-Drive Racing with Algarve
    nationality: RUS
    carModel: Aurus 01
    drivers:
      - { name: Roman Rusinov, nationality: RUS, rating: Gold, rounds: all }
      - { name: James French, nationality: USA, rating: Silver, rounds: all }
      - { name: Leonard Hoogenboom, nationality: NLD, rating: Silver, rounds: [2] }
  - car: "45"
    class: LMP2
    team: Thunderhead Carlin Racing
    nationality: GBR
    carModel: Dallara P217
    drivers:
      - { name: Jack Manchester, nationality: GBR, rating: Bronze, rounds: all }
      - { name: Harry Tincknell, nationality: GBR, rating: Gold, rounds: all }
  - car: "7"
    class: GT
    team: Car Guy Racing
    nationality: JPN
    carModel: Ferrari 488 GT3
    drivers:
      - { name: Takeshi Kimura, nationality: JPN, rating: Bronze, rounds: all }
races:
  - round: 1
    classification:
      - { car: "26", laps: 114 }
      - { car: "45", laps: 114 }
      - { car: "7", laps: 105, status: Ret }
    poles: { LMP2: "45", GT: "7" }
  - round: 2
    classification:
      - { car: "45" }
      - { car: "26", drivers: [Roman Rusinov, Leonard Hoogenboom] }
    poles: { LMP2: "45" }
`;

const FIXTURE = readFileSync(new URL('../../test/fixtures/issue-example.yaml', import.meta.url), 'utf8');

function parsed(text: string, file = 'test.yaml'): Season {
  const result = parseSeasonFile(text, file);
  if (!result.ok) assert.fail(result.error.map(formatIssue).join('\n'));
  return result.value;
}

function issues(text: string, file = 'test.yaml'): string[] {
  const result = parseSeasonFile(text, file);
  if (result.ok) assert.fail('expected issues, the file was accepted');
  return result.error.map(formatIssue);
}

const MINIMAL = `
format: pitwall-season/1
series: European Le Mans Series
season: "2018"
points: { positions: [25, 18, 15] }
classes: [LMP2]
rounds:
  - { round: 1, name: 4 Hours of Le Castellet }
entries:
  - car: "26"
    class: LMP2
    team: G-Drive Racing
    drivers:
      - { name: Roman Rusinov, rounds: all }
`;

const crew = (name: string, nationality: string, rating: string, rounds: 'all' | number[]) => ({
  name,
  nationality,
  rating,
  rounds,
});

test('the issue example is accepted verbatim and normalised', () => {
  const expected: Season = {
    id: 'alms-2019-20',
    series: 'Asian Le Mans Series',
    season: '2019-20',
    classes: [
      { id: 'LMP2', name: 'LMP2', alsoClassifiedIn: [] },
      { id: 'GT', name: 'GT', alsoClassifiedIn: [] },
    ],
    rounds: [
      {
        round: 1,
        name: '4 Hours of Shanghai',
        circuit: 'Shanghai International Circuit',
        country: 'CHN',
        date: '2019-11-24',
        pointsMultiplier: 1,
      },
      {
        round: 2,
        name: '4 Hours of The Bend',
        circuit: 'The Bend Motorsport Park',
        country: 'AUS',
        date: '2020-01-12',
        pointsMultiplier: 1,
      },
    ],
    entries: [
      {
        car: '26',
        class: 'LMP2',
        team: 'G-Drive Racing with Algarve',
        nationality: 'RUS',
        carModel: 'Aurus 01',
        eligible: true,
        drivers: [
          crew('Roman Rusinov', 'RUS', 'Gold', 'all'),
          crew('James French', 'USA', 'Silver', 'all'),
          crew('Leonard Hoogenboom', 'NLD', 'Silver', [2]),
        ] as Season['entries'][number]['drivers'],
      },
      {
        car: '45',
        class: 'LMP2',
        team: 'Thunderhead Carlin Racing',
        nationality: 'GBR',
        carModel: 'Dallara P217',
        eligible: true,
        drivers: [
          crew('Jack Manchester', 'GBR', 'Bronze', 'all'),
          crew('Harry Tincknell', 'GBR', 'Gold', 'all'),
        ] as Season['entries'][number]['drivers'],
      },
      {
        car: '7',
        class: 'GT',
        team: 'Car Guy Racing',
        nationality: 'JPN',
        carModel: 'Ferrari 488 GT3',
        eligible: true,
        drivers: [crew('Takeshi Kimura', 'JPN', 'Bronze', 'all')] as Season['entries'][number]['drivers'],
      },
    ],
    races: [
      {
        round: 1,
        classification: [
          { car: '26', status: 'Classified', laps: 114 },
          { car: '45', status: 'Classified', laps: 114 },
          { car: '7', status: 'Ret', laps: 105 },
        ],
        poles: { LMP2: ['45'], GT: ['7'] },
      },
      {
        round: 2,
        classification: [
          { car: '45', status: 'Classified' },
          { car: '26', status: 'Classified', drivers: ['Roman Rusinov', 'Leonard Hoogenboom'] },
        ],
        poles: { LMP2: ['45'] },
      },
    ],
    points: {
      positions: [25, 18, 15, 12, 10, 8, 6, 4, 2, 1],
      otherClassified: 0.5,
      pole: 1,
      scoringStatuses: ['Classified'],
      classes: {},
    },
    tieBreakers: { teams: ['countback'], drivers: ['countback'] },
    notes: [],
  };
  assert.deepEqual(parsed(EXAMPLE, 'alms.yaml'), expected);
  assert.deepEqual(parsed(FIXTURE, 'issue-example.yaml'), expected);
});

test('JSON input goes through the same parser, with lines', () => {
  const json = JSON.stringify(parse(EXAMPLE), null, '\t');
  assert.deepEqual(parsed(json), parsed(EXAMPLE));

  const broken = JSON.stringify(
    parse(EXAMPLE.replace('{ car: "45", laps: 114 }', '{ car: "99", laps: 114 }')),
    null,
    2,
  );
  const line = broken.split('\n').findIndex((l) => l.includes('"99"')) + 1;
  assert.deepEqual(issues(broken, 'alms.json'), [
    `alms.json:${line}: unknown-car races[0].classification[1].car: car "99" is not in the entry list`,
  ]);
});

test('defaults fill what a minimal file leaves out', () => {
  const season = parsed(MINIMAL);
  assert.equal(season.id, 'elms-2018');
  assert.deepEqual(season.points, {
    positions: [25, 18, 15],
    otherClassified: 0,
    pole: 0,
    scoringStatuses: ['Classified'],
    classes: {},
  });
  assert.deepEqual(season.tieBreakers, { teams: ['countback'], drivers: ['countback'] });
  assert.deepEqual(season.races, []);
  assert.deepEqual(season.notes, []);
  assert.equal(season.rounds[0]?.pointsMultiplier, 1);
  assert.equal(season.entries[0]?.eligible, true);
  assert.deepEqual(season.entries[0]?.drivers, [{ name: 'Roman Rusinov', rounds: 'all' }]);
});

test('the default id is the series initials and the season slug', () => {
  assert.equal(defaultSeasonId('Asian Le Mans Series', '2019-20'), 'alms-2019-20');
  assert.equal(
    defaultSeasonId('FIA World Endurance Championship', '2019/20 Super Season'),
    'fwec-2019-20-super-season',
  );
  assert.equal(defaultSeasonId('Intercontinental GT Challenge', '2021'), 'igc-2021');
  // Accents dropped, not turned into dashes: one slug for ids, people and teams (domain/ids.ts).
  assert.equal(defaultSeasonId('Ötztal Cup', 'Été 2024'), 'oc-ete-2024');
});

test('race times and durations are read exactly', () => {
  assert.equal(parseRaceTime("4:00'04.690"), 14_404_690);
  assert.equal(parseRaceTime('4:00:04.690'), 14_404_690);
  assert.equal(parseRaceTime('240:04.690'), 14_404_690);
  assert.equal(parseRaceTime('1:02.5'), 62_500);
  assert.equal(parseRaceTime('59:59.999'), 3_599_999);
  assert.equal(parseRaceTime("6:00'00"), 21_600_000);
  for (const bad of ['4:60:00.000', '4:00:60.000', '4h', '', '4:00', '1:2:3', '4:00:04.6901', '1:02']) {
    assert.equal(parseRaceTime(bad), undefined, bad);
  }
  assert.equal(parseDuration('4h'), 4 * 3_600_000);
  assert.equal(parseDuration('90m'), 90 * 60_000);
  assert.equal(parseDuration('2h30m'), 150 * 60_000);
  for (const bad of ['', 'h', '4', '2h90m', '30m2h', '4 h']) assert.equal(parseDuration(bad), undefined, bad);
});

test('times and durations written back read the same', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 999 * 3_600_000 }), (ms) => parseRaceTime(formatRaceTime(ms)) === ms),
  );
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 999 * 60 }),
      (min) => parseDuration(formatDuration(min * 60_000)) === min * 60_000,
    ),
  );
  assert.equal(formatRaceTime(14_404_690), '4:00:04.690');
  assert.equal(formatDuration(150 * 60_000), '2h30m');
});

test('times, durations and shorthand in a file become the domain values', () => {
  const season = parsed(
    MINIMAL.replace(
      '{ round: 1, name: 4 Hours of Le Castellet }',
      '{ round: 1, name: 4 Hours of Le Castellet, duration: 2h30m, pointsMultiplier: 0.5 }',
    ) +
      `races:\n  - round: 1\n    classification:\n      - { car: 26, time: 4:00'04.690, status: NC }\n    poles: { LMP2: ["26"] }\n`,
  );
  assert.equal(season.rounds[0]?.scheduledDurationMs, 9_000_000);
  assert.equal(season.rounds[0]?.pointsMultiplier, 0.5);
  assert.deepEqual(season.races[0]?.classification, [{ car: '26', status: 'NC', totalTimeMs: 14_404_690 }]);
  assert.deepEqual(season.races[0]?.poles, { LMP2: ['26'] });
});

test('an unquoted car number is read as text, keeping leading zeros', () => {
  const season = parsed(MINIMAL.replace('car: "26"', 'car: 007'));
  assert.equal(season.entries[0]?.car, '007');
  assert.equal(parsed(MINIMAL.replace('car: "26"', 'car: 26')).entries[0]?.car, '26');
});

test('dates stay text and must be real', () => {
  const withDate = (date: string) => MINIMAL.replace('Le Castellet }', `Le Castellet, date: ${date} }`);
  assert.equal(parsed(withDate('2018-04-15')).rounds[0]?.date, '2018-04-15');
  assert.deepEqual(issues(withDate('2018-02-30')), [
    'test.yaml:8: invalid rounds[0].date: expected a real date YYYY-MM-DD, got "2018-02-30"',
  ]);
});

test('an issue is one line: file, line, code, path and what was expected', () => {
  const issue: SeasonFileIssue = {
    code: 'unknown-car',
    message: 'car "99" is not in the entry list',
    path: ['races', 0, 'classification', 3, 'car'],
    file: 'alms.yaml',
    line: 42,
  };
  assert.equal(
    formatIssue(issue),
    'alms.yaml:42: unknown-car races[0].classification[3].car: car "99" is not in the entry list',
  );
  assert.equal(
    formatIssue({ ...issue, path: ['races', 0, 'poles', 'GT Am'] }),
    'alms.yaml:42: unknown-car races[0].poles["GT Am"]: car "99" is not in the entry list',
  );
});

const RICH = `
format: pitwall-season/1
id: elms-2018
series: European Le Mans Series
season: "2018"
notes: [Wikipedia and the ELMS site disagree on car 40's points at Spa]
points:
  positions: [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]
  otherClassified: 0.5
  pole: 1
  scoringStatuses: [Classified, NC]
  classes:
    LMP3: { positions: [15, 10, 5], pole: 0.5 }
tieBreakers: { teams: [countback], drivers: [countback, shared] }
classes:
  - LMP2
  - LMP3
  - { id: GT Am, name: GTE Am, alsoClassifiedIn: [LMP3] }
rounds:
  - { round: 1, name: 4 Hours of Le Castellet, duration: 4h, meeting: Le Castellet }
  - { round: 2, name: 4 Hours of Spa, duration: 90m, pointsMultiplier: 0.5 }
entries:
  - car: "007"
    class: GT Am
    team: Aston Martin
    eligible: false
    drivers:
      - { name: A Driver, rating: Platinum, rounds: [1, 2] }
  - car: "2"
    class: LMP3
    team: United Autosports
    drivers:
      - { name: B Driver, nationality: GBR, rounds: all }
      - { name: C Driver, rounds: [2] }
  - car: "3"
    class: LMP3
    team: United Autosports
    eligible: false
    drivers:
      - { name: D Driver, rounds: [1] }
races:
  - round: 1
    classification:
      - { car: "2", laps: 100, time: "4:00:01.001", drivers: [B Driver] }
      - { car: "007", status: DSQ, laps: 98, time: "59:59.999" }
      - { car: "3", status: NC }
    poles: { LMP3: ["3", "2"], GT Am: "007" }
  - round: 2
`;

test('a season written out reads back equal', () => {
  for (const text of [EXAMPLE, MINIMAL, RICH]) {
    const season = parsed(text);
    assert.deepEqual(parsed(serializeSeasonFile(season)), season);
  }
});

test('a written season file looks hand-written', () => {
  const written = serializeSeasonFile(parsed(EXAMPLE));
  assert.match(written, /^season: "2019-20"$/m);
  assert.match(written, /^ {2}- \{ round: 1, name: 4 Hours of Shanghai, .*date: 2019-11-24 \}$/m);
  assert.match(written, /^ {6}- \{ car: "7", status: Ret, laps: 105 \}$/m);
  assert.doesNotMatch(written, /eligible|pointsMultiplier|tieBreakers|scoringStatuses|status: Classified/);
});

test('race times are written quoted: a YAML 1.1 reader would take 4:01:12.694 for the number 14472.694', () => {
  const written = serializeSeasonFile(parsed(RICH));
  assert.match(written, /time: "4:00:01\.001"/);
  assert.match(written, /time: "59:59\.999"/);
  const yaml11 = parse(written, { version: '1.1' }) as { races: { classification?: { time?: unknown }[] }[] };
  const times = yaml11.races.flatMap((r) => (r.classification ?? []).map((l) => l.time)).filter(Boolean);
  assert.deepEqual(times, ['4:00:01.001', '59:59.999']);
});

/**
 * What any text gives: a season, or problems a person can act on — at least one, each with a
 * code, a one-line message and a line of the file (1 to one past its last line).
 */
function isResult(result: ReturnType<typeof parseSeasonFile>, text: string): boolean {
  if (result.ok) return typeof result.value.id === 'string' && result.value.id.length > 0;
  const lines = text.split(/\r\n|\r|\n/).length;
  assert.ok(result.error.length > 0, 'refused without a problem');
  for (const issue of result.error) {
    assert.match(issue.code, /^[a-z][a-z-]*$/, JSON.stringify(issue));
    assert.ok(issue.message.length > 0 && !/[\r\n]/.test(issue.message), JSON.stringify(issue));
    assert.equal(issue.file, 'fuzz.yaml');
    assert.ok(Number.isInteger(issue.line) && issue.line >= 1 && issue.line <= lines + 1, JSON.stringify(issue));
  }
  return true;
}

test('arbitrary text: a season or problems with their lines, never a throw', () => {
  let refused = 0;
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      const result = parseSeasonFile(text, 'fuzz.yaml');
      if (!result.ok) refused += 1;
      return isResult(result, text);
    }),
    { numRuns: 500 },
  );
  assert.ok(refused > 0, 'random text is refused');
});

/** Text edits: a slice of the file deleted, replaced, or moved, as a careless hand would. */
const textMutation = fc.tuple(fc.nat(EXAMPLE.length), fc.nat(40), fc.string({ maxLength: 12 }));

test('mutated season files: a season or problems with their lines, never a throw', () => {
  fc.assert(
    fc.property(fc.array(textMutation, { minLength: 1, maxLength: 4 }), (edits) => {
      const text = edits.reduce((t, [at, length, insert]) => t.slice(0, at) + insert + t.slice(at + length), EXAMPLE);
      return isResult(parseSeasonFile(text, 'fuzz.yaml'), text);
    }),
    { numRuns: 500 },
  );
});

/** Every path into a file's data, so that a mutation can replace any value with any other. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [path, ...keys.flatMap((k) => pathsOf((value as Record<string | number, unknown>)[k], [...path, k]))];
}

function replaceAt(data: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return replacement;
  // An earlier edit may have removed the path.
  if (data === null || typeof data !== 'object' || !Object.hasOwn(data, key)) return data;
  const copy = structuredClone(data) as Record<string | number, unknown>;
  copy[key] = replaceAt(copy[key], rest, replacement);
  return copy;
}

/** A valid file's data with up to three values replaced by anything, anywhere. */
function mutatedSeason(text: string) {
  const data: unknown = parse(text);
  const replacement = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('26', '45', '7', '007', 'LMP2', 'GT', 'GT Am', 'all', 'Ret', 2, 3, 0, -1, 1.5, null, [], {}),
  );
  return fc
    .array(fc.tuple(fc.constantFrom(...pathsOf(data)), replacement), { minLength: 1, maxLength: 3 })
    .map((edits) => edits.reduce((d, [path, value]) => replaceAt(d, path, value), data));
}

test('the parser never throws on any value anywhere, and what it accepts round-trips', () => {
  fc.assert(
    fc.property(fc.oneof(mutatedSeason(EXAMPLE), mutatedSeason(RICH)), (mutated) => {
      const text = stringify(mutated);
      const result = parseSeasonFile(text, 'fuzz.yaml');
      if (result.ok) assert.deepEqual(parsed(serializeSeasonFile(result.value)), result.value);
      return isResult(result, text);
    }),
    { numRuns: 1000 },
  );
});
