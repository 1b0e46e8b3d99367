import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Season } from '../domain/season.ts';
import type { ClassificationRules } from '../domain/classification-rules.ts';
import { ACO_CLASSIFICATION } from '../domain/classification-rules.ts';
import type { LapEvent } from '../domain/lap-event.ts';
import type { RaceState } from './race-state.ts';
import { applyLap, EMPTY_RACE, raceContext } from './race-state.ts';
import { liveView } from './live-view.ts';
import { parseLapAnalysisCsv } from '../formats/timing/lap-analysis-csv.ts';
import { parseClassificationCsv } from '../formats/timing/classification-csv.ts';
import { needsRecordedRaces, timingBytes } from '../../test/support/timing-fixtures.ts';
import { buildSeason, car } from '../../test/support/season-builder.ts';

const MIN = 60_000;

const season: Season = {
  ...buildSeason({
    classes: ['LMP2', 'GT'],
    rounds: 2,
    entries: [
      car('1', 'LMP2', ['A']),
      car('2', 'LMP2', ['B']),
      car('3', 'LMP2', ['C']),
      car('4', 'LMP2', ['D']),
      car('10', 'GT', [], {
        drivers: [
          { name: 'Ann Lee', rating: 'Bronze', rounds: 'all' },
          { name: 'Bob Roe', rating: 'Gold', rounds: 'all' },
        ],
      }),
      car('11', 'GT', ['E']),
    ],
    races: [],
  }),
  driveTimeRules: {
    pitTime: 'counted',
    default: { maxPerDriverMs: 60 * MIN },
    classes: { GT: { maxStintMs: { Bronze: 30 * MIN } } },
  },
};
const context = raceContext(season, 1);

const lap = (car: string, n: number, elapsedMs: number, extra: Partial<LapEvent> = {}): LapEvent => ({
  car,
  driverName: car === '10' ? 'Ann LEE' : 'X',
  lap: n,
  lapTimeMs: 100_000,
  elapsedMs,
  crossedInPit: false,
  flag: 'GF',
  ...extra,
});

const replay = (events: readonly LapEvent[], from: RaceState = EMPTY_RACE) =>
  events.reduce((s, e) => applyLap(s, e, context), from);

const fields = (view: ReturnType<typeof liveView>, ...keys: (keyof (typeof view.cars)[string])[]) =>
  Object.fromEntries(Object.values(view.cars).map((c) => [c.car, keys.map((k) => c[k])]));

test('gaps to the leader, intervals and gaps in the class, on the same lap and laps down', () => {
  const state = replay([
    lap('1', 1, 100_000),
    lap('2', 1, 101_500),
    lap('3', 1, 105_000),
    lap('10', 1, 110_000),
    lap('11', 1, 112_500),
    lap('1', 2, 200_000),
    lap('2', 2, 203_000),
  ]);
  const view = liveView(state, season, 1);
  assert.deepEqual(
    fields(
      view,
      'position',
      'classPosition',
      'gapLaps',
      'gapMs',
      'intervalLaps',
      'intervalMs',
      'classGapLaps',
      'classGapMs',
    ),
    {
      1: [1, 1, 0, 0, null, null, null, null],
      2: [2, 2, 0, 3_000, 0, 3_000, 0, 3_000],
      3: [3, 3, 1, null, 1, null, 1, null],
      10: [4, 1, 1, null, null, null, null, null],
      11: [5, 2, 1, null, 0, 2_500, 0, 2_500],
    },
  );
  assert.deepEqual(view.race, {
    seasonId: 'test-season',
    seasonName: '2020 Test Series',
    round: 1,
    name: 'Round 1',
    flag: 'GF',
    final: false,
    classificationRule:
      "Classified: 70 % of the overall winner's laps (rounded up), and the chequered flag; a car short of it is NC if " +
      'it took the flag; one that did not take the flag is Ret; one that stopped on track on its last lap is Ret too; ' +
      'classified cars first, then NC, then Ret, each by laps.',
    elapsedMs: 203_000,
    leaderLaps: 2,
    events: 7,
    rejected: { 'lap-backwards': 0, 'duplicate-lap': 0, 'unknown-car': 0 },
    classes: [
      { id: 'LMP2', name: 'LMP2' },
      { id: 'GT', name: 'GT' },
    ],
  });
  assert.equal(view.cars['10']?.team, 'Team 10');
  assert.equal(view.cars['10']?.status, 'Classified');
  // Standings as if the race ended now: #1 wins LMP2 (25 points), #10 GT; not the last round.
  assert.equal(view.standings['LMP2/teams']?.rows['1']?.points, 25_000);
  assert.equal(view.standings['LMP2/teams']?.title.gap, 7_000);
  assert.equal(view.standings['GT/teams']?.title.leader, '10');
  assert.equal(view.standings['GT/teams']?.title.decides, false);
  // Ann Lee drove #10 (timing prints ANN LEE): she scores, Bob Roe, entered but not driving, does not.
  assert.equal(view.standings['GT/drivers']?.rows['Ann Lee']?.points, 25_000);
  assert.equal(view.standings['GT/drivers']?.rows['Bob Roe']?.points, 0);
});

/** #10's laps of 5 minutes from `fromLap` on, by one driver. */
const stint = (driverName: string, fromLap: number, laps: number): LapEvent[] =>
  Array.from({ length: laps }, (_, i) =>
    lap('10', fromLap + i, (fromLap + i) * 5 * MIN, { driverName, lapTimeMs: 5 * MIN }),
  );

test('drive-time warnings: approaching within 10 minutes of a maximum, exceeded above it, per rating', () => {
  const warnings = (events: LapEvent[], warnBeforeMs?: number) =>
    Object.entries(
      liveView(replay(events), season, 1, warnBeforeMs === undefined ? {} : { warnBeforeMs }).warnings,
    ).map(([key, w]) => [key, w.level, w.actualMs, w.limitMs]);
  // 25 minutes into Ann Lee's (Bronze) first stint: 5 minutes short of the 30-minute GT stint limit.
  assert.deepEqual(warnings(stint('Ann LEE', 1, 5)), [['10|Ann Lee|maxStint', 'approaching', 25 * MIN, 30 * MIN]]);
  assert.deepEqual(warnings(stint('Ann LEE', 1, 5), 4 * MIN), []);
  // 20 minutes: exactly 10 minutes short is within the margin.
  assert.deepEqual(warnings(stint('Ann LEE', 1, 4)), [['10|Ann Lee|maxStint', 'approaching', 20 * MIN, 30 * MIN]]);
  assert.deepEqual(warnings(stint('Ann LEE', 1, 3)), []);
  // 35 minutes: exceeded.
  const first = stint('Ann LEE', 1, 7);
  assert.deepEqual(warnings(first), [['10|Ann Lee|maxStint', 'exceeded', 35 * MIN, 30 * MIN]]);
  // Bob Roe (Gold: no stint limit) takes over for 40 minutes; Ann Lee's long stint stays exceeded.
  const second = [...first, ...stint('Bob Roe', 8, 8)];
  assert.deepEqual(warnings(second), [['10|Ann Lee|maxStint', 'exceeded', 35 * MIN, 30 * MIN]]);
  // Ann Lee back for 20 minutes: 55 minutes in all, approaching the 60-minute maximum per driver;
  // Bob Roe at 40 minutes is not.
  const third = [...second, ...stint('Ann LEE', 16, 4)];
  assert.deepEqual(warnings(third), [
    ['10|Ann Lee|maxPerDriver', 'approaching', 55 * MIN, 60 * MIN],
    ['10|Ann Lee|maxStint', 'exceeded', 35 * MIN, 30 * MIN],
  ]);
  // Two more laps: 65 minutes, over the maximum.
  const fourth = [...third, ...stint('Ann LEE', 20, 2)];
  assert.deepEqual(warnings(fourth), [
    ['10|Ann Lee|maxPerDriver', 'exceeded', 65 * MIN, 60 * MIN],
    ['10|Ann Lee|maxStint', 'exceeded', 35 * MIN, 30 * MIN],
  ]);
  const view = liveView(replay(fourth), season, 1);
  assert.equal(view.cars['10']?.driveTimeMs, 65 * MIN);
  assert.equal(view.cars['10']?.stintMs, 30 * MIN);
});

/**
 * LMP2, laps of 100 s: #1 takes the flag at 1 000 s on lap 10; #2 completed lap 9 at 908 s;
 * #3 stopped after lap 5; #4 (laps of 130 s) completed lap 7 at 910 s.
 */
const finalPhase: LapEvent[] = [
  ...Array.from({ length: 10 }, (_, i) => lap('1', i + 1, (i + 1) * 100_000, i === 9 ? { flag: 'FF' } : {})),
  ...Array.from({ length: 9 }, (_, i) => lap('2', i + 1, (i + 1) * 100_000 + 8_000)),
  ...Array.from({ length: 5 }, (_, i) => lap('3', i + 1, (i + 1) * 100_000 + 5_000)),
  ...Array.from({ length: 7 }, (_, i) => lap('4', i + 1, (i + 1) * 130_000, { lapTimeMs: 130_000 })),
].sort((a, b) => a.elapsedMs - b.elapsedMs);

test('final phase: before the flag all run; after it a car still on its last lap is not shown retired', () => {
  const order = (state: RaceState) =>
    Object.values(liveView(state, season, 1).cars)
      .sort((a, b) => a.position - b.position)
      .map((c) => [c.car, c.position, c.status]);
  const beforeFlag = replay(finalPhase.slice(0, -1));
  assert.equal(liveView(beforeFlag, season, 1).race.final, false);
  // #3 stopped 400 s ago but the race is not over: Classified, ranked by distance.
  assert.deepEqual(order(beforeFlag), [
    ['1', 1, 'Classified'],
    ['2', 2, 'Classified'],
    ['4', 3, 'Classified'],
    ['3', 4, 'Classified'],
  ]);
  const atFlag = replay(finalPhase);
  assert.equal(liveView(atFlag, season, 1).race.final, true);
  assert.equal(liveView(atFlag, season, 1).race.flag, 'FF');
  // At 1 000 s: #2 crossed 92 s ago, #4 90 s ago (within 3 best laps: 300 s, 390 s); #3 495 s ago.
  assert.deepEqual(order(atFlag), [
    ['1', 1, 'Classified'],
    ['2', 2, 'Classified'],
    ['4', 3, 'Classified'],
    ['3', 4, 'Ret'],
  ]);
  // Had #4 taken the flag at 1 200 s (a 290 s last lap), #2, 292 s since its last crossing, would
  // still be within 3 of its best laps (300 s): running, not retired.
  assert.deepEqual(order(replay([lap('4', 8, 1_200_000, { flag: 'FF', lapTimeMs: 290_000 })], atFlag)), [
    ['1', 1, 'Classified'],
    ['2', 2, 'Classified'],
    ['4', 3, 'Classified'],
    ['3', 4, 'Ret'],
  ]);
  // #4 takes the flag at 1 250 s after a 340 s last lap: 342 s since #2's last crossing, more
  // than 3 of its best laps: #2 stopped on its last lap and is now Ret.
  const slowLastLap = lap('4', 8, 1_250_000, { flag: 'FF', lapTimeMs: 340_000 });
  assert.deepEqual(order(replay([slowLastLap], atFlag)), [
    ['1', 1, 'Classified'],
    ['4', 2, 'Classified'],
    ['2', 3, 'Ret'],
    ['3', 4, 'Ret'],
  ]);
  // Had #2 taken the flag at 1 008 s, it would be classified 2nd.
  assert.deepEqual(order(replay([lap('2', 10, 1_008_000, { flag: 'FF' }), slowLastLap], atFlag)), [
    ['1', 1, 'Classified'],
    ['2', 2, 'Classified'],
    ['4', 3, 'Classified'],
    ['3', 4, 'Ret'],
  ]);
});

test("at the flag the season's classification rule decides: the live view's statuses and order are the rule's", () => {
  const order = (rules: ClassificationRules | undefined, state: RaceState) => {
    const view = liveView(state, { ...season, ...(rules && { classificationRules: rules }) }, 1);
    return Object.values(view.cars)
      .sort((a, b) => a.position - b.position)
      .map((c) => `${c.car} ${c.status}`);
  };
  // #4 takes the flag at 1 250 s: #2 (9 laps) stopped on its last lap, #3 (5 laps) 745 s before.
  const end = replay([lap('4', 8, 1_250_000, { flag: 'FF', lapTimeMs: 340_000 })], replay(finalPhase));
  assert.deepEqual(order(undefined, end), ['1 Classified', '4 Classified', '2 Ret', '3 Ret']);
  // IMSA: every car on its laps, running or not.
  const imsa: ClassificationRules = {
    minimumDistance: { kind: 'none' },
    chequeredFlag: 'not-required',
    withoutFlag: 'Ret',
    order: 'laps',
    lastLapStop: 'Ret',
  };
  assert.deepEqual(order(imsa, end), ['1 Classified', '2 Classified', '4 Classified', '3 Classified']);
  // A club: a car that stops on its last lap is classified on its laps; 60 % of the winner's 10 laps.
  const club: ClassificationRules = {
    ...ACO_CLASSIFICATION,
    minimumDistance: { kind: 'share', percent: 60, of: 'overall-winner', rounding: 'up' },
    lastLapStop: 'classified',
  };
  assert.deepEqual(order(club, end), ['1 Classified', '2 Classified', '4 Classified', '3 Ret']);
  // Laps only, the flag needed: the retired #2 keeps its place by laps, ahead of the finisher #4.
  assert.deepEqual(order({ ...ACO_CLASSIFICATION, order: 'laps' }, end), [
    '1 Classified',
    '2 Ret',
    '4 Classified',
    '3 Ret',
  ]);
  // Before the flag, whatever the rule, every car runs.
  const racing = replay(finalPhase.slice(0, -1));
  assert.deepEqual(order(imsa, racing), order(undefined, racing));
  // The view says the rule it follows.
  assert.match(
    liveView(end, { ...season, classificationRules: imsa }, 1).race.classificationRule,
    /^Classified: no minimum distance, whether or not it took the chequered flag; every car ranked by laps/,
  );
});

test(
  'Le Mans 2024 through the live view: the final view is the official classification, no finisher ever Ret in the last 10 minutes',
  needsRecordedRaces,
  () => {
    const laps = parseLapAnalysisCsv(timingBytes('leMans2024Laps'), 'le_mans_24h.csv');
    const official = parseClassificationCsv(timingBytes('leMans2024Classification'), 'results.csv');
    assert.ok(laps.ok && official.ok);
    const lines = official.value.lines;
    const leMans = buildSeason({
      classes: ['HYPERCAR', 'LMP2', 'LMGT3'],
      rounds: 1,
      entries: lines.map((l) => car(l.car, l.class, [...l.drivers], { team: l.team })),
      races: [],
    });
    const leMansContext = raceContext(leMans, 1);
    const events = [...laps.value.laps].sort((a, b) => a.elapsedMs - b.elapsedMs);
    const end = events.at(-1)?.elapsedMs ?? 0;
    const finishers = new Set(lines.filter((l) => l.status !== 'Ret').map((l) => l.car));
    let state = EMPTY_RACE;
    let checked = 0;
    for (const event of events) {
      state = applyLap(state, event, leMansContext);
      if (event.elapsedMs < end - 10 * MIN) continue;
      const view = liveView(state, leMans, 1);
      checked += 1;
      for (const car of finishers) assert.notEqual(view.cars[car]?.status, 'Ret', `#${car} at ${event.elapsedMs}`);
    }
    assert.ok(checked > 100, `${checked} views checked`);
    // Measured: about 1-2 ms per view of the 62 cars once warm (10 ms for the first, cold).
    const view = liveView(state, leMans, 1);
    const classPositions = new Map<string, number>();
    const expected = lines.map((l, index) => {
      const classPosition = (classPositions.get(l.class) ?? 0) + 1;
      classPositions.set(l.class, classPosition);
      return [l.car, index + 1, classPosition, l.status];
    });
    assert.deepEqual(
      Object.values(view.cars)
        .sort((a, b) => a.position - b.position)
        .map((c) => [c.car, c.position, c.classPosition, c.status]),
      expected,
    );
    assert.deepEqual(view.race.rejected, { 'lap-backwards': 0, 'duplicate-lap': 0, 'unknown-car': 0 });
    assert.equal(view.race.events, 15_593);
    assert.equal(view.race.leaderLaps, 311);
    // LMP2 won by #22 (25 points) ahead of #34 (18): the live title picture of this one-round season.
    assert.deepEqual(view.standings['LMP2/teams']?.title, {
      leader: '22',
      leaderLabel: 'United Autosports',
      gap: 7_000,
      second: '34',
      decides: true,
    });
    // Timing and classification print drivers alike; the drivers of #22 scored as named in the entry.
    assert.equal(view.standings['LMP2/drivers']?.rows['Oliver JARVIS']?.points, 25_000);
  },
);

const eventArbitrary: fc.Arbitrary<LapEvent> = fc.record({
  car: fc.constantFrom('1', '2', '3', '10', '11', '99'),
  driverName: fc.constantFrom('Ann LEE', 'Bob Roe', 'X'),
  lap: fc.integer({ min: 0, max: 8 }),
  lapTimeMs: fc.integer({ min: 0, max: 400_000 }),
  sectorTimesMs: fc.array(fc.option(fc.integer({ min: -1, max: 200_000 })), { maxLength: 4 }),
  elapsedMs: fc.integer({ min: 0, max: 3_000_000 }),
  crossedInPit: fc.boolean(),
  pitTimeMs: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined }),
  flag: fc.constantFrom('GF', 'SF', 'FCY', 'FF', 'RF', undefined),
});

test('any sequence of events (duplicates, backwards, unknown cars) gives a view: positions 1..n, class positions 1..k', () => {
  fc.assert(
    fc.property(fc.array(eventArbitrary, { maxLength: 40 }), fc.boolean(), (events, withContext) => {
      const state = events.reduce((s, e) => applyLap(s, e, withContext ? context : undefined), EMPTY_RACE);
      const view = liveView(state, season, 1);
      const cars = Object.values(view.cars);
      assert.deepEqual(
        cars.map((c) => c.position).sort((a, b) => a - b),
        cars.map((_, i) => i + 1),
      );
      const perClass = new Map<string, number[]>();
      for (const c of cars) perClass.set(c.class, [...(perClass.get(c.class) ?? []), c.classPosition]);
      for (const positions of perClass.values()) {
        assert.deepEqual(
          positions.sort((a, b) => a - b),
          positions.map((_, i) => i + 1),
        );
      }
      assert.equal(view.race.events + Object.values(view.race.rejected).reduce((a, b) => a + b, 0), events.length);
      if (withContext) assert.ok(cars.every((c) => c.car !== '99'));
    }),
    { numRuns: 200 },
  );
});
