/**
 * Verdicts from a handful of slices, and the short exact summary for fields too large to list.
 * Scores only get better as a car finishes higher, so one slice decides each question: a row can
 * win when it can at its best (its car first, the pole where it helps most); it has clinched when
 * it cannot lose at its worst (no place, the pole elsewhere) against any other car at its best;
 * it is sure of the title down to the lowest place where that still holds, and can only win
 * down to the lowest place where some outcome still makes it champion.
 */
import type { LastRoundField, Place } from './title-field.ts';
import { exactly, noBetterThan, placeOf, possible } from './title-field.ts';
import type { Rule } from './title-needs.ts';
import type { Order, Scored } from './title-slices.ts';
import { thresholdOf, thresholdsAt } from './title-slices.ts';

/** The pole holders of the field (undefined: decided, or worth nothing). */
const polesOf = (field: LastRoundField): readonly (string | undefined)[] => field.poleChoices ?? [undefined];

/**
 * The slices of one own rank, one per pole holder. The pole moves one car's score by a point, so
 * only that car's threshold is worked out again (and every one when the pole is its own).
 */
function slicesAt(
  field: LastRoundField,
  scored: readonly Scored[],
  i: Scored,
  rank: number,
  strict: boolean,
  order: Order,
  poles: readonly (string | undefined)[],
) {
  const neutral = thresholdsAt(field, scored, i, rank, undefined, strict, order);
  return poles.map((pole) => {
    if (pole === undefined || !neutral.others.includes(pole)) {
      return pole === undefined || pole !== i.car ? neutral : thresholdsAt(field, scored, i, rank, pole, strict, order);
    }
    const mine = i.at(rank, false);
    const thresholds = neutral.others.map((car, k) =>
      car === pole ? thresholdOf(field, scored, mine, car, true, strict, order) : (neutral.thresholds[k] ?? 1),
    );
    return { ...neutral, thresholds };
  });
}

/** Some outcome with the row's car at `rank` (order of merit; 0 without a car) makes it champion. */
export function winsAt(field: LastRoundField, scored: readonly Scored[], i: Scored, rank: number, order: Order) {
  return slicesAt(field, scored, i, rank, false, order, polesOf(field)).some((slice) => {
    if (!slice.alive || slice.thresholds.some((t) => t > field.places + 1)) return false;
    const allowed = new Map(slice.others.map((car, k) => [car, noBetterThan(field, slice.thresholds[k] ?? 1)]));
    if (i.car !== undefined) allowed.set(i.car, exactly(field, rank));
    return possible(field, allowed);
  });
}

/** The row is champion with its car at `rank` whatever the others do (the pole elsewhere, if it can be). */
export function sureAt(
  field: LastRoundField,
  scored: readonly Scored[],
  i: Scored,
  rank: number,
  strict: boolean,
  order: Order,
): boolean {
  const poles = polesOf(field);
  const elsewhere = poles.filter((p) => p === undefined || p !== i.car);
  // Its own place aside, which no one else can take.
  return slicesAt(field, scored, i, rank, strict, order, elsewhere.length > 0 ? elsewhere : poles).every(
    (slice) => slice.alive && slice.thresholds.every((t) => t === 1 || (t === 2 && rank === 1)),
  );
}

/** Its car's best rank: first, or 0 when it races no car of the outcome. */
const bestRank = (i: Scored) => (i.car === undefined ? 0 : 1);
const worstRank = (field: LastRoundField, i: Scored) => (i.car === undefined ? 0 : field.places + 1);

export const canWinAtAll = (field: LastRoundField, scored: readonly Scored[], i: Scored, order: Order) =>
  winsAt(field, scored, i, bestRank(i), order);

export const clinchedAtWorst = (
  field: LastRoundField,
  scored: readonly Scored[],
  i: Scored,
  strict: boolean,
  order: Order,
) => sureAt(field, scored, i, worstRank(field, i), strict, order);

/**
 * Too many contenders' cars to list their combinations: "champion if it finishes Mth or better"
 * (exact: whatever the others do), and the lowest place it can still win from. When the two
 * meet, the one rule is the whole answer.
 */
export function summaryOf(
  field: LastRoundField,
  scored: readonly Scored[],
  i: Scored,
  order: Order,
): { rules: Rule[]; complete: boolean; ownPlaces: Place[] } {
  if (i.car === undefined) return { rules: [], complete: false, ownPlaces: [] };
  const car = i.car;
  const ranks = Array.from({ length: field.places + 1 }, (_, r) => r + 1);
  // Both answers only get worse as the car finishes lower: the first rank that fails ends them.
  const lastWhere = (test: (rank: number) => boolean) => {
    let low = 0;
    let high = ranks.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (test(ranks[mid - 1] ?? 0)) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const sure = lastWhere((rank) => sureAt(field, scored, i, rank, false, order));
  // Finishing lower only hurts while other cars can fill the places above; past that, a lower
  // place can force fewer rivals ahead, so each rank is asked.
  const fillers = field.places - field.cars.length;
  const steady = lastWhere((rank) => rank <= fillers + 1 && winsAt(field, scored, i, rank, order));
  const winning = ranks.filter((rank) =>
    rank <= steady ? true : rank > fillers + 1 && winsAt(field, scored, i, rank, order),
  );
  const places = (count: number) => ranks.slice(0, count).map((rank) => placeOf(field, rank));
  return {
    rules: sure > 0 ? [{ positions: { [car]: places(sure) } }] : [],
    complete: winning.every((rank) => rank <= sure),
    ownPlaces: winning.map((rank) => placeOf(field, rank)),
  };
}
