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
  // Its notes are for the public (the sources in short); what maintainers need is in its comments.
  assert.match(history.notes.join(' '), /Wikipedia, 'Asian Le Mans Series'/);
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
  // Drivers by class where the source's column order and the season's reports settle it.
  assert.deepEqual(
    history.seasons
      .find((s) => s.season === '2014')
      ?.champions.filter((g) => g.kind === 'drivers')
      .map((g) => [g.classes.join(), g.names.join(', ')]),
    [
      ['LMP2', 'David Cheng, Ho-Pin Tung'],
      ['CN', 'Kevin Tse'],
      ['GT', 'Jun San Chen, Tatsuya Tanigawa'],
    ],
  );
  // Names no source splits by class stay together, over the classes they span (2009's second race).
  const merged = history.seasons.find((s) => s.season === '2009')?.champions.filter((g) => g.classes.length > 1);
  assert.deepEqual(
    merged?.map((g) => g.kind),
    ['teams', 'drivers'],
  );
  assert.deepEqual(merged?.[0]?.classes, ['LMP1', 'LMP2', 'GT1', 'GT2']);
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

/** Any text gives the history, or problems each with a code, a one-line message and a line of the file. */
function wellBehaved(text: string): boolean {
  const result = parseHistoryFile(text, 'fuzz.yaml');
  if (result.ok) return true;
  const lines = text.split(/\r\n|\r|\n/).length;
  assert.ok(result.error.length > 0, 'refused without a problem');
  for (const issue of result.error) {
    assert.ok(
      issue.code.length > 0 && issue.message.length > 0 && !/[\r\n]/.test(issue.message),
      JSON.stringify(issue),
    );
    assert.ok(issue.line >= 1 && issue.line <= lines + 1, JSON.stringify(issue));
  }
  return true;
}

test('whatever the text: the history or problems with their lines, never a throw', () => {
  fc.assert(fc.property(fc.string(), wellBehaved));
  let refused = 0;
  fc.assert(
    fc.property(fc.integer({ min: 0, max: VALID.length }), fc.string({ maxLength: 5 }), (at, junk) => {
      const text = VALID.slice(0, at) + junk + VALID.slice(at);
      if (!parseHistoryFile(text, 'fuzz.yaml').ok) refused += 1;
      return wellBehaved(text);
    }),
  );
  assert.ok(refused > 0, 'some edits break the file, and are refused');
});
