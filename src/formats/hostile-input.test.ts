/**
 * What the readers do with text nobody should send: fields of megabytes (every message quotes
 * at most 80 characters of one, and the reader stays linear), and characters the database
 * cannot hold (each refused as an issue at its line, never left for the insert to fail on).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatIssue, parseSeasonFile } from './season-file.ts';
import { formatIssue as formatHistoryIssue, parseHistoryFile } from './history-file.ts';
import { parseClassificationCsv } from './timing/classification-csv.ts';
import { parseLapAnalysisCsv } from './timing/lap-analysis-csv.ts';
import type { TimingIssue } from './timing/timing-csv.ts';
import { isLiveEventProblem, readLiveEvent } from './live-event.ts';
import { QUOTE_LENGTH } from './text.ts';

const BUNDLED = readFileSync(new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url), 'utf8');
const TEAM_LINE = 'team: Eurasia Motorsport'; // entries[0], line 85
const KB_120 = 120 * 1024;
const MB_4 = 4 * 1024 * 1024;

/** `A` + spaces + `B`: a long run of spaces without a line break is what made the old message pattern quadratic. */
const spaced = (length: number) => `A${' '.repeat(length - 2)}B`;

function replaced(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), from);
  return text.replace(from, () => to);
}

const messagesOf = (text: string): string[] => {
  const result = parseSeasonFile(text, 'hostile.yaml');
  if (result.ok) assert.fail('expected the file to be refused');
  return result.error.map(formatIssue);
};

/** No message holds more than 80 characters of any input: a long quote ends in an ellipsis. */
function assertClipped(messages: readonly string[], input: string): void {
  assert.ok(messages.length > 0);
  for (const message of messages) {
    assert.ok(message.length < 600, `${message.length} characters: ${message.slice(0, 200)}`);
    assert.ok(!message.includes(input.slice(0, QUOTE_LENGTH + 1)), 'more than 80 characters of the input are quoted');
  }
}

test('a team name of 120 KB or 4 MB is a team name: the file is read, the name whole', () => {
  for (const length of [KB_120, MB_4]) {
    const team = spaced(length);
    const result = parseSeasonFile(replaced(BUNDLED, TEAM_LINE, `team: "${team}"`), 'long-team.yaml');
    assert.ok(result.ok, result.ok ? '' : result.error.map(formatIssue).join('\n'));
    assert.equal(result.value.entries[0]?.team.length, length);
  }
});

test('a long class, car or driver that is a mistake is quoted in at most 80 characters and an ellipsis', () => {
  for (const length of [KB_120, MB_4]) {
    const value = spaced(length);
    const cls = messagesOf(replaced(BUNDLED, 'class: LMP2\n    team: Eurasia', `class: "${value}"\n    team: Eurasia`));
    assertClipped(cls, value);
    assert.equal(
      cls[0],
      `hostile.yaml:84: unknown-class entries[0].class: class "A${' '.repeat(79)}…" is not in classes (LMP2, LMP2 Am, LMP3, GT, GT Am)`,
    );
    // The class list a message gives is the file's own, clipped too.
    const listedClass = messagesOf(
      replaced(
        replaced(BUNDLED, '  - LMP3\n', `  - LMP3\n  - "${value}"\n`),
        'class: LMP2\n    team: Eurasia',
        'class: Hypercar\n    team: Eurasia',
      ),
    );
    assertClipped(listedClass, value);
    const car = messagesOf(replaced(BUNDLED, '- { car: "26", laps: 111 }', `- { car: "${value}", laps: 111 }`));
    assertClipped(car, value);
    assert.ok(
      car.some((m) => m.includes(`unknown-car`) && m.includes(`car "A${' '.repeat(79)}…" is not in the entry list`)),
    );
    // A driver's long name in a crew: the unknown-driver message lists the crew, each name clipped.
    const crew = messagesOf(
      replaced(
        replaced(BUNDLED, '{ name: Daniel Gaunt,', `{ name: "${value}",`),
        '- { car: "1", status: Ret }',
        `- { car: "1", status: Ret, drivers: ["${value}x"] }`,
      ),
    );
    assertClipped(crew, value);
    assert.match(
      crew[0] ?? '',
      /unknown-driver .*: driver "A +…" is not in the crew of car "1" \(A +…, Nobuya Yamanaka, /,
    );
    // A long mapping key, in JSON (YAML's own implicit keys stop at 1024 characters).
    const key = `k${'x'.repeat(length)}`;
    const json = JSON.stringify({ format: 'pitwall-season/1', [key]: 1 });
    const keyMessages = messagesOf(json);
    assertClipped(keyMessages, key);
    assert.ok(keyMessages.some((m) => m.includes(`unknown-field ${key.slice(0, QUOTE_LENGTH)}…: unknown field`)));
  }
});

test('a YAML syntax error that quotes the file is clipped too', () => {
  const header = `|${'x'.repeat(KB_120)}`;
  const messages = messagesOf(`format: pitwall-season/1\nseries: ${header}\n  a\n`);
  assertClipped(messages, header);
  assert.match(
    messages.join('\n'),
    /^hostile\.yaml:2: syntax Block scalar header includes extra characters: \|x+… \(UNEXPECTED_TOKEN\)$/,
  );
});

test('a season file with NUL or an unpaired surrogate in a name is refused at its line, saying which character', () => {
  assert.deepEqual(messagesOf(replaced(BUNDLED, TEAM_LINE, String.raw`team: "Eurasia\0 Motorsport"`)), [
    'hostile.yaml:85: invalid entries[0].team: expected text without control characters, found a control character (U+0000) at character 8',
  ]);
  assert.deepEqual(messagesOf(replaced(BUNDLED, '{ name: Daniel Gaunt,', String.raw`{ name: "Daniel \ud800Gaunt",`)), [
    'hostile.yaml:89: invalid entries[0].drivers[0].name: expected text without control characters, found an unpaired surrogate (U+D800) at character 8',
  ]);
  // Every name: the series (an escape sequence here), a car number.
  assert.deepEqual(
    messagesOf(replaced(BUNDLED, 'series: Asian Le Mans Series', 'series: "Asian Le Mans\\e[2J Series"')).map((m) =>
      m.slice(0, 41),
    ),
    ['hostile.yaml:3: invalid series: expected '],
  );
  const car = messagesOf(replaced(BUNDLED, 'car: "1"\n    class: LMP2', 'car: "1\\0"\n    class: LMP2'));
  assert.ok(car[0]?.startsWith('hostile.yaml:83: invalid entries[0].car: expected text without control characters'));
});

test("a season's notes are prose: a line break or a tab is kept, a NUL is refused", () => {
  const notes = (note: string) => replaced(BUNDLED, 'notes:\n  # Sources\n', `notes:\n  - "${note}"\n  # Sources\n`);
  const kept = parseSeasonFile(notes(String.raw`two\n\tlines`), 'notes.yaml');
  assert.ok(kept.ok);
  assert.equal(kept.value.notes[0], 'two\n\tlines');
  assert.deepEqual(messagesOf(notes(String.raw`bad\0note`)), [
    'hostile.yaml:7: invalid notes[0]: expected text without control characters other than tabs and line breaks, found a control character (U+0000) at character 4',
  ]);
});

test('a history file with NUL in a champion is refused at its line', () => {
  const text = [
    'format: pitwall-history/1',
    'series: Asian Le Mans Series',
    'seasons:',
    '  - season: "2019-20"',
    '    classes: [LMP2]',
    '    drivers:',
    '      LMP2: "Barnicoat\\0"',
    '',
  ].join('\n');
  const result = parseHistoryFile(text, 'history.yaml');
  if (result.ok) assert.fail('expected the file to be refused');
  assert.deepEqual(result.error.map(formatHistoryIssue), [
    'history.yaml:7: invalid seasons[0].drivers.LMP2: expected text without control characters, found a control character (U+0000) at character 10',
  ]);
  const long = `C${'x'.repeat(KB_120)}`;
  const unknown = parseHistoryFile(text.replace('LMP2: "Barnicoat\\0"', `"${long}": Barnicoat`), 'history.yaml');
  if (unknown.ok) assert.fail('expected the file to be refused');
  assertClipped(unknown.error.map(formatHistoryIssue), long);
});

const CLASSIFICATION_HEADER =
  'POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;DRIVER_3;DRIVER_4;VEHICLE;TYRES;CLASS;GROUP;DIVISION;STATUS;LAPS;TOTAL_TIME;GAP_FIRST;GAP_PREVIOUS;FL_LAPNUM;FL_TIME;FL_KPH;';
const classificationRow = (car: string, team: string, driver: string) =>
  `1;${car};${team};${driver};Harry TINCKNELL;;;Zytek Z11SN - Nissan;D;LMP2;;;Classified;139;4:00'04.690;;;71;1'36.144;183.8;`;
const timingMessages = (issues: readonly TimingIssue[]) =>
  issues.map((i) => `${i.line}: ${i.code} ${i.path.join('.')}: ${i.message}`);

test('a timing classification with a control character in a name refuses that row, at its line', () => {
  const rows = (driver: string) =>
    [
      CLASSIFICATION_HEADER,
      classificationRow('38', 'Jota Sport', 'Simon DOLAN'),
      classificationRow('24', 'Sebastien Loeb\u0000 Racing', 'Vincent CAPILLAIRE'),
      classificationRow('7', 'Team 7', driver),
      '',
    ].join('\n');
  const result = parseClassificationCsv(rows('Jan \u001bCHAROUZ'), 'imola.csv');
  if (result.ok) assert.fail('expected the file to be refused');
  assert.deepEqual(timingMessages(result.error), [
    '3: invalid TEAM: expected text without control characters, found a control character (U+0000) at character 15',
    '4: invalid DRIVER_1: expected text without control characters, found a control character (U+001B) at character 5',
  ]);
  // Bytes cannot hold half a surrogate pair (they decode to U+FFFD, an encoding issue); a string can.
  const lone = parseClassificationCsv(rows('Jan \ud800CHAROUZ'), 'imola.csv');
  if (lone.ok) assert.fail('expected the file to be refused');
  assert.deepEqual(timingMessages(lone.error), [
    '4: encoding : the text holds an unpaired surrogate, which is not a character: is it UTF-16 cut in half?',
  ]);
});

test('a lap analysis with NUL in a driver name refuses the lap, at its line', () => {
  const text = [
    'NUMBER;DRIVER_NUMBER;LAP_NUMBER;LAP_TIME;LAP_IMPROVEMENT;CROSSING_FINISH_LINE_IN_PIT;S1;S1_IMPROVEMENT;S2;S2_IMPROVEMENT;S3;S3_IMPROVEMENT;KPH;ELAPSED;HOUR;S1_LARGE;S2_LARGE;S3_LARGE;TOP_SPEED;DRIVER_NAME;PIT_TIME;CLASS;GROUP;TEAM;MANUFACTURER;FLAG_AT_FL;',
    '38;1;1;1:40.000;0;;30.000;0;40.000;0;30.000;0;180.0;1:40.000;12:01:40.000;;;;;Simon DOLAN;;LMP2;;Jota;Zytek;GF;',
    '38;1;2;1:40.000;0;;30.000;0;40.000;0;30.000;0;180.0;3:20.000;12:03:20.000;;;;;Simon\u0000DOLAN;;LMP2;;Jota;Zytek;GF;',
    '',
  ].join('\n');
  const result = parseLapAnalysisCsv(text, 'laps.csv');
  if (result.ok) assert.fail('expected the file to be refused');
  assert.deepEqual(timingMessages(result.error), [
    '3: invalid DRIVER_NAME: expected text without control characters, found a control character (U+0000) at character 6',
  ]);
});

test('a timing file with long values quotes at most 80 characters of them; a long tail of line breaks is a tail', () => {
  const car = `9${'9'.repeat(KB_120)}`;
  const team = spaced(MB_4);
  const text = [
    CLASSIFICATION_HEADER,
    classificationRow(car, team, 'Simon DOLAN').replace('139;', `${team};`),
    classificationRow(car, 'Jota', 'Simon DOLAN'),
    classificationRow(car, 'Jota', 'Simon DOLAN'),
  ].join('\n');
  const result = parseClassificationCsv(`${text}${'\n'.repeat(KB_120)}`, 'long.csv');
  if (result.ok) assert.fail('expected the file to be refused');
  const messages = timingMessages(result.error);
  assertClipped(messages, team);
  assertClipped(messages, car);
  assert.deepEqual(messages, [
    `2: number LAPS: expected a number of laps such as 311, got "A${' '.repeat(79)}…"`,
    `4: duplicate-car NUMBER: car #${car.slice(0, QUOTE_LENGTH)}… is already at line 3`,
  ]);
  // Whether the text ends with a line break was a pattern tried from each of them: quadratic.
  const cut = parseClassificationCsv(`${text}${'\n'.repeat(KB_120)}1;2`, 'cut.csv');
  if (cut.ok) assert.fail('expected the file to be refused');
  assert.deepEqual(timingMessages(cut.error), [
    `${KB_120 + 4}: truncated : the file ends in the middle of a row (2 of 21 fields): is it truncated?`,
  ]);
  const header = parseClassificationCsv(`${spaced(KB_120)}\n1;2;3\n`, 'not-timing.csv');
  if (header.ok) assert.fail('expected the file to be refused');
  assertClipped(timingMessages(header.error), spaced(KB_120));
});

test('a live event with a long unknown field quotes 80 characters of its name; a NUL in driverName is refused', () => {
  const good = {
    car: '26',
    driverName: 'Roman Rusinov',
    lap: 1,
    lapTimeMs: 95_000,
    elapsedMs: 95_000,
    crossedInPit: false,
  };
  const key = `k${'x'.repeat(KB_120)}`;
  const long = readLiveEvent({ ...good, [key]: 1 }, 3);
  assert.ok(isLiveEventProblem(long));
  assert.deepEqual(long, [
    {
      index: 3,
      field: '',
      message: `unknown field "${key.slice(0, QUOTE_LENGTH)}…": expected only car, driverName, driverNumber, lap, lapTimeMs, sectorTimesMs, elapsedMs, crossedInPit, pitTimeMs, flag`,
    },
  ]);
  assert.deepEqual(readLiveEvent({ ...good, driverName: 'Roman\u0000' }, 0), [
    {
      index: 0,
      field: 'driverName',
      message: 'expected text without control characters, found a control character (U+0000) at character 6',
    },
  ]);
});
