import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Season } from './season.ts';
import type { StewardDecision } from './decisions.ts';
import { seasonWithDecisions } from './decisions.ts';
import type { CarChange, ImpactWork } from './decision-impact.ts';
import { decisionImpact, decisionImpacts } from './decision-impact.ts';
import { resultLabel, scoreClassRound } from './classification.ts';
import { teamStandings } from './standings.ts';
import { buildSeason, car, race } from '../../test/support/season-builder.ts';

/**
 * The before/after by its definition: the season rebuilt from scratch with the decisions issued
 * before this one, then with this one too (what decision-impact.ts did for each decision).
 */
function impactByDefinition(season: Season, decisions: readonly StewardDecision[], decision: StewardDecision) {
  const earlier = decisions.slice(0, decisions.indexOf(decision));
  const before = seasonWithDecisions(season, earlier);
  const after = seasonWithDecisions(season, [...earlier, decision]);
  const raceOf = (s: Season) => s.races.find((r) => r.round === decision.round);
  const changes: CarChange[] = [];
  for (const c of season.classes) {
    const results = (s: Season) => {
      const race = raceOf(s);
      return new Map(
        race ? scoreClassRound(s, race, c.id).outcomes.map((o) => [o.car, resultLabel(o) ?? undefined]) : [],
      );
    };
    const points = (s: { season: Season; adjustments: Parameters<typeof teamStandings>[2] }) =>
      new Map(
        teamStandings(s.season, c.id, s.adjustments).rows.map((r) => [r.kind === 'teams' ? r.car : '', r.points]),
      );
    const [rBefore, rAfter, pBefore, pAfter] = [
      results(before.season),
      results(after.season),
      points(before),
      points(after),
    ];
    for (const [car, pointsAfter] of pAfter) {
      const pointsBefore = pBefore.get(car) ?? 0;
      const resultBefore = rBefore.get(car);
      const resultAfter = rAfter.get(car);
      if (pointsBefore === pointsAfter && resultBefore === resultAfter) continue;
      changes.push({
        class: c.id,
        car,
        ...(resultBefore !== undefined ? { resultBefore } : {}),
        ...(resultAfter !== undefined ? { resultAfter } : {}),
        pointsBefore,
        pointsAfter,
      });
    }
  }
  return changes;
}

/** Two classes (one car also classified in the other), laps and times, a retirement and an NC between finishers. */
function smallSeason(): Season {
  const entries = [
    car('1', 'LMP2', ['A']),
    car('2', 'LMP2', ['B']),
    car('3', 'LMP2', ['C'], { eligible: false }),
    car('4', 'LMP2', ['D']),
    car('7', 'GT', ['G']),
    car('8', 'GT', ['H']),
    car('9', 'GT', ['I']),
  ];
  const timed = (c: string, laps: number, totalTimeMs: number) => ({
    car: c,
    status: 'Classified' as const,
    laps,
    totalTimeMs,
  });
  const rounds = [1, 2, 3].map((round) =>
    race(
      round,
      [
        timed(String(((round + 0) % 4) + 1), 100, 1_000_000),
        timed(String(((round + 1) % 4) + 1), 100, 1_004_000),
        { car: '9', status: 'NC' as const, laps: 60 },
        timed('7', 96, 1_001_000),
        timed(String(((round + 2) % 4) + 1), 99, 1_002_000),
        timed('8', 95, 1_003_000),
        { car: String(((round + 3) % 4) + 1), status: 'Ret' as const, laps: 40 },
      ],
      { LMP2: '1', GT: '8' },
    ),
  );
  return buildSeason({ classes: ['LMP2', 'GT'], rounds: 4, entries, races: rounds });
}

const CARS = ['1', '2', '3', '4', '7', '8', '9'];

/** A decision of any kind on a car of the season (or one not in it), reversals of earlier ones included. */
const draft = fc.oneof(
  fc.record({
    kind: fc.constant('time-penalty' as const),
    car: fc.constantFrom(...CARS),
    timeMs: fc.integer({ min: 0, max: 10_000 }),
    laps: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('drop-positions' as const),
    car: fc.constantFrom(...CARS),
    positions: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constantFrom('disqualification' as const, 'exclusion' as const),
    car: fc.constantFrom(...CARS),
  }),
  fc.record({
    kind: fc.constant('points-deduction' as const),
    class: fc.constantFrom<string>('LMP2', 'GT'),
    car: fc.option(fc.constantFrom(...CARS, '99'), { nil: undefined }),
    driver: fc.option(fc.constantFrom('A', 'G'), { nil: undefined }),
    points: fc.integer({ min: 1, max: 30 }).map((p) => p / 2),
  }),
  fc.record({ kind: fc.constant('reversal' as const), earlier: fc.nat() }),
);

type Draft = typeof draft extends fc.Arbitrary<infer D> ? D : never;

function decisionsFrom(drafts: readonly Draft[], rounds: readonly number[]): StewardDecision[] {
  const decisions: StewardDecision[] = [];
  drafts.forEach((d, i) => {
    const base = {
      id: `d${i}`,
      round: rounds[i % rounds.length]!,
      reason: 'test',
      by: 'steward',
      at: new Date(Date.UTC(2020, 0, 1, 0, 0, i)).toISOString(),
    };
    if (d.kind === 'reversal') {
      const targets = decisions.filter((x) => x.kind !== 'reversal');
      const target = targets[d.earlier % Math.max(targets.length, 1)];
      if (target) decisions.push({ ...base, kind: 'reversal', reverses: target.id });
    } else if (d.kind === 'time-penalty') {
      decisions.push({
        ...base,
        kind: d.kind,
        car: d.car,
        timeMs: d.timeMs,
        ...(d.laps !== undefined ? { laps: d.laps } : {}),
      });
    } else if (d.kind === 'points-deduction') {
      decisions.push({
        ...base,
        kind: d.kind,
        class: d.class,
        points: d.points,
        ...(d.car !== undefined ? { car: d.car } : {}),
        ...(d.driver !== undefined ? { driver: d.driver } : {}),
      });
    } else decisions.push({ ...base, ...d });
  });
  return decisions;
}

test('folding the decisions gives each one the before/after of its definition (the season rebuilt from scratch)', () => {
  const season = smallSeason();
  fc.assert(
    fc.property(
      fc.array(draft, { maxLength: 14 }),
      fc.array(fc.constantFrom(1, 2, 3), { minLength: 1, maxLength: 3 }),
      (drafts, rounds) => {
        const decisions = decisionsFrom(drafts, rounds);
        const impacts = decisionImpacts(season, decisions);
        assert.equal(impacts.size, decisions.length);
        for (const d of decisions) assert.deepEqual(impacts.get(d.id), impactByDefinition(season, decisions, d), d.id);
      },
    ),
    { numRuns: 150 },
  );
});

test('one decision alone: the list folded up to it', () => {
  const season = smallSeason();
  const decisions = decisionsFrom(
    [
      { kind: 'drop-positions', car: '2', positions: 1 },
      { kind: 'time-penalty', car: '1', timeMs: 5_000, laps: undefined },
      { kind: 'reversal', earlier: 0 },
    ],
    [2],
  );
  for (const d of decisions)
    assert.deepEqual(decisionImpact(season, decisions, d), impactByDefinition(season, decisions, d));
});

/** A 30-car field in three classes over six rounds, and `n` decisions of every kind spread over the rounds. */
function workFor(n: number): ImpactWork {
  const classes = ['LMP2', 'LMP3', 'GT'];
  const cars = Array.from({ length: 30 }, (_, i) => car(String(i + 1), classes[i % 3]!, [`Driver ${i + 1}`]));
  const races = [1, 2, 3, 4, 5, 6].map((round) =>
    race(
      round,
      cars.map((c, i) => ({
        car: c.car,
        status: 'Classified' as const,
        laps: 200 - (i % 5),
        totalTimeMs: 3_600_000 + ((i * 7919 + round * 104_729) % 600_000),
      })),
    ),
  );
  const season = buildSeason({ classes, rounds: 6, entries: cars, races });
  const kinds = [
    'time-penalty',
    'points-deduction',
    'drop-positions',
    'disqualification',
    'time-penalty',
    'reversal',
  ] as const;
  const drafts = Array.from({ length: n }, (_, i): Draft => {
    const kind = kinds[i % kinds.length]!;
    const carNumber = String(((i * 7) % 30) + 1);
    if (kind === 'time-penalty') return { kind, car: carNumber, timeMs: 5_000 + i, laps: undefined };
    if (kind === 'drop-positions') return { kind, car: carNumber, positions: 1 + (i % 3) };
    if (kind === 'disqualification') return { kind, car: carNumber };
    if (kind === 'points-deduction')
      return { kind, class: classes[i % 3]!, car: carNumber, driver: undefined, points: 1 };
    return { kind, earlier: i * 13 };
  });
  const work: ImpactWork = { classificationsRebuilt: 0, classRoundsScored: 0, tablesRanked: 0 };
  const decisions = decisionsFrom(drafts, [3, 3, 3, 1, 5]); // most on one round, like a busy race
  assert.equal(decisionImpacts(season, decisions, work).size, n);
  return work;
}

test('the work grows with the number of decisions, not with its square: one round re-applied and re-scored per decision', () => {
  const rounds = 6;
  const classes = 3;
  for (const n of [100, 200, 400]) {
    const work = workFor(n);
    // The season once, then at most: one classification, its classes scored, and the tables, per decision.
    assert.ok(work.classificationsRebuilt <= rounds + n, `${n}: ${work.classificationsRebuilt} classifications`);
    assert.ok(work.classRoundsScored <= classes * (rounds + n), `${n}: ${work.classRoundsScored} class rounds`);
    assert.ok(work.tablesRanked <= classes * (1 + n), `${n}: ${work.tablesRanked} tables`);
  }
  const [small, large] = [workFor(200), workFor(400)];
  for (const key of ['classificationsRebuilt', 'classRoundsScored', 'tablesRanked'] as const) {
    assert.ok(large[key] <= 2 * small[key] + classes * rounds, `${key}: ${small[key]} at 200, ${large[key]} at 400`);
  }
});
