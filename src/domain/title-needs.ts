/**
 * What each contender needs in the last round: every finishing outcome of the contenders' cars
 * (a class position, or not finishing; and the pole when still open) is scored by the standings
 * engine, and each contender's winning outcomes are summarised as rules. A rule fixes a set of
 * values per car (and for the pole); the rules of a contender together hold exactly in the
 * outcomes where it is champion — they are derived from the enumeration, not guessed.
 */
import type { Season } from './season.ts';
import type { Contender, TitleQuestion } from './title-maths.ts';
import {
  carsOf,
  classCars,
  completedWith,
  keyOf,
  poleDecided,
  raceWith,
  seasonBefore,
  tableOf,
} from './title-maths.ts';

/** A car's result in the last round: its class position, or 0 when it does not finish. */
export type Position = number;
export const OTHER_CAR = 'other';

/** One outcome of the last round, as far as the title is concerned. */
export interface Outcome {
  readonly positions: Readonly<Record<string, Position>>;
  /** The pole car when the pole is still open: a contender's car, or `other`. */
  readonly pole?: string;
}

/** One sufficient condition: every listed dimension takes one of its listed values. */
export interface Rule {
  readonly positions: Readonly<Record<string, readonly Position[]>>;
  readonly pole?: readonly string[];
}

/** Outcomes above this many are not enumerated (the needs are then left out). */
const MAX_OUTCOMES = 10_000;

export function ruleHolds(rule: Rule, outcome: Outcome): boolean {
  for (const [car, allowed] of Object.entries(rule.positions)) {
    if (!allowed.includes(outcome.positions[car] ?? 0)) return false;
  }
  return rule.pole === undefined || (outcome.pole !== undefined && rule.pole.includes(outcome.pole));
}

/** Every valid assignment of positions to `cars` in a field of `fieldSize` cars. */
function assignments(cars: readonly string[], fieldSize: number): Record<string, Position>[] {
  const fillers = fieldSize - cars.length;
  const out: Record<string, Position>[] = [];
  const walk = (index: number, current: Record<string, Position>, used: Set<number>) => {
    if (out.length > MAX_OUTCOMES) return;
    if (index === cars.length) {
      // Positions are filled from the top: the others must be enough to fill the gaps.
      const highest = Math.max(0, ...used);
      if (highest - used.size <= fillers) out.push({ ...current });
      return;
    }
    const car = cars[index] ?? '';
    for (let p = 0; p <= fieldSize; p++) {
      if (p > 0 && used.has(p)) continue;
      current[car] = p;
      if (p > 0) used.add(p);
      walk(index + 1, current, used);
      if (p > 0) used.delete(p);
    }
  };
  walk(0, {}, new Set());
  return out;
}

/** The finishing order of the class for an outcome: contenders' cars in place, others filling in. */
export function finishersOf(positions: Readonly<Record<string, Position>>, allCars: readonly string[]): string[] {
  const placed = new Map(
    Object.entries(positions)
      .filter(([, p]) => p > 0)
      .map(([car, p]) => [p, car] as const),
  );
  const fillers = allCars.filter((car) => positions[car] === undefined);
  const order: string[] = [];
  for (let p = 1; placed.size > 0 || fillers.length > 0; p++) {
    const car = placed.get(p);
    if (car !== undefined) {
      order.push(car);
      placed.delete(p);
    } else {
      const filler = fillers.shift();
      if (filler === undefined) break;
      order.push(filler);
    }
  }
  return order;
}

export interface LastRoundAnalysis {
  readonly round: number;
  /** The contenders' cars in that round: the dimensions of the outcomes. */
  readonly cars: readonly string[];
  readonly poleOpen: boolean;
  readonly fieldSize: number;
  /** Per contender key, its rules. */
  readonly rules: ReadonlyMap<string, readonly Rule[]>;
}

/** The last round's outcomes and each contender's rules; undefined when there are too many outcomes. */
export function analyseLastRound(
  fullSeason: Season,
  question: TitleQuestion,
  contenders: readonly Contender[],
  round: number,
): LastRoundAnalysis | undefined {
  const season = seasonBefore(fullSeason, question.beforeRound, question.poleKnown);
  const allCars = classCars(season, question.classId);
  const live = contenders.filter((c) => c.canWin);
  const cars = [...new Set(live.flatMap((c) => carsOf(season, question.classId, question.kind, c.key, round)))];
  const poleOpen = !poleDecided(season, round);
  const others = season.entries.filter((e) => allCars.includes(e.car) && e.eligible && !cars.includes(e.car));
  const poleChoices = poleOpen ? [...cars, ...(others.length > 0 ? [OTHER_CAR] : [])] : [undefined];
  const placings = assignments(cars, allCars.length);
  if (placings.length * poleChoices.length > MAX_OUTCOMES) return undefined;
  const outcomes: { outcome: Outcome; champions: Set<string> }[] = [];
  for (const positions of placings) {
    for (const pole of poleChoices) {
      const poleCar = pole === OTHER_CAR ? others[0]?.car : pole;
      const race = raceWith(season, question.classId, round, finishersOf(positions, allCars), poleCar);
      const table = tableOf(completedWith(season, [race]), question.classId, question.kind);
      const champions = new Set(table.filter((r) => r.position === 1).map(keyOf));
      outcomes.push({ outcome: pole === undefined ? { positions } : { positions, pole }, champions });
    }
  }
  const dims: Dim[] = [...cars.map((car) => ({ car })), ...(poleOpen ? [{ pole: true as const }] : [])];
  const rules = new Map<string, Rule[]>();
  for (const c of live) {
    const all = outcomes.map((o) => ({ outcome: o.outcome, wins: o.champions.has(c.key) }));
    rules.set(c.key, derive(all, dims));
  }
  return { round, cars, poleOpen, fieldSize: allCars.length, rules };
}

type Dim = { readonly car: string } | { readonly pole: true };
type Value = Position | string;
const valueOf = (o: Outcome, d: Dim): Value => ('car' in d ? (o.positions[d.car] ?? 0) : (o.pole ?? OTHER_CAR));
interface Marked {
  readonly outcome: Outcome;
  readonly wins: boolean;
}
type Constraint = Map<Dim, Value[]>;

/**
 * Rules exactly covering the winning outcomes of `set`: one rule when they form a product of
 * per-dimension value sets, else split on a dimension and recurse (merging identical siblings).
 */
function derive(set: readonly Marked[], dims: readonly Dim[]): Rule[] {
  return deriveConstraints(set, dims).map(toRule);
}

function deriveConstraints(set: readonly Marked[], dims: readonly Dim[]): Constraint[] {
  const winning = set.filter((m) => m.wins);
  if (winning.length === 0) return [];
  if (winning.length === set.length) return [new Map<Dim, Value[]>()];
  const projection = (items: readonly Marked[], d: Dim) => [...new Set(items.map((m) => valueOf(m.outcome, d)))];
  const narrowed = dims.filter((d) => projection(winning, d).length < projection(set, d).length);
  const product = set.filter((m) => narrowed.every((d) => projection(winning, d).includes(valueOf(m.outcome, d))));
  if (product.length === winning.length) return [new Map(narrowed.map((d) => [d, sortValues(projection(winning, d))]))];
  const split = narrowed[0] ?? dims[0];
  if (split === undefined) return [];
  const rest = dims.filter((d) => d !== split);
  const byKey = new Map<string, { constraint: Constraint; values: Value[] }>();
  for (const value of sortValues(projection(set, split))) {
    const part = set.filter((m) => valueOf(m.outcome, split) === value);
    for (const constraint of deriveConstraints(part, rest)) {
      const key = JSON.stringify([...constraint].map(([d, v]) => [dimName(d), v]));
      const known = byKey.get(key) ?? { constraint, values: [] };
      known.values.push(value);
      byKey.set(key, known);
    }
  }
  return [...byKey.values()].map(({ constraint, values }) =>
    values.length === projection(set, split).length ? constraint : new Map([[split, values], ...constraint]),
  );
}

const dimName = (d: Dim): string => ('car' in d ? d.car : 'pole');

/** Positions best first, not finishing (0) last; car ids in text order. */
function sortValues(values: Value[]): Value[] {
  const rank = (v: Value) => (typeof v === 'number' ? (v === 0 ? Number.MAX_SAFE_INTEGER : v) : 0);
  return [...values].sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
}

function toRule(constraint: Constraint): Rule {
  const positions: Record<string, Position[]> = {};
  let pole: string[] | undefined;
  for (const [d, values] of constraint) {
    if ('car' in d) positions[d.car] = values.map(Number);
    else pole = values.map(String);
  }
  return pole === undefined ? { positions } : { positions, pole };
}
