/**
 * The last round case by case, for one contender: for each place its own car may take (and, while
 * the pole is open, with or without the pole), either it cannot win, or it is champion unless one
 * of the others does better than it may — each other car's places that take the title away, and
 * those it takes away from pole. Exact, as the slices are: given the contender's result and the
 * pole, each other car beats it or not on its own (title-slices.ts), so "champion unless one of
 * these happens" holds in exactly its title outcomes; no combination is named, so none is
 * impossible. The commentator's sentence (title-commentary.ts) groups these cases.
 */
import type { LastRoundField, Place } from './title-field.ts';
import { exactly, NO_PLACE, noBetterThan, OTHER_CAR, placeOf, possible } from './title-field.ts';
import type { Outcome } from './title-needs.ts';
import type { Order, Scored } from './title-slices.ts';
import { thresholdOf, thresholdsAt } from './title-slices.ts';

/** Another car's places (championship positions, NO_PLACE: none) that take the title away. */
export interface Threat {
  readonly car: string;
  /** Whoever holds the pole. */
  readonly places: readonly Place[];
  /** When this car takes the pole (more places): absent when that changes nothing or cannot be. */
  readonly fromPole?: readonly Place[];
}

export interface TitleCase {
  /** Its own car's place; absent when it races none of the round's contenders' cars. */
  readonly own?: Place;
  /** True: its car takes the pole; false: it does not; absent: the pole makes no difference here. */
  readonly ownPole?: boolean;
  /** No outcome of the case makes it champion. */
  readonly never: boolean;
  /** It is champion unless one of these happens (none: whatever the others do). */
  readonly threats: readonly Threat[];
}

/** The places ranked better than `t` (order of merit), its own place left out: no one else can take it. */
function placesBefore(field: LastRoundField, t: number, ownRank: number): Place[] {
  const places: Place[] = [];
  for (let rank = 1; rank < t && rank <= field.places + 1; rank++) {
    if (rank !== ownRank || rank > field.places) places.push(placeOf(field, rank));
  }
  return places;
}

const same = (a: readonly Place[] | undefined, b: readonly Place[] | undefined) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((p, i) => p === b?.[i]);

/**
 * Every case of contender `i`, its own places in order (no place last). The pole moves one car's
 * score, so only that car's limit is worked out again (as title-summary.ts does): a few limits
 * per own place, not one per pole holder — a large field costs little more than a small one.
 */
export function casesOf(field: LastRoundField, scored: readonly Scored[], i: Scored, order: Order): TitleCase[] {
  const own = i.car;
  const poles: readonly (string | undefined)[] = field.poleChoices ?? [undefined];
  const ranks = own === undefined ? [0] : Array.from({ length: field.places + 1 }, (_, k) => k + 1);
  const regimes: (boolean | undefined)[] = own !== undefined && poles.includes(own) ? [true, false] : [undefined];
  const cases: TitleCase[] = [];
  for (const rank of ranks) {
    const place = own === undefined ? undefined : placeOf(field, rank);
    const byRegime = regimes.map((ownPole): TitleCase => {
      const base = { ...(place === undefined ? {} : { own: place }), ...(ownPole === undefined ? {} : { ownPole }) };
      const slice = thresholdsAt(field, scored, i, rank, ownPole === true ? own : undefined, false, order);
      // The pole holders of this case: its own car, or any other that may hold it.
      const holders = poles.filter((p) => ownPole === undefined || (p === own) === ownPole);
      const mine = i.at(rank, ownPole === true);
      const fromPole = slice.others.map((car, k) =>
        holders.includes(car) ? thresholdOf(field, scored, mine, car, true, false, order) : (slice.thresholds[k] ?? 1),
      );
      const limitsWith = (pole: string | undefined) =>
        slice.others.map((car, k) => (car === pole ? fromPole[k] : slice.thresholds[k]) ?? 1);
      const wins = (limits: readonly number[]) => {
        if (!slice.alive || limits.some((t) => t > field.places + 1)) return false;
        const allowed = new Map(slice.others.map((car, k) => [car, noBetterThan(field, limits[k] ?? 1)]));
        if (own !== undefined) allowed.set(own, exactly(field, rank));
        return possible(field, allowed);
      };
      if (!holders.some((pole) => wins(limitsWith(pole)))) return { ...base, never: true, threats: [] };
      const threats = slice.others.flatMap((car, k): Threat[] => {
        const elsewhere = holders.some((p) => p !== car);
        const onPole = holders.includes(car);
        const places = placesBefore(field, (elsewhere ? slice.thresholds[k] : fromPole[k]) ?? 1, rank);
        const more = elsewhere && onPole ? placesBefore(field, fromPole[k] ?? 1, rank) : undefined;
        const differs = more !== undefined && !same(more, places);
        if (places.length === 0 && !differs) return [];
        return [{ car, places, ...(differs ? { fromPole: more } : {}) }];
      });
      return { ...base, never: false, threats };
    });
    const [first, second] = byRegime;
    if (first && second && first.never === second.never && sameThreats(first.threats, second.threats)) {
      const { ownPole: _, ...merged } = first;
      cases.push(merged);
    } else cases.push(...byRegime);
  }
  return cases;
}

function sameThreats(a: readonly Threat[], b: readonly Threat[]): boolean {
  return (
    a.length === b.length &&
    a.every((t, i) => {
      const u = b[i];
      return u !== undefined && t.car === u.car && same(t.places, u.places) && same(t.fromPole, u.fromPole);
    })
  );
}

/**
 * True when the cases make the contender champion in the outcome: its case (by its own place and
 * whether it holds the pole) is not `never` and none of its threats happens.
 */
export function casesHold(cases: readonly TitleCase[], own: string | undefined, outcome: Outcome): boolean {
  const place = own === undefined ? undefined : (outcome.positions[own] ?? NO_PLACE);
  const ownPole = own !== undefined && outcome.pole === own;
  const found = cases.find((c) => c.own === place && (c.ownPole === undefined || c.ownPole === ownPole));
  if (!found || found.never) return false;
  return found.threats.every((t) => {
    const at = outcome.positions[t.car] ?? NO_PLACE;
    const pole = outcome.pole !== undefined && outcome.pole !== OTHER_CAR && outcome.pole === t.car;
    return !(t.places.includes(at) || (pole && (t.fromPole ?? []).includes(at)));
  });
}
