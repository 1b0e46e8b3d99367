import type { MilliPoints } from './points.ts';
import type { TieBreaker } from './vocabulary.ts';

interface Rankable {
  readonly points: MilliPoints;
  readonly rounds: readonly { readonly result: string | null; readonly pole: boolean }[];
}

type Compare<T> = (a: T, b: T) => number;

/** Class positions achieved, as counts: index 0 = wins, 1 = second places, ... */
function positionCounts(row: Rankable): number[] {
  const counts: number[] = [];
  for (const cell of row.rounds) {
    const position = Number(cell.result);
    if (Number.isInteger(position) && position > 0) {
      while (counts.length < position) counts.push(0);
      counts[position - 1] = (counts[position - 1] ?? 0) + 1;
    }
  }
  return counts;
}

/** Count-back: most wins, then most second places, and so on (FIA/ACO norm). */
const countback: Compare<Rankable> = (a, b) => {
  const ca = positionCounts(a);
  const cb = positionCounts(b);
  for (let i = 0; i < Math.max(ca.length, cb.length); i++) {
    const diff = (cb[i] ?? 0) - (ca[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
};

const poles: Compare<Rankable> = (a, b) =>
  b.rounds.filter((c) => c.pole).length - a.rounds.filter((c) => c.pole).length;

type Ordering = Exclude<TieBreaker, 'shared' | 'shared-dense'>;
const BREAKERS: Record<Ordering, Compare<Rankable>> = { countback, poles };
const isOrdering = (b: TieBreaker): b is Ordering => b !== 'shared' && b !== 'shared-dense';

/** Car numbers numerically ('7' before '26'), then as text ('07' after '7'). */
export function compareKeys(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders rows by points, then by the tie-breakers in order. Rows level on points and on every
 * breaker listed before `shared` (or `shared-dense`) share a position; breakers after it only
 * order the group. Rows level on everything else keep distinct positions in `key` order, so
 * input order never matters.
 */
export function rankRows<T extends Rankable>(
  rows: readonly T[],
  tieBreakers: readonly TieBreaker[],
  key: (row: T) => string,
): (T & { position: number })[] {
  const sharedAt = tieBreakers.findIndex((b) => !isOrdering(b));
  const dense = tieBreakers[sharedAt] === 'shared-dense';
  const decisive = (sharedAt === -1 ? tieBreakers : tieBreakers.slice(0, sharedAt)).filter(isOrdering);
  const ordering = tieBreakers.filter(isOrdering);
  const byPointsThen =
    (breakers: readonly Ordering[]): Compare<T> =>
    (a, b) => {
      if (a.points !== b.points) return b.points - a.points;
      for (const breaker of breakers) {
        const diff = BREAKERS[breaker](a, b);
        if (diff !== 0) return diff;
      }
      return 0;
    };
  const decide = byPointsThen(decisive);
  const order = byPointsThen(ordering);
  const sorted = [...rows].sort((a, b) => order(a, b) || compareKeys(key(a), key(b)));
  const ranked: (T & { position: number })[] = [];
  sorted.forEach((row, index) => {
    const previous = ranked[index - 1];
    const share = sharedAt !== -1 && previous !== undefined && decide(previous, row) === 0;
    const next = dense ? (previous?.position ?? 0) + 1 : index + 1;
    ranked.push({ ...row, position: share ? previous.position : next });
  });
  return ranked;
}
