import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseSeasonFile } from '../../formats/season-file.ts';
import type { ClassificationLine, Round } from '../../domain/season.ts';
import { buildSeason, car, race } from '../../../test/support/season-builder.ts';
import { classWinners, gapToLeader, isRaceDay, overallOrderKnown, overallPositions } from './race-facts.ts';
import { finalTable, finalTitleLine } from './live-finished.tsx';

const parsed = parseSeasonFile(readFileSync('data/seasons/alms-2019-20.yaml', 'utf8'), 'alms-2019-20.yaml');
if (!parsed.ok) throw new Error('the bundled season does not parse');
const alms = parsed.value;

const timed = (carNumber: string, laps?: number, totalTimeMs?: number, status = 'Classified'): ClassificationLine =>
  ({
    car: carNumber,
    status,
    ...(laps !== undefined ? { laps } : {}),
    ...(totalTimeMs ? { totalTimeMs } : {}),
  }) as ClassificationLine;

const entries = [car('1', 'P', ['A']), car('2', 'P', ['B']), car('3', 'GT', ['C'])];

test('an overall order is claimed only where every classified car has laps that never go up', () => {
  const season = buildSeason({ entries, races: [] });
  const order = (lines: ClassificationLine[]) => overallOrderKnown(season, race(1, lines));
  assert.equal(order([timed('1', 120), timed('2', 119), timed('3', 110), timed('x', 20, undefined, 'Ret')]), true);
  assert.equal(order([timed('1', 120), timed('3', 110), timed('2', 119)]), false, 'laps go up');
  assert.equal(order([timed('1', 120), timed('2'), timed('3', 110)]), false, 'a car without laps');
  assert.equal(order([timed('1', 120), timed('x', 20, undefined, 'Ret'), timed('3', 110)]), false, 'Ret among');
  assert.deepEqual(
    [...overallPositions(season, race(1, [timed('1', 120), timed('3', 110)]))],
    [
      ['1', 1],
      ['3', 2],
    ],
  );
  // The ALMS 2019-20 file gives class results and laps for a few cars: no overall positions.
  for (const r of alms.races) assert.equal(overallOrderKnown(alms, r), false, `round ${r.round}`);
});

test('a gap to the class leader: laps down, or time on the same lap, or nothing when a figure is missing', () => {
  assert.deepEqual(gapToLeader(timed('1', 157), timed('2', 155)), { laps: 2 });
  assert.deepEqual(gapToLeader(timed('1', 120, 14_410_500), timed('2', 120, 14_422_750)), { timeMs: 12_250 });
  assert.equal(gapToLeader(timed('1', 120), timed('2', 120)), undefined);
  assert.equal(gapToLeader(timed('1'), timed('2', 118)), undefined);
});

test("each class's winner of a round, or why there is none", () => {
  const buriram = alms.races.find((r) => r.round === 4)!;
  assert.deepEqual(
    classWinners(alms, buriram).map((w) => [w.classId, w.entry?.car ?? w.none]),
    [
      ['LMP2', '45'],
      ['LMP2 Am', '25'],
      ['LMP3', '12'],
      ['GT', '27'],
      ['GT Am', 'no-entries'],
    ],
  );
  const shanghai = alms.races.find((r) => r.round === 1)!;
  assert.equal(classWinners(alms, shanghai).at(-1)?.none, 'no-finishers');
});

test('race day: the date, and the next day too for a race of 12 hours or more', () => {
  const round = (date: string, hours: number): Round => ({
    round: 1,
    name: 'R',
    date,
    scheduledDurationMs: hours * 3_600_000,
    pointsMultiplier: 1,
  });
  assert.equal(isRaceDay(round('2024-06-15', 4), '2024-06-15'), true);
  assert.equal(isRaceDay(round('2024-06-15', 4), '2024-06-16'), false);
  assert.equal(isRaceDay(round('2024-06-15', 24), '2024-06-16'), true);
  assert.equal(isRaceDay(round('2024-06-15', 24), '2024-06-17'), false);
  assert.equal(isRaceDay(round('2024-06-15', 4), '2024-06-14'), false);
});

test('the finish: the championship after the round beside the table before it, the pole not counted before', () => {
  const rows = finalTable(alms, 4, 'LMP2', 'teams');
  assert.deepEqual(
    rows.slice(0, 2).map((r) => [r.row.kind === 'teams' && r.row.car, r.row.points, r.pointsBefore, r.change]),
    [
      ['26', 83_000, 65_000, 0],
      ['45', 82_000, 56_000, 0],
    ],
  );
  assert.equal(finalTitleLine(rows, true, 4), 'G-Drive Racing with Algarve champion by 1 point.');
  // After round 2 of 4: a lead, not a title; crewmates are named together.
  const drivers = finalTable(alms, 2, 'LMP2', 'drivers');
  assert.equal(
    finalTitleLine(drivers, false, 2),
    'After round 2: James French, Leonard Hoogenboom, Roman Rusinov lead by 13 points.',
  );
  // The opener: everyone was level before it, so nobody gained or lost a place.
  assert.ok(finalTable(alms, 1, 'LMP2', 'teams').every((r) => r.change === 0));
});
