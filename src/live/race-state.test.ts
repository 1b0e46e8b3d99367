import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LapEvent } from '../domain/lap-event.ts';
import type { RaceContext } from './race-state.ts';
import { applyLap, EMPTY_RACE, liveClassification, raceContext } from './race-state.ts';
import type { ClassificationRules } from '../domain/classification-rules.ts';
import {
  CLASSIFICATION_ORDERS,
  DISTANCE_BASES,
  FLAG_RULES,
  LAST_LAP_STOPS,
  ROUNDINGS,
  WITHOUT_FLAG_STATUSES,
} from '../domain/classification-rules.ts';
import { buildSeason, car } from '../../test/support/season-builder.ts';
import { parseLapAnalysisCsv } from '../formats/timing/lap-analysis-csv.ts';
import { parseClassificationCsv } from '../formats/timing/classification-csv.ts';
import { needsRecordedRaces, timingBytes } from '../../test/support/timing-fixtures.ts';

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

test(
  'Le Mans 2024 replayed lap by lap ends in the official classification, class by class, NC and Ret included',
  needsRecordedRaces,
  () => {
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
  },
);

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

/** A race of cars with 1 to 8 laps each, a lap every 100 s plus a car's own offset; the flag from 700 s. */
const race = fc
  .uniqueArray(
    fc.record({
      car: fc.constantFrom('1', '2', '3', '4', '5', '6'),
      laps: fc.integer({ min: 1, max: 8 }),
      offsetMs: fc.nat(99_000),
    }),
    { selector: (c) => c.car, minLength: 1 },
  )
  .map((cars) =>
    cars.flatMap(({ car, laps, offsetMs }) =>
      Array.from({ length: laps }, (_, i) => {
        const elapsedMs = (i + 1) * 100_000 + offsetMs;
        return {
          ...lap(car, i + 1, elapsedMs, elapsedMs >= 700_000 ? 'FF' : 'GF'),
          class: Number(car) % 2 ? 'LMP2' : 'GT',
        };
      }),
    ),
  );

const anyRules: fc.Arbitrary<ClassificationRules> = fc.record({
  minimumDistance: fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.record({ kind: fc.constant('laps' as const), laps: fc.integer({ min: 1, max: 8 }) }),
    fc.record({
      kind: fc.constant('share' as const),
      percent: fc.integer({ min: 1, max: 100 }),
      of: fc.constantFrom(...DISTANCE_BASES),
      rounding: fc.constantFrom(...ROUNDINGS),
    }),
  ),
  chequeredFlag: fc.constantFrom(...FLAG_RULES),
  withoutFlag: fc.constantFrom(...WITHOUT_FLAG_STATUSES),
  order: fc.constantFrom(...CLASSIFICATION_ORDERS),
  lastLapStop: fc.constantFrom(...LAST_LAP_STOPS),
});

test('under any classification rule, the final classification never depends on the order events arrive in', () => {
  const raceAndDelivery = race.chain((events) =>
    fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length })),
  );
  fc.assert(
    fc.property(anyRules, raceAndDelivery, (rules, [events, shuffled]) => {
      // A car's own laps keep their order (the feed is ordered per car); other cars interleave freely.
      const queues = new Map<string, LapEvent[]>();
      for (const e of events) queues.set(e.car, [...(queues.get(e.car) ?? []), e]);
      const delivered = shuffled.map((e) => queues.get(e.car)!.shift()!);
      const inTimeOrder = [...events].sort((a, b) => a.elapsedMs - b.elapsedMs);
      const final = (sequence: LapEvent[]) =>
        liveClassification(sequence.reduce(applyLap, EMPTY_RACE), true, rules).map((l) => [l.car.car, l.status]);
      assert.deepEqual(final(delivered), final(inTimeOrder));
    }),
  );
});

const context = raceContext(
  buildSeason({
    entries: [car('1', 'LMP2', ['A']), car('2', 'LMP2', ['B']), car('10', 'GT', ['C'])],
    races: [],
  }),
  1,
);

test('with a context, a car not entered is refused and counted; class and team come from the entry', () => {
  let state = applyLap(EMPTY_RACE, { ...lap('1', 1, 100_000), class: 'WRONG', team: 'Printed' }, context);
  state = applyLap(state, lap('99', 1, 101_000), context);
  assert.deepEqual(Object.keys(state.cars), ['1']);
  assert.equal(state.cars['1']?.class, 'LMP2');
  assert.equal(state.cars['1']?.team, 'Team 1');
  assert.equal(state.events, 1);
  assert.deepEqual(state.rejected, { 'lap-backwards': 0, 'duplicate-lap': 0, 'unknown-car': 1 });
  // Without a context the same car is taken as the timing prints it.
  assert.equal(applyLap(EMPTY_RACE, lap('99', 1, 101_000)).cars['99']?.class, 'LMP2');
});

test('sector times: the last lap, the car’s best of each, and the best of each in the class', () => {
  const withSectors = (car: string, n: number, sectors: (number | null)[]) => ({
    ...lap(car, n, n * 100_000),
    class: car === '10' ? 'GT' : 'LMP2',
    sectorTimesMs: sectors,
  });
  const state = [
    withSectors('1', 1, [30_000, 40_000, 50_000]),
    withSectors('1', 2, [29_000, null, 52_000]),
    withSectors('2', 1, [31_000, 39_000, 60_000]),
    withSectors('10', 1, [20_000, 20_000, 20_000]),
  ].reduce((s, e) => applyLap(s, e, context), EMPTY_RACE);
  assert.deepEqual(state.cars['1']?.sectorsMs, [29_000, null, 52_000]);
  assert.deepEqual(state.cars['1']?.bestSectorsMs, [29_000, 40_000, 50_000]);
  assert.deepEqual(state.cars['2']?.bestSectorsMs, [31_000, 39_000, 60_000]);
  assert.deepEqual(state.bestSectors, { LMP2: [29_000, 39_000, 50_000], GT: [20_000, 20_000, 20_000] });
});

/**
 * Car 1: A drives laps 1-4 (pits at the end of lap 2 and stays in: a double stint; in again at
 * the end of lap 4), B takes over on lap 5 (out-lap with 50 s in the pit lane) and drives lap 6,
 * then A again on lap 7.
 */
const stints: LapEvent[] = [
  { ...lap('1', 1, 100_000), driverName: 'A', lapTimeMs: 100_000 },
  { ...lap('1', 2, 210_000), driverName: 'A', lapTimeMs: 110_000, crossedInPit: true },
  { ...lap('1', 3, 360_000), driverName: 'A', lapTimeMs: 150_000, pitTimeMs: 40_000 },
  { ...lap('1', 4, 460_000), driverName: 'A', lapTimeMs: 100_000, crossedInPit: true },
  { ...lap('1', 5, 620_000), driverName: 'B', lapTimeMs: 160_000, pitTimeMs: 50_000 },
  { ...lap('1', 6, 720_000), driverName: 'B', lapTimeMs: 100_000 },
  { ...lap('1', 7, 820_000), driverName: 'A', lapTimeMs: 100_000 },
];

test('drive time and stints, pit time counted: a double stint is one stint, a new one starts with another driver', () => {
  const afterLap4 = stints.slice(0, 4).reduce((s, e) => applyLap(s, e, context), EMPTY_RACE);
  assert.equal(afterLap4.cars['1']?.inPit, true);
  assert.equal(afterLap4.cars['1']?.stintMs, 460_000); // 100 + 110 + 150 + 100
  const afterLap6 = stints.slice(0, 6).reduce((s, e) => applyLap(s, e, context), EMPTY_RACE);
  const car = afterLap6.cars['1'];
  assert.equal(car?.driver, 'B');
  assert.equal(car?.inPit, false);
  assert.equal(car?.pitStops, 2);
  assert.equal(car?.stintFromLap, 5);
  assert.equal(car?.stintMs, 260_000); // 160 + 100
  assert.deepEqual(car?.drivers, {
    A: { driveTimeMs: 460_000, longestStintMs: 460_000 },
    B: { driveTimeMs: 260_000, longestStintMs: 260_000 },
  });
  const afterLap7 = applyLap(afterLap6, stints[6]!, context).cars['1'];
  assert.equal(afterLap7?.stintFromLap, 7);
  assert.equal(afterLap7?.stintMs, 100_000);
  assert.deepEqual(afterLap7?.drivers['A'], { driveTimeMs: 560_000, longestStintMs: 460_000 });
});

test('drive time with pit time excluded: the out-lap’s pit time is taken off', () => {
  const excluded: RaceContext = { entryOf: (car) => context.entryOf(car), pitTime: 'excluded' };
  const car = stints.reduce((s, e) => applyLap(s, e, excluded), EMPTY_RACE).cars['1'];
  // A: 100 + 110 + (150 - 40) + 100 + 100; B: (160 - 50) + 100.
  assert.deepEqual(car?.drivers, {
    A: { driveTimeMs: 520_000, longestStintMs: 420_000 },
    B: { driveTimeMs: 210_000, longestStintMs: 210_000 },
  });
});

test('race-wide: events applied, the flag and race time of the latest crossing, when the chequered flag was first seen', () => {
  let state = [lap('1', 1, 100_000), lap('2', 1, 101_000, 'FCY')].reduce(applyLap, EMPTY_RACE);
  assert.deepEqual([state.events, state.flag, state.elapsedMs, state.chequeredAtMs], [2, 'FCY', 101_000, null]);
  state = applyLap(state, lap('1', 2, 200_000, 'FF'));
  // A lap delivered late (earlier race time) changes neither the flag nor the race time.
  state = applyLap(state, lap('2', 2, 199_000, 'GF'));
  assert.deepEqual([state.events, state.flag, state.elapsedMs, state.chequeredAtMs], [4, 'FF', 200_000, 200_000]);
});
