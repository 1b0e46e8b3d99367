import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { formatIssue, parseHistoryFile } from './history-file.ts';

const BUNDLED = new URL('../../data/history/asian-le-mans-series.yaml', import.meta.url);

test('the bundled Asian Le Mans Series history reads, with its source notes', async () => {
  const parsed = parseHistoryFile(await readFile(BUNDLED, 'utf8'), 'asian-le-mans-series.yaml');
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.map(formatIssue).join('\n'));
  const history = parsed.value;
  assert.equal(history.series, 'Asian Le Mans Series');
  assert.match(history.notes.join(' '), /Wikipedia article 'Asian Le Mans Series'/);
  assert.deepEqual(
    history.seasons.map((s) => s.season),
    ['2009', '2013', '2014', '2015-16', '2016-17', '2017-18', '2018-19'],
  );
  const lastSeason = history.seasons.at(-1);
  assert.deepEqual(lastSeason?.classes, ['LMP2', 'LMP2 Am', 'LMP3', 'GT', 'GT Am', 'GT Cup']);
  assert.deepEqual(lastSeason?.champions.find((g) => g.kind === 'drivers' && g.classes[0] === 'LMP2')?.names, [
    'Paul di Resta',
    'Phil Hanson',
  ]);
  assert.deepEqual(lastSeason?.champions.find((g) => g.kind === 'teams' && g.classes[0] === 'GT')?.names, [
    'CarGuy Racing',
  ]);
  // Names the source does not split by class stay together, over the classes they span.
  const merged = history.seasons.find((s) => s.season === '2014')?.champions.find((g) => g.classes.length > 1);
  assert.deepEqual(merged?.classes, ['LMP2', 'CN', 'GT']);
});

const VALID = `format: pitwall-history/1
series: Test Series
seasons:
  - season: 2020
    classes: [LMP2, GT]
    drivers:
      LMP2: [A, B]
    teams:
      GT: Team C
`;

test('a minimal file: a bare year is a season name, a single team is a list of one', () => {
  const parsed = parseHistoryFile(VALID, 'test.yaml');
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value.seasons[0], {
    season: '2020',
    classes: ['LMP2', 'GT'],
    champions: [
      { kind: 'drivers', classes: ['LMP2'], names: ['A', 'B'] },
      { kind: 'teams', classes: ['GT'], names: ['Team C'] },
    ],
    notes: [],
  });
});

test('every problem is reported at once, each with its line', () => {
  const text = `format: pitwall-history/1
series: Test Series
seasons:
  - season: "2020"
    classes: [LMP2, GT]
    drivers:
      LMP3: [A]
    unattributed:
      - { kind: drivers, classes: [GT, GT Am], names: [B] }
  - season: "2020"
    classes: [LMP2]
`;
  const parsed = parseHistoryFile(text, 'h.yaml');
  assert.ok(!parsed.ok);
  assert.deepEqual(
    parsed.error.map((i) => [i.code, i.line]),
    [
      ['unknown-class', 7],
      ['unknown-class', 9],
      ['duplicate', 10],
    ],
  );
  assert.equal(
    formatIssue(parsed.error[0]!),
    `h.yaml:7: unknown-class seasons[0].drivers.LMP3: class "LMP3" is not one of the season's classes (LMP2, GT)`,
  );
});

test('shape errors name the field and the line', () => {
  const text = `format: pitwall-history/1
series: Test Series
seasons:
  - season: "2020"
    classes: LMP2
    champion: [A]
`;
  const parsed = parseHistoryFile(text, 'h.yaml');
  assert.ok(!parsed.ok);
  assert.deepEqual(
    parsed.error.map((i) => [i.code, i.line, i.path.join('.')]),
    [
      ['type', 5, 'seasons.0.classes'],
      ['unknown-field', 6, 'seasons.0.champion'],
    ],
  );
});

test('another format, or broken YAML, is an issue rather than an exception', () => {
  const other = parseHistoryFile('format: pitwall-season/1\nseries: X\nseasons: []\n', 'h.yaml');
  assert.ok(!other.ok);
  assert.ok(other.error.some((i) => i.path[0] === 'format' && i.line === 1));
  const broken = parseHistoryFile('seasons: [\n', 'h.yaml');
  assert.ok(!broken.ok);
  assert.equal(broken.error[0]?.code, 'syntax');
});

test('the parser never throws, whatever the text', () => {
  fc.assert(
    fc.property(fc.string(), (text) => {
      parseHistoryFile(text, 'fuzz.yaml');
    }),
  );
  fc.assert(
    fc.property(fc.integer({ min: 0, max: VALID.length }), fc.string({ maxLength: 5 }), (at, junk) => {
      parseHistoryFile(VALID.slice(0, at) + junk + VALID.slice(at), 'fuzz.yaml');
    }),
  );
});
