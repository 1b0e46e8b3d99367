import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisLap } from '../formats/timing/lap-analysis-csv.ts';
import { parseLapAnalysisCsv } from '../formats/timing/lap-analysis-csv.ts';
import { needsRecordedRaces, timingBytes } from '../../test/support/timing-fixtures.ts';
import type { WireEvent } from './replay-schedule.ts';
import { MAX_EVENTS_PER_REQUEST, replayEvents, ticks, wireEvent, withinWindow } from './replay-schedule.ts';

const lap = (car: string, n: number, elapsedMs: number, extra: Partial<AnalysisLap> = {}): AnalysisLap => ({
  car,
  driverNumber: 1,
  driverName: 'Ann DRIVER',
  lap: n,
  lapTimeMs: 100_000,
  sectorTimesMs: [30_000, undefined, 40_000],
  crossedInPit: false,
  elapsedMs,
  class: 'LMP2',
  team: 'Team',
  flag: 'GF',
  ...extra,
});

const event = (car: string, elapsedMs: number): WireEvent => wireEvent(lap(car, 1, elapsedMs));

test('a lap becomes the wire event: no class or team, a missed sector null, absent fields left out', () => {
  assert.deepEqual(wireEvent(lap('007', 3, 300_000, { pitTimeMs: 61_000, crossedInPit: true })), {
    car: '007',
    driverName: 'Ann DRIVER',
    driverNumber: 1,
    lap: 3,
    lapTimeMs: 100_000,
    sectorTimesMs: [30_000, null, 40_000],
    elapsedMs: 300_000,
    crossedInPit: true,
    pitTimeMs: 61_000,
    flag: 'GF',
  });
  const bare = wireEvent(lap('7', 1, 100_000, { sectorTimesMs: [undefined, undefined, undefined], flag: undefined }));
  assert.deepEqual(Object.keys(bare).sort(), [
    'car',
    'crossedInPit',
    'driverName',
    'driverNumber',
    'elapsedMs',
    'lap',
    'lapTimeMs',
  ]);
  assert.ok(!JSON.stringify(bare).includes('class'));
});

test('events come in race-time order; laps crossed at the same time keep the order of the file', () => {
  const events = replayEvents([lap('1', 2, 200_000), lap('2', 1, 100_000), lap('3', 1, 100_000), lap('1', 1, 90_000)]);
  assert.deepEqual(
    events.map((e) => [e.car, e.lap]),
    [
      ['1', 1],
      ['2', 1],
      ['3', 1],
      ['1', 2],
    ],
  );
});

test('ticks: each event at its race time divided by the speed, rounded up to the tick, never early', () => {
  const events = [event('1', 0), event('2', 1_000), event('3', 1_050), event('4', 2_010), event('5', 2_000)];
  // Speed 10: due at 0, 100, 105, 201 and 200 ms; ticks of 100 ms. #5 is out of race-time order
  // (replayEvents never gives that): it never goes back in time, it rides with the tick before.
  assert.deepEqual(
    ticks(events, 10).map((t) => [t.atMs, t.events.map((e) => e.car)]),
    [
      [0, ['1']],
      [100, ['2']],
      [200, ['3']],
      [300, ['4', '5']],
    ],
  );
  assert.deepEqual(
    ticks(events, 1, 1000).map((t) => [t.atMs, t.events.length]),
    [
      [0, 1],
      [1000, 1],
      [2000, 1],
      [3000, 2],
    ],
  );
});

test('ticks: never more than 1000 events in one; speed Infinity or 0 sends everything at once', () => {
  const many = Array.from({ length: 2_500 }, (_, i) => event(String(i), 60_000));
  const split = ticks(many, 1);
  assert.deepEqual(
    split.map((t) => [t.atMs, t.events.length]),
    [
      [60_000, 1000],
      [60_000, 1000],
      [60_000, 500],
    ],
  );
  for (const speed of [0, Number.POSITIVE_INFINITY]) {
    const fast = ticks([...many, event('x', 86_400_000)], speed);
    assert.deepEqual(
      fast.map((t) => [t.atMs, t.events.length]),
      [
        [0, 1000],
        [0, 1000],
        [0, 501],
      ],
    );
  }
  assert.throws(() => ticks(many, -1), RangeError);
  assert.throws(() => ticks(many, Number.NaN), RangeError);
  assert.throws(() => ticks(many, 1, 0), RangeError);
});

test('a race-time window: laps before --from are sent at once, laps after --to not at all', () => {
  const events = [event('1', 1_000), event('2', 5_000), event('3', 10_000), event('4', 20_000)];
  const kept = withinWindow(events, { fromMs: 5_000, toMs: 10_000 });
  assert.deepEqual(
    kept.map((e) => e.car),
    ['1', '2', '3'],
  );
  assert.deepEqual(
    ticks(kept, 1, 1000, 5_000).map((t) => [t.atMs, t.events.map((e) => e.car)]),
    [
      [0, ['1', '2']],
      [5_000, ['3']],
    ],
  );
  assert.equal(withinWindow(events).length, 4);
});

test(
  'Le Mans 2024: 15,593 events in race-time order, none lost; at speed 20 the last tick is at about 24 h / 20',
  needsRecordedRaces,
  () => {
    const parsed = parseLapAnalysisCsv(timingBytes('leMans2024Laps'), 'le_mans_24h.csv');
    assert.ok(parsed.ok);
    const events = replayEvents(parsed.value.laps);
    assert.equal(events.length, 15_593);
    for (let i = 1; i < events.length; i++) {
      assert.ok(events[i - 1]!.elapsedMs <= events[i]!.elapsedMs, `event ${i} is out of order`);
    }
    const key = (e: { car: string; lap: number }) => `${e.car}/${e.lap}`;
    assert.deepEqual(new Set(events.map(key)), new Set(parsed.value.laps.map(key)));

    const schedule = ticks(events, 20);
    assert.equal(
      schedule.reduce((n, t) => n + t.events.length, 0),
      15_593,
    );
    assert.deepEqual(
      schedule.flatMap((t) => t.events),
      events,
    );
    for (const t of schedule) assert.ok(t.events.length <= MAX_EVENTS_PER_REQUEST);
    for (let i = 1; i < schedule.length; i++) assert.ok(schedule[i - 1]!.atMs <= schedule[i]!.atMs);
    const last = schedule.at(-1)!;
    const dayOver20 = (24 * 3600 * 1000) / 20;
    // The winner took the flag at 24:01'55.856; the last crossing is a little after.
    assert.ok(last.atMs > dayOver20 && last.atMs < dayOver20 + (10 * 60 * 1000) / 20, `last tick at ${last.atMs}`);
    assert.equal(last.atMs % 100, 0);

    const max = ticks(events, Number.POSITIVE_INFINITY);
    assert.equal(max.length, 16);
    assert.ok(max.every((t) => t.atMs === 0));
  },
);
