/**
 * The last round's outcome space, as the title sees it: the places the cars eligible for points
 * can take (an ineligible car takes a place on the road but moves no one's points, so places
 * here are championship positions), who may take the pole, and whether an outcome is possible.
 */
import type { Entry, Season } from './season.ts';
import { classesOf, isEnteredFor } from './season.ts';
import { compareKeys } from './tie-breakers.ts';

/** A car's result: its championship position 1..places, or NO_PLACE (not classified, or not scoring). */
export type Place = number;
export const NO_PLACE: Place = 0;
/** The pole going to a car of the class that is none of the outcome's cars. */
export const OTHER_CAR = 'other';

export interface LastRoundField {
  readonly round: number;
  /** The cars eligible for points entered for the round: the championship positions there are. */
  readonly places: number;
  /** The cars whose results are the outcome's dimensions, in car-number order. */
  readonly cars: readonly string[];
  /** Cars entered that take places on the road but score nothing (not eligible for points). */
  readonly notScoring: readonly string[];
  /**
   * Who may still take the pole point: those of `cars` that may hold it, then OTHER_CAR when
   * another car may. Undefined when the pole is decided or worth nothing to the standings.
   */
  readonly poleChoices?: readonly string[];
}

/** The entries of the class (its own cars and those also classified in it) entered for the round. */
export function enteredFor(season: Season, classId: string, round: number): Entry[] {
  return season.entries
    .filter((e) => classesOf(season, e).includes(classId) && e.drivers.some((d) => isEnteredFor(d, round)))
    .sort((a, b) => compareKeys(a.car, b.car));
}

/**
 * A car may take a class's pole point when it is of that very class (a car only also classified
 * in it qualifies for its own class's pole: `pitwall validate` refuses anything else), eligible
 * for points (an ineligible car's pole passes to the next eligible car), and entered.
 */
export function mayHoldPole(entry: Entry, classId: string): boolean {
  return entry.class === classId && entry.eligible;
}

/** The field of `round` for the cars given (those not eligible or not entered are left out). */
export function lastRoundField(
  season: Season,
  classId: string,
  round: number,
  cars: readonly string[],
  poleOpen: boolean,
): LastRoundField {
  const entered = enteredFor(season, classId, round);
  const eligible = entered.filter((e) => e.eligible);
  const dims = eligible.filter((e) => cars.includes(e.car));
  const holders = eligible.filter((e) => mayHoldPole(e, classId));
  const poleChoices = [
    ...holders.filter((e) => dims.includes(e)).map((e) => e.car),
    ...(holders.some((e) => !dims.includes(e)) ? [OTHER_CAR] : []),
  ];
  return {
    round,
    places: eligible.length,
    cars: dims.map((e) => e.car),
    notScoring: entered.filter((e) => !e.eligible).map((e) => e.car),
    ...(poleOpen && poleChoices.length > 0 ? { poleChoices } : {}),
  };
}

/** The place of a rank in order of merit: 1, 2, ..., places, then NO_PLACE (worst). */
export const placeOf = (field: LastRoundField, rank: number): Place => (rank > field.places ? NO_PLACE : rank);

/**
 * The places a car may take in a question about outcomes: ranks `from`..`to` (rankOf order,
 * 1..places), and no place at all when `none`. Every set the title maths asks about is such an
 * interval: a place, "no better than", "behind it".
 */
export interface Allowed {
  readonly from: number;
  readonly to: number;
  readonly none: boolean;
}

/** A car at one rank (rankOf order: places + 1 is no place). */
export const exactly = (field: LastRoundField, rank: number): Allowed =>
  rank > field.places ? { from: 1, to: 0, none: true } : { from: rank, to: rank, none: false };

/** A car no better than `rank` (rankOf order), or not placed. */
export const noBetterThan = (field: LastRoundField, rank: number): Allowed => ({
  from: rank,
  to: field.places,
  none: rank <= field.places + 1,
});

/** How many of `cars` can take distinct ranks within 1..lowest (earliest deadline first: optimal for intervals). */
function matched(cars: readonly Allowed[], lowest: number): number {
  const byDeadline = [...cars].sort((a, b) => Math.min(a.to, lowest) - Math.min(b.to, lowest) || a.from - b.from);
  const taken = new Uint8Array(lowest + 2);
  let count = 0;
  for (const car of byDeadline) {
    const last = Math.min(car.to, lowest);
    for (let rank = Math.max(1, car.from); rank <= last; rank++) {
      if (taken[rank] === 1) continue;
      taken[rank] = 1;
      count += 1;
      break;
    }
  }
  return count;
}

/**
 * True when some outcome gives every car a place it allows: places distinct, and the places
 * above the lowest one taken filled by the other cars eligible for points (any of which may
 * not score). Cars absent from `allowed` may take any place or none. Cars that must take a
 * place are matchable together, and the matchable sets of cars form a matroid, so a largest
 * matching that places them all exists whenever they can be placed at all.
 */
export function possible(field: LastRoundField, allowed: ReadonlyMap<string, Allowed>): boolean {
  const fillers = field.places - field.cars.length;
  const free: Allowed = { from: 1, to: field.places, none: true };
  const cars = field.cars.map((car) => allowed.get(car) ?? free);
  const mandatory = cars.filter((c) => !c.none);
  if (mandatory.some((c) => c.from > c.to)) return false;
  // Places left to fill (lowest - placed) never shrink as the lowest place taken goes down the
  // order, so the first lowest place at which the cars that must score fit decides; it is at
  // least the number of them and the highest place one of them may take first.
  const start = Math.max(mandatory.length, ...mandatory.map((c) => c.from));
  for (let lowest = start; lowest <= field.places; lowest++) {
    if (matched(mandatory, lowest) === mandatory.length) return lowest - matched(cars, lowest) <= fillers;
  }
  return false;
}
