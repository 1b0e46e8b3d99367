import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LapEvent } from './race-state.ts';
import { applyLap, EMPTY_RACE, liveClassification } from './race-state.ts';
import { parseLapAnalysisCsv } from '../formats/timing/lap-analysis-csv.ts';
import { parseClassificationCsv } from '../formats/timing/classification-csv.ts';
import { timingBytes } from '../../test/support/timing-fixtures.ts';

const lap = (car: string, n: number, elapsedMs: number, flag = 'GF'): LapEvent => ({
  car,
  class: 'LMP2',
  driverName: 'D',
  lap: n,
  lapTimeMs: 100_000,
  elapsedMs,
  crossedInPit: false,
  flag,
});

test('Le Mans 2024 replayed lap by lap ends in the official classification, class by class, NC and Ret included', () => {
  const laps = parseLapAnalysisCsv(timingBytes('leMans2024Laps'), 'le_mans_24h.csv');
  const official = parseClassificationCsv(timingBytes('leMans2024Classification'), 'results.csv');
  assert.ok(laps.ok && official.ok);
  // Events arrive in time order, as a live feed would deliver them.
  const events = [...laps.value.laps].sort((a, b) => a.elapsedMs - b.elapsedMs);
  const state = events.reduce(applyLap, EMPTY_RACE);
  const live = liveClassification(state, true);
  assert.deepEqual(
    live.map((l) => [l.car.car, l.status]),
    official.value.lines.map((l) => [l.car, l.status]),
  );
  for (const cls of ['HYPERCAR', 'LMP2', 'LMGT3']) {
    assert.deepEqual(
      live.filter((l) => l.car.class === cls).map((l) => l.car.car),
      official.value.lines.filter((l) => l.class === cls).map((l) => l.car),
      cls,
    );
  }
  assert.deepEqual(state.rejected, { 'lap-backwards': 0, 'duplicate-lap': 0, 'unknown-car': 0 });
});

test('a duplicate or backwards lap is counted and changes nothing else', () => {
  let state = [lap('1', 1, 100_000), lap('1', 2, 200_000)].reduce(applyLap, EMPTY_RACE);
  const before = state.cars;
  state = applyLap(state, lap('1', 2, 200_000));
  state = applyLap(state, lap('1', 1, 300_000));
  assert.equal(state.cars, before);
  assert.deepEqual(state.rejected, { 'lap-backwards': 1, 'duplicate-lap': 1, 'unknown-car': 0 });
});

test('while racing every car is classified, ranked by laps then time', () => {
  const state = [lap('1', 1, 100_000), lap('2', 1, 99_000), lap('3', 2, 210_000)].reduce(applyLap, EMPTY_RACE);
  assert.deepEqual(
    liveClassification(state, false).map((l) => [l.car.car, l.position, l.status]),
    [
      ['3', 1, 'Classified'],
      ['2', 2, 'Classified'],
      ['1', 3, 'Classified'],
    ],
  );
});

test('any order of delivery gives the same final classification when no lap is lost', () => {
  const events = [
    lap('1', 1, 100_000),
    lap('1', 2, 200_000, 'FF'),
    lap('2', 1, 101_000),
    lap('2', 2, 201_000, 'FF'),
    lap('3', 1, 150_000),
  ];
  const expected = liveClassification(events.reduce(applyLap, EMPTY_RACE), true);
  fc.assert(
    fc.property(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), (shuffled) => {
      // A car's own laps keep their order (the feed is ordered per car); other cars interleave freely.
      const perCar = (car: string) => events.filter((e) => e.car === car);
      const queues = new Map(['1', '2', '3'].map((c) => [c, perCar(c)]));
      const delivered = shuffled.map((e) => queues.get(e.car)!.shift()!);
      const got = liveClassification(delivered.reduce(applyLap, EMPTY_RACE), true);
      assert.deepEqual(
        got.map((l) => [l.car.car, l.status]),
        expected.map((l) => [l.car.car, l.status]),
      );
    }),
  );
});
