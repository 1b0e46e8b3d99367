/**
 * The last round's outcomes cut into slices: for one contender, its own car's rank and the pole
 * holder fix its score, and each other car must then finish no better than a threshold — found
 * by halving over that car's ranks with the engine's own comparison.
 */
import type { Season } from './season.ts';
import type { StandingsRow } from './standings.ts';
import { polePoints, positionPoints, scaleFor } from './points.ts';
import type { Rankable } from './tie-breakers.ts';
import { crewmates } from './tie-breakers.ts';
import type { LastRoundField } from './title-field.ts';
import { exactly, lastRoundField, noBetterThan, NO_PLACE, placeOf, possible } from './title-field.ts';
import type { TitleQuestion } from './title-maths.ts';
import { carsOf, keyOf, poleDecided } from './title-maths.ts';
import type { Slices } from './title-cover.ts';

export type Order = (a: Rankable, b: Rankable) => number;

/** A row's score after the round, for each rank of its car (order of merit) and with or without the pole. */
export interface Scored {
  readonly key: string;
  readonly car: string | undefined;
  /** Equal for rows that score alike in every outcome (crewmates). */
  readonly signature: string;
  readonly at: (rank: number, pole: boolean) => Rankable;
}

function scoredRows(season: Season, question: TitleQuestion, rows: readonly StandingsRow[], field: LastRoundField) {
  const scale = scaleFor(season.points, question.classId);
  const multiplier = season.rounds.find((r) => r.round === field.round)?.pointsMultiplier ?? 1;
  return rows.map((row): Scored => {
    const car = carsOf(season, question.classId, question.kind, keyOf(row), field.round).find((c) =>
      field.cars.includes(c),
    );
    const cache = new Map<number, Rankable>();
    const at = (rank: number, pole: boolean): Rankable => {
      const place = car === undefined ? NO_PLACE : placeOf(field, rank);
      const withPole = pole && car !== undefined;
      const id = place * 2 + (withPole ? 1 : 0);
      const known = cache.get(id);
      if (known) return known;
      const points =
        (place === NO_PLACE ? 0 : positionPoints(scale, place, multiplier)) + (withPole ? polePoints(scale) : 0);
      const cell = {
        result: place === NO_PLACE ? null : String(place),
        pole: withPole,
        points,
        championshipPosition: place === NO_PLACE ? null : place,
      };
      const scored = { points: row.points + points, rounds: [...row.rounds, cell] };
      cache.set(id, scored);
      return scored;
    };
    const signature = JSON.stringify([car, row.points, row.rounds.map((c) => [c.result, c.pole, c.points])]);
    return { key: keyOf(row), car, signature, at };
  });
}

/** The outcome space of the round for the given rows, with each row's score. */
export function setUp(season: Season, question: TitleQuestion, rows: readonly StandingsRow[], round: number) {
  const cars = rows.flatMap((row) => carsOf(season, question.classId, question.kind, keyOf(row), round));
  const field = lastRoundField(season, question.classId, round, cars, !poleDecided(season, round, question.classId));
  return { field, scored: scoredRows(season, question, rows, field) };
}

const rivals = new WeakMap<readonly Scored[], Map<string, Scored[]>>();

/** The rows racing each car, one per crew (crewmates score alike). */
function rivalsOn(scored: readonly Scored[], car: string): readonly Scored[] {
  let byCar = rivals.get(scored);
  if (!byCar) {
    byCar = new Map();
    rivals.set(scored, byCar);
  }
  let found = byCar.get(car);
  if (!found) {
    found = distinct(
      scored.filter((j) => j.car === car),
      (j) => j.signature,
    );
    byCar.set(car, found);
  }
  return found;
}

/**
 * One slice for row `i`: its car at `rank` and the pole with `pole`. `alive`: the rows racing
 * no car of the outcome, and those of its own car, do not beat it; `thresholds`: per other car,
 * the best rank it may take without beating it (places + 2: none will do). `strict`: a tie with a
 * row of another car does not count as a title (a dead heat decided by a criterion the results
 * do not give).
 */
export function thresholdsAt(
  field: LastRoundField,
  scored: readonly Scored[],
  i: Scored,
  rank: number,
  pole: string | undefined,
  strict: boolean,
  order: Order,
): { alive: boolean; others: readonly string[]; thresholds: number[] } {
  const others = field.cars.filter((car) => car !== i.car);
  const mine = i.at(rank, pole === i.car);
  const alive = scored.every(
    (j) =>
      j === i || (j.car !== undefined && j.car !== i.car) || holds(mine, j.at(rank, pole === j.car), strict, order),
  );
  return {
    alive,
    others,
    thresholds: others.map((car) => thresholdOf(field, scored, mine, car, pole === car, strict, order)),
  };
}

function holds(mine: Rankable, theirs: Rankable, strict: boolean, order: Order): boolean {
  const diff = order(mine, theirs);
  return diff < 0 || (diff === 0 && (!strict || crewmates(mine, theirs)));
}

/**
 * The best rank `car` may take without its rows beating `mine` (places + 2: none will do). Its
 * rows score less the lower it finishes: the first rank at which `mine` holds them all is found
 * by halving.
 */
export function thresholdOf(
  field: LastRoundField,
  scored: readonly Scored[],
  mine: Rankable,
  car: string,
  pole: boolean,
  strict: boolean,
  order: Order,
): number {
  const on = rivalsOn(scored, car);
  let low = 1;
  let high = field.places + 2;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (on.every((j) => holds(mine, j.at(mid, pole), strict, order))) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Every slice of row `i`: its car's ranks (order of merit) × the pole holders. */
export function slicesFor(
  field: LastRoundField,
  scored: readonly Scored[],
  i: Scored,
  strict: boolean,
  order: Order,
): Slices {
  const ownRanks = i.car === undefined ? [0] : Array.from({ length: field.places + 1 }, (_, k) => k + 1);
  const poles = field.poleChoices ?? [undefined];
  const others = field.cars.filter((car) => car !== i.car);
  const alive: boolean[] = [];
  const thresholds: number[][] = [];
  for (const pole of poles) {
    for (const rank of ownRanks) {
      const slice = thresholdsAt(field, scored, i, rank, pole, strict, order);
      alive.push(slice.alive);
      thresholds.push(slice.thresholds);
    }
  }
  return { field, own: i.car, ownRanks, poles, others, alive, thresholds };
}

/** True when some outcome of the slice makes the row champion. */
export function sliceWins(slices: Slices, s: number): boolean {
  const row = slices.thresholds[s] ?? [];
  if (!slices.alive[s] || row.some((t) => t > slices.field.places + 1)) return false;
  const allowed = new Map(slices.others.map((car, k) => [car, noBetterThan(slices.field, row[k] ?? 1)]));
  const rank = slices.ownRanks[s % slices.ownRanks.length] ?? 0;
  if (slices.own !== undefined) allowed.set(slices.own, exactly(slices.field, rank));
  return possible(slices.field, allowed);
}

/** Rows of other cars `i` can end level with at the top, in some outcome where it is champion. */
export function deadHeats(
  slices: Slices,
  scored: readonly Scored[],
  i: Scored,
  order: Order,
  won: boolean[],
): string[] {
  const found = new Set<string>();
  won.forEach((wins, s) => {
    if (!wins) return;
    const rank = slices.ownRanks[s % slices.ownRanks.length] ?? 0;
    const pole = slices.poles[Math.floor(s / slices.ownRanks.length)];
    const mine = i.at(rank, pole === i.car);
    slices.others.forEach((car, k) => {
      const from = slices.thresholds[s]?.[k] ?? 1;
      for (const j of scored.filter((r) => r.car === car && !found.has(r.key))) {
        // From the threshold down, the other row only falls further behind: ties come first.
        for (let x = from; x <= slices.field.places + 1; x++) {
          const theirs = j.at(x, pole === car);
          if (order(mine, theirs) !== 0) break;
          if (crewmates(mine, theirs)) continue;
          const allowed = new Map(
            slices.others.map((c, n) => [c, noBetterThan(slices.field, slices.thresholds[s]?.[n] ?? 1)]),
          );
          allowed.set(car, exactly(slices.field, x));
          if (slices.own !== undefined) allowed.set(slices.own, exactly(slices.field, rank));
          if (possible(slices.field, allowed)) found.add(j.key);
        }
      }
    });
  });
  return [...found];
}

function distinct<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)) !== undefined);
}
