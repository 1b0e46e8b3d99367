import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { StewardDecision } from './decisions.ts';
import { applyDecisions, decisionsInForce, seasonWithDecisions } from './decisions.ts';
import { decisionImpact, describeChange } from './decision-impact.ts';
import { resultLabel, scoreClassRound } from './classification.ts';
import { teamStandings, driverStandings } from './standings.ts';
import { buildSeason, car, race } from '../../test/support/season-builder.ts';

const base = { reason: 'test', by: 'steward', at: '2019-11-24T12:00:00Z' };
const timed = (number: string, laps: number, totalTimeMs: number) => ({
  car: number,
  status: 'Classified' as const,
  laps,
  totalTimeMs,
});

const season = buildSeason({
  entries: [car('1', 'LMP2', ['A']), car('2', 'LMP2', ['B']), car('3', 'LMP2', ['C']), car('7', 'GT', ['G'])],
  races: [
    race(1, [
      timed('1', 100, 1_000_000),
      timed('2', 100, 1_010_000),
      timed('7', 95, 1_005_000),
      timed('3', 99, 1_002_000),
    ]),
  ],
});
const positions = (s: typeof season) =>
  scoreClassRound(s, s.races[0]!, 'LMP2').outcomes.map((o) => [o.car, resultLabel(o)]);

test('a time penalty re-orders the classification by laps, then time', () => {
  const d: StewardDecision = { ...base, id: 'd1', round: 1, kind: 'time-penalty', car: '1', timeMs: 15_000 };
  const after = applyDecisions(season, season.races[0]!, [d]);
  assert.deepEqual(
    after.classification!.map((l) => l.car),
    ['2', '1', '3', '7'],
  );
  assert.equal(after.classification![1]!.totalTimeMs, 1_015_000);
});

test('a lap penalty takes laps off before the time is compared', () => {
  const d: StewardDecision = { ...base, id: 'd1', round: 1, kind: 'time-penalty', car: '1', timeMs: 1_000, laps: 2 };
  const { season: after } = seasonWithDecisions(season, [d]);
  assert.deepEqual(positions(after), [
    ['2', '1'],
    ['3', '2'],
    ['1', '3'],
  ]);
});

test('dropping positions moves a car down among its own class only', () => {
  const d: StewardDecision = { ...base, id: 'd1', round: 1, kind: 'drop-positions', car: '1', positions: 1 };
  const { season: after } = seasonWithDecisions(season, [d]);
  assert.deepEqual(
    after.races[0]!.classification!.map((l) => l.car),
    ['2', '1', '7', '3'],
  );
  assert.deepEqual(
    positions(after).map(([c]) => c),
    ['2', '1', '3'],
  );
});

test('disqualification and exclusion keep the car, with its status, and score nothing', () => {
  const dsq: StewardDecision = { ...base, id: 'd1', round: 1, kind: 'disqualification', car: '1' };
  const ex: StewardDecision = { ...base, id: 'd2', round: 1, kind: 'exclusion', car: '3' };
  const { season: after } = seasonWithDecisions(season, [dsq, ex]);
  assert.deepEqual(positions(after), [
    ['2', '1'],
    ['1', 'DSQ'],
    ['3', 'EX'],
  ]);
  assert.deepEqual(
    teamStandings(after, 'LMP2').rows.map((r) => r.points),
    [25_000, 0, 0],
  );
});

test('a points deduction takes points off the team and/or the driver of one class', () => {
  const d: StewardDecision = {
    ...base,
    id: 'd1',
    round: 1,
    kind: 'points-deduction',
    class: 'LMP2',
    car: '1',
    driver: 'A',
    points: 5.5,
  };
  const { season: after, adjustments } = seasonWithDecisions(season, [d]);
  const team = teamStandings(after, 'LMP2', adjustments).rows.find((r) => r.kind === 'teams' && r.car === '1')!;
  assert.equal(team.points, 19_500);
  assert.equal(team.adjustment, -5_500);
  const driver = driverStandings(after, 'LMP2', adjustments).rows.find(
    (r) => r.kind === 'drivers' && r.driver === 'A',
  )!;
  assert.equal(driver.points, 19_500);
  assert.equal(teamStandings(after, 'GT', adjustments).rows[0]!.points, 25_000);
});

test('a reversal cancels a decision; "as of" shows what was in force at that moment', () => {
  const penalty: StewardDecision = {
    ...base,
    id: 'p',
    round: 1,
    kind: 'disqualification',
    car: '1',
    at: '2019-11-24T10:00:00Z',
  };
  const reversal: StewardDecision = {
    ...base,
    id: 'r',
    round: 1,
    kind: 'reversal',
    reverses: 'p',
    at: '2019-12-01T10:00:00Z',
  };
  assert.deepEqual(
    decisionsInForce([penalty, reversal], '2019-11-30T00:00:00Z').map((d) => d.id),
    ['p'],
  );
  assert.deepEqual(
    decisionsInForce([penalty, reversal]).map((d) => d.id),
    [],
  );
  assert.deepEqual(decisionsInForce([penalty, reversal], '2019-11-24T09:00:00Z'), []);
});

test('the impact of a decision reads as the office would say it', () => {
  const d: StewardDecision = { ...base, id: 'd1', round: 1, kind: 'time-penalty', car: '1', timeMs: 15_000 };
  const lines = decisionImpact(season, [d], d).map(describeChange);
  assert.deepEqual(lines, ['#2 P2 → P1, +7 points', '#1 P1 → P2, −7 points']);
});

test('decisions only ever move cars within the classification: nobody appears or disappears', () => {
  const arbitrary = fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant('time-penalty' as const),
        car: fc.constantFrom('1', '2', '3', '7'),
        timeMs: fc.nat(100_000),
        laps: fc.nat(3),
      }),
      fc.record({
        kind: fc.constant('drop-positions' as const),
        car: fc.constantFrom('1', '2', '3', '7'),
        positions: fc.integer({ min: 1, max: 5 }),
      }),
      fc.record({
        kind: fc.constantFrom('disqualification' as const, 'exclusion' as const),
        car: fc.constantFrom('1', '2', '3', '7'),
      }),
    ),
    { maxLength: 6 },
  );
  fc.assert(
    fc.property(arbitrary, (specs) => {
      const decisions: StewardDecision[] = specs.map((s, i) => ({ ...base, ...s, id: `d${i}`, round: 1 }));
      const after = applyDecisions(season, season.races[0]!, decisions);
      assert.deepEqual([...after.classification!.map((l) => l.car)].sort(), ['1', '2', '3', '7']);
      const statuses = after.classification!.map((l) => l.status);
      const firstOther = statuses.findIndex((s) => s !== 'Classified');
      if (firstOther !== -1) assert.ok(statuses.slice(firstOther).every((s) => s !== 'Classified'));
    }),
  );
});

test('a race with no classification is left as it is', () => {
  const qualifyingOnly = buildSeason({
    entries: [car('1', 'LMP2', ['A'])],
    races: [race(1, undefined, { LMP2: '1' })],
  });
  const d: StewardDecision = { ...base, id: 'd1', round: 1, kind: 'disqualification', car: '1' };
  assert.deepEqual(applyDecisions(qualifyingOnly, qualifyingOnly.races[0]!, [d]), qualifyingOnly.races[0]);
});
