import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Season } from '../../domain/season.ts';
import { buildSeason, car } from '../../../test/support/season-builder.ts';
import type { AnalysisLap } from './lap-analysis-csv.ts';
import { parseLapAnalysisCsv } from './lap-analysis-csv.ts';
import type { OfficialBests } from './qualifying-lap-poles.ts';
import { lapAnalysisPoles, readDeletedLaps, unknownDeletedLaps } from './qualifying-lap-poles.ts';

const FILE = '202412071015-qualifying-20lmp2-20and-20gt-laps.csv';

/** A two-race meeting (rounds 1 and 2) ordered by the ALMS rule, and a race of its own (round 3). */
const built = buildSeason({
  classes: ['LMP2', 'GT'],
  entries: [
    car('22', 'LMP2', ['Aksel LINDQVIST']),
    car('30', 'LMP2', ['Fred OKAFOR']),
    car('7', 'GT', ['Hiro TANAKA']),
    car('51', 'GT', ['Custódio ROCHA']),
  ],
  races: [],
  rounds: 3,
});
const season: Season = {
  ...built,
  rounds: built.rounds.map((r) => (r.round < 3 ? { ...r, meeting: 'Sepang' } : r)),
  poleRule: { qualifying: 'per-meeting', grids: ['best-lap', 'second-best-lap'] },
};

/**
 * The session as the timing writes it, with commas (a re-export): per car an out-lap (PIT_TIME),
 * timed laps, an in-lap (B); rows end with the separator.
 */
const COMMAS = [
  'NUMBER,DRIVER_NUMBER,LAP_NUMBER,LAP_TIME,LAP_IMPROVEMENT,CROSSING_FINISH_LINE_IN_PIT,S1,S2,S3,KPH,ELAPSED,HOUR,DRIVER_NAME,PIT_TIME,CLASS,GROUP,TEAM,FLAG_AT_FL,',
  '22,1,1,2:21.000,0,,,,,,2:21.000,,Aksel LINDQVIST,0:00:14.619,LMP2,,Meridian Racing,GF,',
  '22,1,2,1:55.000,0,,,,,,4:16.000,,Aksel LINDQVIST,,LMP2,,Meridian Racing,GF,',
  '22,1,3,1:53.500,0,,,,,,6:09.500,,Aksel LINDQVIST,,LMP2,,Meridian Racing,GF,',
  '22,1,4,1:53.400,0,,,,,,8:02.900,,Aksel LINDQVIST,,LMP2,,Meridian Racing,GF,',
  '22,1,5,2:06.000,0,B,,,,,10:08.900,,Aksel LINDQVIST,,LMP2,,Meridian Racing,GF,',
  '30,1,1,2:19.000,0,,,,,,2:19.000,,Fred OKAFOR,0:00:14.619,LMP2,,Red Dune Engineering,GF,',
  // Faster than the car's best in the results: deleted for track limits.
  '30,1,2,1:52.900,0,,,,,,4:11.900,,Fred OKAFOR,,LMP2,,Red Dune Engineering,GF,',
  '30,1,3,1:53.100,0,,,,,,6:05.000,,Fred OKAFOR,,LMP2,,Red Dune Engineering,GF,',
  '30,1,4,1:53.800,0,,,,,,7:58.800,,Fred OKAFOR,,LMP2,,Red Dune Engineering,GF,',
  '30,1,5,2:07.000,0,B,,,,,10:05.800,,Fred OKAFOR,,LMP2,,Red Dune Engineering,GF,',
  '',
].join('\n');

/** The GT cars as Al Kamel writes them: `;`, spaces after the separators in the header, accents. */
const SEMICOLONS = [
  'NUMBER; DRIVER_NUMBER; LAP_NUMBER; LAP_TIME; LAP_IMPROVEMENT; CROSSING_FINISH_LINE_IN_PIT; S1; S1_IMPROVEMENT; S2; S2_IMPROVEMENT; S3; S3_IMPROVEMENT; KPH; ELAPSED; HOUR;S1_LARGE;S2_LARGE;S3_LARGE;TOP_SPEED;DRIVER_NAME;PIT_TIME;CLASS;GROUP;TEAM;MANUFACTURER;FLAG_AT_FL;S1_SECONDS;S2_SECONDS;S3_SECONDS;',
  '51;1;1;2:30.000;0;;;;;;;;;2:30.000;;;;;;Custódio ROCHA;0:00:14.619;GT;;Falcon Motorsport;;GF;;;;',
  '51;1;2;2:06.000;0;;;;;;;;;4:36.000;;;;;;Custódio ROCHA;;GT;;Falcon Motorsport;;GF;;;;',
  '51;1;3;2:04.500;0;;;;;;;;;6:40.500;;;;;;Custódio ROCHA;;GT;;Falcon Motorsport;;GF;;;;',
  '51;1;4;2:05.300;0;;;;;;;;;8:45.800;;;;;;Custódio ROCHA;;GT;;Falcon Motorsport;;GF;;;;',
  '7;1;1;2:31.000;0;;;;;;;;;2:31.000;;;;;;Hiro TANAKA;0:00:14.619;GT;;Kestrel GT;;GF;;;;',
  '7;1;2;2:04.800;0;;;;;;;;;4:35.800;;;;;;Hiro TANAKA;;GT;;Kestrel GT;;GF;;;;',
  '7;1;3;2:16.000;0;B;;;;;;;;6:51.800;;;;;;Hiro TANAKA;;GT;;Kestrel GT;;GF;;;;',
  '',
].join('\r\n');

function lapsOf(text: string): AnalysisLap[] {
  const parsed = parseLapAnalysisCsv(text, FILE);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.error));
  return [...parsed.value.laps];
}

const bests = (entries: Record<string, number | null>): OfficialBests => ({
  file: '202412071015-qualifying-20lmp2-20and-20gt-results.csv',
  bestLapMs: new Map(Object.entries(entries)),
});

test("race 2's pole is the best second-best valid lap: a lap deleted for track limits is not one", () => {
  const laps = lapsOf(COMMAS);
  const derived = lapAnalysisPoles(season, 1, FILE, laps, { bests: bests({ '22': 113_400, '30': 113_100 }) });
  // Counted, #30's deleted 1:52.900 would have made 1:53.100 its second-best and given it the pole.
  assert.deepEqual(derived.poles, [{ round: 2, class: 'LMP2', cars: ['22', '30'] }]);
  assert.deepEqual(derived.notes, [
    `${FILE}:8: #30 lap 2 (1:52.900) is faster than its best in the qualifying results (1:53.100): taken as deleted`,
  ]);
  // Race 1 is the qualifying results' to set, and says so.
  assert.deepEqual(derived.notSet, [
    'round 1 (Round 1): race 1 is ordered by the best lap: the qualifying results set that pole (pitwall timing import …-results.csv)',
  ]);
  // Given for round 2 of the meeting, the same.
  assert.deepEqual(
    lapAnalysisPoles(season, 2, FILE, laps, { bests: bests({ '22': 113_400, '30': 113_100 }) }).poles,
    derived.poles,
  );
});

test('a lap race control deleted that the results cannot show (a second-best lap) is left out too', () => {
  const deleted = readDeletedLaps('22:3');
  assert.ok(deleted.ok);
  const derived = lapAnalysisPoles(season, 1, FILE, lapsOf(COMMAS), {
    bests: bests({ '22': 113_400, '30': 113_100 }),
    deleted: deleted.value,
  });
  // #22 is left with 1:53.400 and 1:55.000; #30's 1:53.800 is better.
  assert.deepEqual(derived.poles, [{ round: 2, class: 'LMP2', cars: ['30', '22'] }]);
  assert.ok(derived.notes.includes(`${FILE}:4: #22 lap 3 (1:53.500) deleted by race control`));
});

test('without the qualifying results the deleted laps cannot be told: the pole is not set, and why', () => {
  const derived = lapAnalysisPoles(season, 1, FILE, lapsOf(COMMAS));
  assert.deepEqual(derived.poles, []);
  assert.equal(derived.notSet.length, 2);
  assert.match(
    derived.notSet[1]!,
    /^round 2 \(Round 2\): no LMP2 pole \(second-best valid lap\): #22 has no best lap from the qualifying results: import the session's qualifying results first/,
  );
  // A car the results do not hold, either.
  const partial = lapAnalysisPoles(season, 1, FILE, lapsOf(COMMAS), { bests: bests({ '22': 113_400 }) });
  assert.match(
    partial.notSet[1]!,
    /#30 has no best lap from the qualifying results \(.*-results\.csv has no line for it\)/,
  );
});

test("a best lap the lap analysis does not hold: the car's valid laps cannot be told", () => {
  const derived = lapAnalysisPoles(season, 1, FILE, lapsOf(COMMAS), { bests: bests({ '22': 113_400, '30': 113_000 }) });
  assert.deepEqual(derived.poles, []);
  assert.match(derived.notSet[1]!, /#30's best lap in the qualifying results \(1:53.000\) is not among its timed laps/);
});

test('semicolons, accents and a car with one valid lap: it starts behind', () => {
  const derived = lapAnalysisPoles(season, 2, FILE, lapsOf(SEMICOLONS), {
    bests: bests({ '51': 124_500, '7': 124_800 }),
  });
  assert.deepEqual(derived.poles, [{ round: 2, class: 'GT', cars: ['51'] }]);
  assert.deepEqual(derived.notes, ['#7 has one valid lap: no second-best, it starts behind']);
  // A car that set no time in the results has no valid lap at all.
  const none = lapAnalysisPoles(season, 2, FILE, lapsOf(SEMICOLONS), { bests: bests({ '51': null, '7': 124_800 }) });
  assert.deepEqual(none.poles, []);
  assert.deepEqual(none.notSet.at(-1), 'round 2 (Round 2): no GT pole: no GT car has a second-best valid lap');
  assert.ok(none.notes.includes('#51 set no time in the qualifying results: none of its laps counts'));
});

test("a grid the best lap orders is not the lap analysis's to set: no rule, a race of its own, a session named for a race", () => {
  const laps = lapsOf(COMMAS);
  const noRule: Season = { ...season, poleRule: undefined };
  assert.deepEqual(lapAnalysisPoles(noRule, 1, FILE, laps).notSet, [
    'round 1 (Round 1): the season has no pole rule, so the grid is the best lap: the qualifying results set that pole (pitwall timing import …-results.csv)',
    'round 2 (Round 2): the season has no pole rule, so the grid is the best lap: the qualifying results set that pole (pitwall timing import …-results.csv)',
  ]);
  assert.deepEqual(lapAnalysisPoles(season, 3, FILE, laps).notSet, [
    'round 3 (Round 3): the only race of its meeting is ordered by the best lap: the qualifying results set that pole (pitwall timing import …-results.csv)',
  ]);
  const named = lapAnalysisPoles(season, 1, '202202120945-qualifying-20gt-20-20race-202-laps.csv', laps);
  assert.deepEqual(named.poles, []);
  assert.match(named.notSet[0]!, /the session is for race 2, ordered by the best lap/);
});

test('deleted laps are read as CAR:LAP, and one the file does not have is named', () => {
  assert.deepEqual(readDeletedLaps(' 30:4, 022:12 '), {
    ok: true,
    value: [
      { car: '30', lap: 4 },
      { car: '022', lap: 12 },
    ],
  });
  assert.deepEqual(readDeletedLaps(undefined), { ok: true, value: [] });
  assert.deepEqual(readDeletedLaps('30-4'), {
    ok: false,
    error: 'deleted: expected laps as CAR:LAP, comma-separated (30:4,22:7), not "30-4"',
  });
  assert.equal(readDeletedLaps('30:0').ok, false);
  assert.deepEqual(
    unknownDeletedLaps(lapsOf(COMMAS), [
      { car: '30', lap: 4 },
      { car: '30', lap: 9 },
    ]),
    ['deleted: car #30 has no lap 9 in the lap analysis'],
  );
});
