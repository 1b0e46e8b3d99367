import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsRecordedRaces, timingBytes, timingText } from '../../../test/support/timing-fixtures.ts';
import { formatIssue } from '../season-file.ts';
import { parseLapAnalysisCsv } from './lap-analysis-csv.ts';
import type { LapAnalysis } from './lap-analysis-csv.ts';
import type { TimingIssue } from './timing-csv.ts';

function parsed(result: ReturnType<typeof parseLapAnalysisCsv>): LapAnalysis {
  if (!result.ok) assert.fail(result.error.slice(0, 20).map(formatIssue).join('\n'));
  return result.value;
}

function issues(result: ReturnType<typeof parseLapAnalysisCsv>): TimingIssue[] {
  if (result.ok) assert.fail('expected issues, the file was read');
  return result.error;
}

const tally = (values: readonly (string | undefined)[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v ?? ''] = (counts[v ?? ''] ?? 0) + 1;
  return counts;
};

test('Le Mans 2024: the counts SOURCES.md gives', needsRecordedRaces, () => {
  const { laps } = parsed(parseLapAnalysisCsv(timingBytes('leMans2024Laps'), 'le_mans_24h.csv'));
  assert.equal(laps.length, 15_593);
  const cars = new Map(laps.map((l) => [l.car, l.class]));
  assert.equal(cars.size, 62);
  assert.deepEqual(tally([...cars.values()]), { HYPERCAR: 23, LMP2: 16, LMGT3: 23 });
  assert.equal(new Set(laps.map((l) => l.driverName)).size, 185);
  assert.equal(Math.max(...laps.map((l) => l.lap)), 311);
  assert.equal(laps.filter((l) => l.crossedInPit).length, 1_548);
  assert.equal(laps.filter((l) => l.pitTimeMs !== undefined).length, 1_542);
  assert.deepEqual(tally(laps.map((l) => l.flag)), { GF: 12_980, SF: 2_481, FCY: 85, FF: 47 });
  assert.deepEqual(laps[0], {
    car: '10',
    driverNumber: 2,
    driverName: 'Patrick PILET',
    lap: 1,
    lapTimeMs: 233_276,
    sectorTimesMs: [45_985, 86_214, 101_077],
    crossedInPit: false,
    elapsedMs: 233_276,
    class: 'LMP2',
    team: 'Vector Sport',
    flag: 'GF',
    line: 2,
  });
  // The out-lap of car #10's first stop carries the pit lane: 0:01:27.261.
  assert.equal(laps.find((l) => l.car === '10' && l.lap === 10)?.pitTimeMs, 87_261);
  assert.equal(laps.find((l) => l.car === '10' && l.lap === 9)?.crossedInPit, true);
});

test(
  'Sebring 2025 (re-exported with commas): 17,039 laps, 56 cars, 163 drivers, 021 and 21 two cars',
  needsRecordedRaces,
  () => {
    const { laps } = parsed(parseLapAnalysisCsv(timingBytes('sebring2025Laps'), 'sebring-laps.csv'));
    assert.equal(laps.length, 17_039);
    const cars = new Map(laps.map((l) => [l.car, l.class]));
    assert.deepEqual(tally([...cars.values()]), { GTP: 13, LMP2: 12, GTDPRO: 11, GTD: 20 });
    assert.equal(new Set(laps.map((l) => l.driverName)).size, 163);
    assert.equal(laps.filter((l) => l.crossedInPit).length, 722);
    assert.deepEqual(Object.keys(tally(laps.map((l) => l.flag))).sort(), ['FCY', 'FF', 'GF']);
    // #021 and #21, #04 and #4 are different cars of the same race.
    assert.ok(cars.has('021') && cars.has('21') && cars.get('021') !== undefined);
    assert.notEqual(laps.filter((l) => l.car === '04').length, laps.filter((l) => l.car === '4').length);
  },
);

const HEADER =
  'NUMBER; DRIVER_NUMBER; LAP_NUMBER; LAP_TIME; CROSSING_FINISH_LINE_IN_PIT; ELAPSED; DRIVER_NAME; PIT_TIME;';
const lap = (car: string, n: number, time = '1:00.000', elapsed = `${n}:00.000`) =>
  `${car};1;${n};${time};;${elapsed};A DRIVER;;`;

test('a lap twice: the line of both', () => {
  const text = [HEADER, lap('7', 1), lap('7', 2), lap('8', 1), lap('7', 2)].join('\n');
  const found = issues(parseLapAnalysisCsv(text, 'x.csv'));
  assert.deepEqual(found.map(formatIssue), ['x.csv:5: duplicate-lap LAP_NUMBER: lap 2 of car #7 is already at line 3']);
});

test('a lap out of order: the line, and the lap it came after', () => {
  const text = [HEADER, lap('7', 1), lap('7', 3), lap('7', 2), lap('7', 4)].join('\n');
  const found = issues(parseLapAnalysisCsv(text, 'x.csv'));
  assert.deepEqual(found.map(formatIssue), [
    'x.csv:4: lap-order LAP_NUMBER: lap 2 of car #7 comes after lap 3 (line 3)',
  ]);
});

test('a lap missing: reported at the lap after the gap', () => {
  const text = [HEADER, lap('7', 1), lap('7', 2), lap('7', 5)].join('\n');
  const found = issues(parseLapAnalysisCsv(text, 'x.csv'));
  assert.deepEqual(found.map(formatIssue), [
    'x.csv:4: missing-lap LAP_NUMBER: car #7: laps 3-4 are missing before lap 5',
  ]);
});

test('a bad lap time and an empty driver: line, column, what was expected', () => {
  const text = [HEADER, lap('7', 1, '1:0x.000'), lap('7', 2).replace('A DRIVER', '')].join('\n');
  assert.deepEqual(issues(parseLapAnalysisCsv(text, 'x.csv')).map(formatIssue), [
    'x.csv:2: time LAP_TIME: expected a lap time such as 3:29.208, got "1:0x.000"',
    'x.csv:3: missing DRIVER_NAME: is empty',
  ]);
});

test('a truncated lap file: the cut row, with its line', needsRecordedRaces, () => {
  const text = timingText('leMans2024Laps').slice(0, 100_000);
  const found = issues(parseLapAnalysisCsv(text, 'cut.csv'));
  assert.deepEqual(
    found.map((i) => [i.code, i.line]),
    [['truncated', text.split('\n').length]],
  );
});

test('the header of a classification given as laps', needsRecordedRaces, () => {
  const found = issues(parseLapAnalysisCsv(timingBytes('imola2014Classification'), 'imola.csv'));
  assert.deepEqual(
    found.map((i) => [i.line, i.code]),
    [[1, 'format']],
  );
  assert.match(found[0]?.message ?? '', /this is an Al Kamel classification .*expected an Al Kamel lap analysis/);
});

test('invalid UTF-8 in a lap file: the line of the first bad byte', () => {
  const bytes = Uint8Array.from(
    Buffer.from([HEADER, lap('7', 1), lap('7', 2).replace('A DRIVER', 'S\u00e9b')].join('\n'), 'latin1'),
  );
  assert.deepEqual(
    issues(parseLapAnalysisCsv(bytes, 'x.csv')).map((i) => [i.line, i.code]),
    [[3, 'encoding']],
  );
});
