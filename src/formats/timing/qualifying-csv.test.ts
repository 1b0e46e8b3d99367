import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseQualifyingCsv } from './qualifying-csv.ts';
import { formatIssue } from '../season-file.ts';

const fixture = (path: string) =>
  readFileSync(new URL(`../../../test/fixtures/timing-archive/${path}`, import.meta.url), 'utf8');
const SEPANG = '01-sepang/202412071015-qualifying-20lmp2-20and-20gt-results.csv';
const DUBAI_GT = '02-dubai/202502080940-qualifying-20gt-results.csv';

test('a qualifying result: header of 91 fields over rows of 76 or 71, " LAPS", a trailing comma', () => {
  const text = fixture(SEPANG);
  const [header, ...rows] = text.trimEnd().split('\n');
  assert.equal(header?.split(',').length, 91);
  assert.match(header ?? '', /, LAPS,/);
  assert.deepEqual([...new Set(rows.map((r) => r.split(',').length))].sort(), [71, 76]);

  const parsed = parseQualifyingCsv(text, SEPANG);
  if (!parsed.ok) assert.fail(parsed.error.map(formatIssue).join('\n'));
  const [first] = parsed.value.lines;
  assert.deepEqual(first, {
    line: 2,
    position: 1,
    car: '24',
    team: 'Northwind Racing',
    class: 'LMP2',
    vehicle: 'Oreca 07 - Gibson',
    bestLapTimeMs: 113_100,
    bestLap: 3,
    drivers: [
      { name: 'Naveen Patel', rating: 'Bronze', nationality: 'USA' },
      { name: 'Maximilian Hohenberg-Landau', rating: 'Gold', nationality: 'AUT' },
      { name: 'Kai Nakamura', rating: 'Platinum', nationality: 'JPN' },
    ],
  });
  assert.deepEqual(
    parsed.value.lines.map((l) => [l.car, l.drivers.length]),
    [
      ['24', 3],
      ['22', 3],
      ['30', 3],
      ['51', 3],
      ['7', 2],
    ],
  );
  // `_` is the timing's "no country": left out, as is an unknown licence letter.
  assert.deepEqual(parsed.value.lines[2]?.drivers[2], { name: 'Ana Sousa', rating: 'Gold' });
});

test('semicolons, and a last row of a crew of two without a line break after it', () => {
  const text = fixture(DUBAI_GT).trimEnd();
  const parsed = parseQualifyingCsv(text, DUBAI_GT);
  if (!parsed.ok) assert.fail(parsed.error.map(formatIssue).join('\n'));
  assert.deepEqual(
    parsed.value.lines.map((l) => [l.car, l.bestLapTimeMs, l.drivers.map((d) => d.name)]),
    [
      ['88', 118_300, ['Wei Chen', 'Lars Holm', 'Ola Nordmann']],
      ['51', 118_500, ['Custodio Rocha', 'Elodie Brazzuoli', 'Piet van Dam']],
      ['7', 119_000, ['Hiro Tanaka', 'Samuel Brooks']],
    ],
  );
});

test('a file cut in the middle of its last row is truncated; a time that is no time is said with its line', () => {
  const text = fixture(SEPANG);
  const cut = text.slice(0, text.lastIndexOf('Tanaka') + 3);
  const truncated = parseQualifyingCsv(cut, 'cut.csv');
  assert.ok(!truncated.ok);
  assert.deepEqual(
    truncated.error.map((i) => `${i.line} ${i.code}`),
    ['6 truncated'],
  );
  const bad = parseQualifyingCsv(text.replace('1:53.100', '1:53'), 'bad.csv');
  assert.ok(!bad.ok);
  assert.deepEqual(bad.error.map(formatIssue), [
    'bad.csv:2: time TIME: expected a lap time such as 1:53.197 or 1\'53.197, got "1:53"',
  ]);
});

test('a classification given as a qualifying result is named for what it is', () => {
  const race = fixture('01-sepang/202412071400-race-201-hour-4-results.csv');
  const parsed = parseQualifyingCsv(race, 'race.csv');
  assert.ok(!parsed.ok);
  assert.equal(parsed.error[0]?.code, 'format');
  assert.match(
    parsed.error[0]?.message ?? '',
    /this is an Al Kamel classification .* expected an Al Kamel qualifying result/,
  );
});
