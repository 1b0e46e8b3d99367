import { test } from 'node:test';
import assert from 'node:assert/strict';
import { archivePoles } from './archive-poles.ts';
import type { PlannedMeeting, QualifyingSession } from './timing-archive.ts';
import { readTimingFileName } from './timing-file-name.ts';
import type { QualifyingLine } from './qualifying-csv.ts';
import type { AnalysisLap } from './lap-analysis-csv.ts';
import { car } from '../../../test/support/season-builder.ts';

const name = (file: string) => readTimingFileName(file)!;
const qualifyingLine = (carNumber: string, bestLapTimeMs: number): QualifyingLine => ({
  line: 2,
  car: carNumber,
  team: `Team ${carNumber}`,
  class: 'GT',
  bestLapTimeMs,
  drivers: [],
});
const session = (file: string, lines: QualifyingLine[], laps?: AnalysisLap[]): QualifyingSession => ({
  results: { path: file, event: '01-test', name: name(file), kind: 'qualifying', qualifying: { lines } },
  ...(laps && { laps: { path: file, event: '01-test', name: name(file), kind: 'qualifying-laps', laps: { laps } } }),
});
const lap = (carNumber: string, n: number, lapTimeMs: number): AnalysisLap => ({
  car: carNumber,
  driverNumber: 1,
  driverName: 'A',
  lap: n,
  lapTimeMs,
  sectorTimesMs: [],
  crossedInPit: false,
  elapsedMs: n * 120_000,
});
const meeting = (qualifying: QualifyingSession[]): PlannedMeeting => {
  const race = (round: number, file: string) => ({
    round,
    name: `Test - Race ${round}`,
    date: '2022-02-12',
    raceOfMeeting: round,
    classification: {
      path: file,
      event: '01-test',
      name: name(file),
      kind: 'classification' as const,
      classification: {
        lines: ['1', '2'].map((c) => ({
          line: 2,
          car: c,
          team: 'T',
          drivers: [],
          class: 'GT',
          status: 'Classified' as const,
          laps: 1,
        })),
      },
    },
  });
  return {
    name: 'Test',
    event: '01-test',
    qualifying,
    rounds: [race(1, '202202121630-race-201-hour-4-results.csv'), race(2, '202202131730-race-202-hour-4-results.csv')],
  };
};
const entries = [car('1', 'GT', []), car('2', 'GT', [])];

test('a qualifying session for each race (2022): each race its own session, by the best lap, whatever the rule', () => {
  const sessions = [
    session('202202120930-qualifying-20gt-20-20race-201-results.csv', [
      qualifyingLine('1', 118_000),
      qualifyingLine('2', 118_500),
    ]),
    session('202202120945-qualifying-20gt-20-20race-202-results.csv', [
      qualifyingLine('2', 117_900),
      qualifyingLine('1', 118_100),
    ]),
  ];
  const { poles, report } = archivePoles([meeting(sessions)], entries, ['GT'], {
    qualifying: 'per-meeting',
    grids: ['best-lap', 'second-best-lap'],
  });
  assert.deepEqual(
    [...poles],
    [
      [1, { GT: ['1', '2'] }],
      [2, { GT: ['2', '1'] }],
    ],
  );
  assert.deepEqual(report, []);
});

test('the second-best valid lap: out-laps, in-laps and laps faster than the official best do not count', () => {
  const laps = [
    { ...lap('1', 1, 150_000), pitTimeMs: 20_000 }, // out-lap
    lap('1', 2, 118_000),
    lap('1', 3, 118_300),
    { ...lap('1', 4, 118_100), crossedInPit: true }, // in-lap
    { ...lap('2', 1, 151_000), pitTimeMs: 20_000 },
    lap('2', 2, 117_000), // faster than #2's official best: deleted
    lap('2', 3, 118_200),
    lap('2', 4, 118_250),
  ];
  const shared = session(
    '202202120930-qualifying-20gt-results.csv',
    [qualifyingLine('1', 118_000), qualifyingLine('2', 118_200)],
    laps,
  );
  const { poles, report } = archivePoles([meeting([shared])], entries, ['GT'], {
    qualifying: 'per-meeting',
    grids: ['best-lap', 'second-best-lap'],
  });
  // #1: 1:58.000, then 1:58.300; #2: 1:58.200, then 1:58.250.
  assert.deepEqual(poles.get(2), { GT: ['2', '1'] });
  assert.deepEqual(report, [
    "round 2 (Test - Race 2), GT: #2 lap 2 (1:57.000) faster than the car's best in the results: taken as deleted",
  ]);
});

test('an official best that is not among the laps: the laps cannot be trusted, no pole', () => {
  const laps = [lap('1', 1, 118_400), lap('1', 2, 118_500), lap('2', 1, 118_200), lap('2', 2, 118_300)];
  const shared = session(
    '202202120930-qualifying-20gt-results.csv',
    [qualifyingLine('1', 118_000), qualifyingLine('2', 118_200)],
    laps,
  );
  const { poles, report } = archivePoles([meeting([shared])], entries, ['GT'], {
    qualifying: 'per-meeting',
    grids: ['best-lap', 'second-best-lap'],
  });
  assert.deepEqual(poles.get(2), {});
  assert.deepEqual(report, [
    "round 2 (Test - Race 2): no GT pole (second-best valid lap): #1's best lap in the results (1:58.000) is not in the lap analysis (202202120930-qualifying-20gt-results.csv): its valid laps cannot be told",
  ]);
});
