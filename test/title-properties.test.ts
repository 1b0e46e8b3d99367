/**
 * The title maths against an oracle that knows nothing of it: generated seasons (fast-check,
 * fixed seed) whose last round is played out in every way it can be — every order of the
 * cars eligible for points that score (the rest retiring), cars not eligible anywhere on the
 * road, every car that may hold the pole — each scored by the standings engine on the whole
 * season. Issue 16: verdicts agree; crewmates share them; every sentence read back as a rule
 * holds only where its contender is champion and, unless a summary says otherwise, together
 * they hold wherever it is; no sentence places two cars in one position or names a place no
 * outcome of it gives; at most eight sentences; nothing changes when the entry list is shuffled;
 * the cases behind the commentator's sentence (title-cases.ts) hold in exactly its title outcomes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ClassificationLine, Entry, Race, Season } from '../src/domain/season.ts';
import { isEnteredFor } from '../src/domain/season.ts';
import { scoreClassRound } from '../src/domain/classification.ts';
import type { DeadHeatRule } from '../src/domain/tie-breakers.ts';
import { crewmates } from '../src/domain/tie-breakers.ts';
import type { StandingsKind, TieBreaker } from '../src/domain/vocabulary.ts';
import { completedWith, keyOf, seasonBefore, tableOf } from '../src/domain/title-maths.ts';
import type { ContenderNeeds, Outcome, Rule } from '../src/domain/title-needs.ts';
import { ruleHolds } from '../src/domain/title-needs.ts';
import { NO_PLACE, OTHER_CAR } from '../src/domain/title-field.ts';
import { MAX_SENTENCES, titleScenarios } from '../src/domain/title-scenarios.ts';
import type { TitleScenarios } from '../src/domain/title-scenarios.ts';
import { scenariosDocument } from '../src/formats/scenarios-json.ts';
import { casesHold } from '../src/domain/title-cases.ts';
import { ALMS_POINTS, buildSeason, line } from './support/season-builder.ts';

const NUMBERS = ['1', '3', '7', '12', '26', '45', '88'];
const DRIVERS = ['Ann', 'Bo', 'Cy', 'Di', 'Ed', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo', 'Kim', 'Lu'];

interface Spec {
  cars: { eligible: boolean; crew: number; skipsLast: boolean; am: boolean }[];
  rounds: number;
  results: { order: number[]; retired: boolean[]; pole: number }[];
  lastPole: number | undefined;
  breakers: TieBreaker[];
  deadHeat: DeadHeatRule | undefined;
  short: boolean;
  /** The first driver of the second car moves to the first car for the last round. */
  switcher: boolean;
}

const spec: fc.Arbitrary<Spec> = fc
  .record({
    cars: fc.array(
      fc.record({
        eligible: fc.boolean(),
        crew: fc.integer({ min: 1, max: 2 }),
        skipsLast: fc.boolean(),
        am: fc.boolean(),
      }),
      { minLength: 3, maxLength: 5 },
    ),
    rounds: fc.integer({ min: 2, max: 3 }),
    seeds: fc.array(
      fc.tuple(
        fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.nat(),
      ),
      {
        minLength: 2,
        maxLength: 2,
      },
    ),
    lastPole: fc.option(fc.nat(), { nil: undefined }),
    breakers: fc.constantFrom<TieBreaker[]>(
      ['countback'],
      ['countback', 'poles'],
      ['poles'],
      ['shared'],
      [],
      ['countback', 'shared'],
    ),
    deadHeat: fc.constantFrom<DeadHeatRule | undefined>(undefined, 'shared', { decidedBy: 'the stewards' }),
    short: fc.boolean(),
    switcher: fc.boolean(),
  })
  .map((r) => ({
    // Mostly eligible, at most one car of the class not eligible, a few cars of a sub-class.
    cars: r.cars.map((c, i) => ({
      ...c,
      eligible: c.eligible || i % 3 !== 2,
      skipsLast: c.skipsLast && i % 4 === 3,
      am: c.am && i % 3 === 1,
    })),
    rounds: r.rounds,
    results: r.seeds.slice(0, r.rounds - 1).map(([keys, retired, pole]) => ({
      order: r.cars.map((_, i) => i).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b),
      retired: retired.slice(0, r.cars.length),
      pole,
    })),
    lastPole: r.lastPole,
    breakers: r.breakers,
    deadHeat: r.deadHeat,
    short: r.short,
    switcher: r.switcher,
  }));

/** A season from a spec: class P (sub-class P Am also classified in P), the last round unraced. */
function seasonOf(s: Spec): Season {
  const number = (i: number) => NUMBERS[i] ?? String(90 + i);
  let next = 0;
  const entries: Entry[] = s.cars.map((c, i) => {
    // Crews of one or two; the last round without some cars.
    const names = Array.from({ length: c.crew }, () => DRIVERS[next++ % DRIVERS.length] ?? 'X');
    const rounds = (all: boolean) =>
      all && !c.skipsLast ? ('all' as const) : Array.from({ length: s.rounds - 1 }, (_, r) => r + 1);
    return {
      car: number(i),
      class: c.am ? 'P Am' : 'P',
      team: `Team ${i % 4}`,
      eligible: c.eligible,
      drivers: names.map((name) => ({ name, rounds: rounds(true) })),
    };
  });
  const [first, second] = entries;
  const mover = second?.drivers[0];
  if (s.switcher && first && second && mover) {
    const earlier = Array.from({ length: s.rounds - 1 }, (_, r) => r + 1);
    entries[1] = { ...second, drivers: [{ ...mover, rounds: earlier }, ...second.drivers.slice(1)] };
    entries[0] = { ...first, drivers: [...first.drivers, { name: mover.name, rounds: [s.rounds] }] };
  }
  const races: Race[] = s.results.map((r, k) => {
    const order: ClassificationLine[] = r.order.map((i) => line(number(i), r.retired[i] ? 'Ret' : 'Classified'));
    const holders = entries.filter((e) => e.class === 'P');
    return { round: k + 1, classification: order, poles: { P: [holders[r.pole % holders.length]?.car ?? '1'] } };
  });
  const last = s.rounds;
  const holders = entries.filter((e) => e.class === 'P' && e.drivers.some((d) => isEnteredFor(d, last)));
  if (s.lastPole !== undefined && holders.length > 0) {
    races.push({ round: last, poles: { P: [holders[s.lastPole % holders.length]?.car ?? '1'] } });
  }
  const season = buildSeason({
    classes: [
      { id: 'P', name: 'P', alsoClassifiedIn: [] },
      { id: 'P Am', name: 'P Am', alsoClassifiedIn: ['P'] },
    ],
    rounds: last,
    entries,
    races,
    points: s.short ? { ...ALMS_POINTS, positions: [10, 6, 4], otherClassified: 1 } : {},
    tieBreakers: { teams: s.breakers, drivers: s.breakers },
  });
  return { ...season, tieBreakers: { ...season.tieBreakers, ...(s.deadHeat ? { deadHeat: s.deadHeat } : {}) } };
}

/** Ordered selections of `items` (every length): who scores, in order. */
function orders<T>(items: readonly T[]): T[][] {
  const out: T[][] = [[]];
  const walk = (prefix: T[], rest: readonly T[]) => {
    for (let i = 0; i < rest.length; i++) {
      const item = rest[i] as T;
      const order = [...prefix, item];
      out.push(order);
      walk(order, [...rest.slice(0, i), ...rest.slice(i + 1)]);
    }
  };
  walk([], items);
  return out;
}

interface Played {
  readonly outcome: Outcome;
  /** Row keys at position 1, and those that are champions for sure (no dead heat left to a criterion). */
  readonly champions: ReadonlySet<string>;
  readonly sure: ReadonlySet<string>;
}

/** Every way the last round can go, scored by the engine on the whole season. */
function playedOut(season: Season, kind: StandingsKind, poleKnown: boolean, cars: readonly string[]): Played[] {
  const last = Math.max(...season.rounds.map((r) => r.round));
  const before = seasonBefore(season, last, poleKnown);
  const entered = season.entries.filter((e) => e.drivers.some((d) => isEnteredFor(d, last)));
  const scoring = entered.filter((e) => e.eligible).map((e) => e.car);
  const notScoring = entered.filter((e) => !e.eligible).map((e) => e.car);
  const decided = before.races.find((r) => r.round === last);
  const holders = decided ? [undefined] : entered.filter((e) => e.class === 'P' && e.eligible).map((e) => e.car);
  const played: Played[] = [];
  orders(scoring).forEach((order, n) => {
    for (const pole of holders.length > 0 ? holders : [undefined]) {
      // Cars not eligible go anywhere on the road: first, last, or in between.
      const road = [...order];
      notScoring.forEach((car, k) => road.splice((n + k) % (road.length + 1), 0, car));
      const classification = [
        ...road.map((car) => line(car)),
        ...entered.filter((e) => !road.includes(e.car)).map((e) => line(e.car, 'Ret')),
      ];
      const race: Race = { round: last, classification, poles: decided ? decided.poles : pole ? { P: [pole] } : {} };
      const final = completedWith(before, [race]);
      const table = tableOf(final, 'P', kind);
      const top = table.filter((r) => r.position === 1);
      const named =
        typeof final.tieBreakers.deadHeat === 'object' && !final.tieBreakers[kind].some((b) => b.startsWith('shared'));
      const sure = top.filter((r) => !named || top.every((o) => o === r || crewmates(o, r)));
      const scored = scoreClassRound(final, race, 'P');
      const positions = Object.fromEntries(
        cars.map((car) => [car, scored.outcomes.find((o) => o.car === car)?.championshipPosition ?? NO_PLACE]),
      );
      const poleCar = pole === undefined ? undefined : cars.includes(pole) ? pole : OTHER_CAR;
      played.push({
        outcome: poleCar === undefined ? { positions } : { positions, pole: poleCar },
        champions: new Set(top.map(keyOf)),
        sure: new Set(sure.map(keyOf)),
      });
    }
  });
  return played;
}

/** A rule names only places its cars can take together: each one in some outcome it holds in. */
function namesOnlyPossible(rule: Rule, played: readonly Played[]): string | undefined {
  const fixed = Object.entries(rule.positions).filter(([, p]) => p.length === 1 && p[0] !== NO_PLACE);
  for (const [car, places] of Object.entries(rule.positions)) {
    for (const [other, [place]] of fixed) {
      if (other !== car && places.includes(place ?? NO_PLACE)) return `${car} may take ${place}, which ${other} holds`;
    }
    for (const place of places) {
      const seen = played.some((p) => ruleHolds(rule, p.outcome) && p.outcome.positions[car] === place);
      if (!seen) return `${car} at ${place} happens in no outcome of the rule`;
    }
  }
  return undefined;
}

function checkQuestion(season: Season, kind: StandingsKind, poleKnown: boolean, exactCars?: number): TitleScenarios {
  const last = Math.max(...season.rounds.map((r) => r.round));
  const question = { classId: 'P', kind, beforeRound: last, poleKnown };
  const result = titleScenarios(season, question, exactCars === undefined ? {} : { exactCars });
  const field = result.lastRound?.field;
  assert.ok(field, 'one round left: the last round is analysed');
  const played = playedOut(season, kind, poleKnown, field.cars);
  const rows = [...result.contenders, ...result.eliminated];
  for (const row of rows) {
    const wins = played.filter((p) => p.champions.has(row.key));
    assert.equal(row.canWin, wins.length > 0, `${row.key}: can win`);
    assert.equal(
      row.clinched,
      played.every((p) => p.sure.has(row.key)),
      `${row.key}: clinched`,
    );
    assert.ok(row.sentences.length <= MAX_SENTENCES, `${row.key}: ${row.sentences.length} sentences`);
    if (!row.canWin) {
      assert.equal(row.sentences.length, 0);
      continue;
    }
    assert.ok(row.needs.length > 0, `${row.key} can win: its needs are said`);
    const rules = row.sentences.flatMap((s) => (s.rule ? [s.rule] : []));
    assert.ok(rules.length > 0 || row.sentences.some((s) => s.kind === 'summary'));
    for (const rule of rules) {
      const wrong = played.find((p) => ruleHolds(rule, p.outcome) && !p.champions.has(row.key));
      assert.equal(wrong, undefined, `${row.key}: ${JSON.stringify(rule)} holds where it is not champion`);
      assert.equal(namesOnlyPossible(rule, played), undefined, `${row.key}: ${JSON.stringify(rule)}`);
    }
    // The case table (and the commentator's sentence made from it): exactly its title outcomes.
    const needs: ContenderNeeds | undefined = result.lastRound?.needs.get(row.key);
    assert.ok(needs, `${row.key}: its cases are worked out`);
    const wrongCase: Played | undefined = played.find(
      (p) => casesHold(needs.cases, needs.own, p.outcome) !== p.champions.has(row.key),
    );
    assert.equal(wrongCase, undefined, `${row.key}: the cases are wrong at ${JSON.stringify(wrongCase?.outcome)}`);
    if (!row.sentences.some((s) => s.kind === 'summary')) {
      const missed = wins.find((p) => !rules.some((rule) => ruleHolds(rule, p.outcome)));
      assert.equal(missed, undefined, `${row.key}: no sentence says ${JSON.stringify(missed?.outcome)}`);
    }
  }
  if (kind === 'drivers') {
    // Drivers who drove the same car every round and race the same car in the finale, found
    // here from the table and the entry list: the title maths must name them crewmates.
    const before = tableOf(seasonBefore(season, last, poleKnown), 'P', 'drivers');
    const carIn = (driver: string) =>
      season.entries.find((e) => e.drivers.some((d) => d.name === driver && isEnteredFor(d, last)))?.car;
    const sameCells = (a: (typeof before)[number], b: (typeof before)[number]) =>
      a.points === b.points && JSON.stringify(a.rounds) === JSON.stringify(b.rounds);
    for (const a of before) {
      for (const b of before) {
        if (a === b || !sameCells(a, b) || carIn(keyOf(a)) !== carIn(keyOf(b))) continue;
        const row = rows.find((r) => r.key === keyOf(a));
        assert.ok(row?.crewmates.includes(keyOf(b)), `${keyOf(a)} and ${keyOf(b)} drove together: crewmates`);
      }
    }
  }
  for (const row of rows) {
    for (const mate of row.crewmates) {
      const other = rows.find((r) => r.key === mate);
      assert.ok(other, `${mate} is a row`);
      assert.deepEqual([other.canWin, other.clinched], [row.canWin, row.clinched], `${row.key} and ${mate}`);
      assert.deepEqual(
        other.sentences.map((s) => s.rule),
        row.sentences.map((s) => s.rule),
      );
      assert.equal(other.sentences.length, row.sentences.length);
    }
  }
  return result;
}

function shuffledEntries(season: Season, keys: readonly number[]): Season {
  const order = season.entries.map((_, i) => i).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || b - a);
  return { ...season, entries: order.map((i) => season.entries[i] as Entry) };
}

test('generated finales: verdicts, sentences and crewmates against every outcome of the last round', () => {
  fc.assert(
    fc.property(spec, fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (s, keys) => {
      const season = seasonOf(s);
      for (const kind of ['teams', 'drivers'] as const) {
        for (const poleKnown of season.races.some((r) => r.classification === undefined) ? [false, true] : [false]) {
          const result = checkQuestion(season, kind, poleKnown);
          // The short summary of large fields, on the same small ones: as exact, if shorter.
          checkQuestion(season, kind, poleKnown, 1);
          const question = { classId: 'P', kind, beforeRound: s.rounds, poleKnown };
          const again = titleScenarios(shuffledEntries(season, keys), question);
          assert.deepEqual(scenariosDocument(again), scenariosDocument(result), 'the entry order changes nothing');
        }
      }
    }),
    { seed: Number(process.env.SEED ?? 16), numRuns: Number(process.env.RUNS ?? 100) },
  );
});
