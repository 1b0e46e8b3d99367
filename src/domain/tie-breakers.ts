import type { MilliPoints } from './points.ts';
import type { TieBreaker } from './vocabulary.ts';

/**
 * What decides between rows of different cars still level after every tie-breaker (a dead
 * heat): `shared` — they share the position, and at the top the title; or a criterion the
 * regulations name that no result decides (`{ decidedBy: 'the FIA nominates the champion' }`):
 * the rows still share the position in the tables, and the title maths says who decides.
 * Crewmates (rows level because they drove the same car) always share: nothing tells them apart.
 */
export type DeadHeatRule = 'shared' | { readonly decidedBy: string };

export interface RankableCell {
  readonly result: string | null;
  readonly pole: boolean;
  readonly points?: MilliPoints;
  /**
   * The place the championship credits: the class position among the cars eligible for points,
   * null when the car scored no place (an ineligible car, or not classified). Absent: the
   * result is read as the position.
   */
  readonly championshipPosition?: number | null;
}

export interface Rankable {
  readonly points: MilliPoints;
  readonly rounds: readonly RankableCell[];
}

type Compare<T> = (a: T, b: T) => number;

/**
 * The place a cell counts for in a count-back. The FIA/ACO count-back counts championship
 * results ("the greatest number of first places"): a car classified 2nd on the road behind a car
 * not eligible for points is credited with the win (ALMS 2022: Nielsen's "vier Rennsiege",
 * shared/research/regulations.md §1), so it counts as a win, not as a second place.
 */
function countedPosition(cell: RankableCell): number | undefined {
  const position = cell.championshipPosition === undefined ? Number(cell.result) : cell.championshipPosition;
  return position !== null && Number.isInteger(position) && position > 0 ? position : undefined;
}

const counts = new WeakMap<Rankable, number[]>();

/** Championship places achieved, as counts: index 0 = wins, 1 = second places, ... */
export function positionCounts(row: Rankable): number[] {
  const known = counts.get(row);
  if (known) return known;
  const tally: number[] = [];
  for (const cell of row.rounds) {
    const position = countedPosition(cell);
    if (position === undefined) continue;
    while (tally.length < position) tally.push(0);
    tally[position - 1] = (tally[position - 1] ?? 0) + 1;
  }
  counts.set(row, tally);
  return tally;
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

const byPointsThen =
  (breakers: readonly Ordering[]): Compare<Rankable> =>
  (a, b) => {
    if (a.points !== b.points) return b.points - a.points;
    for (const breaker of breakers) {
      const diff = BREAKERS[breaker](a, b);
      if (diff !== 0) return diff;
    }
    return 0;
  };

/**
 * The comparison that decides positions: points, then the breakers listed before `shared` (or
 * all of them). Rows it finds level share a position — at the top, the title.
 */
export function decidingOrder(tieBreakers: readonly TieBreaker[]): Compare<Rankable> {
  const sharedAt = tieBreakers.findIndex((b) => !isOrdering(b));
  return byPointsThen((sharedAt === -1 ? tieBreakers : tieBreakers.slice(0, sharedAt)).filter(isOrdering));
}

/**
 * Orders rows by points, then by the tie-breakers in order. Rows level on points and on every
 * breaker listed before `shared` (or `shared-dense`) share a position; breakers after it only
 * order the group. Rows level on everything share a position too: crewmates because nothing
 * tells them apart, rows of different cars by the season's dead-heat rule (see `DeadHeatRule`:
 * a car number or a driver's name never decides). Within a group rows are listed in `key`
 * order, so input order never matters. Numbering after a group skips (1, 1, 3) unless the
 * list says `shared-dense` (1, 1, 2).
 */
export function rankRows<T extends Rankable>(
  rows: readonly T[],
  tieBreakers: readonly TieBreaker[],
  key: (row: T) => string,
): (T & { position: number })[] {
  const dense = tieBreakers.includes('shared-dense');
  const decide = decidingOrder(tieBreakers);
  const order = byPointsThen(tieBreakers.filter(isOrdering));
  const sorted = [...rows].sort((a, b) => order(a, b) || compareKeys(key(a), key(b)));
  const ranked: (T & { position: number })[] = [];
  sorted.forEach((row, index) => {
    const previous = ranked[index - 1];
    const share = previous !== undefined && decide(previous, row) === 0;
    const next = dense ? (previous?.position ?? 0) + 1 : index + 1;
    ranked.push({ ...row, position: share ? previous.position : next });
  });
  return ranked;
}

/**
 * The criterion the regulations name for a dead heat, when the title cannot be shared: a
 * `decidedBy` rule, and no `shared` in the championship's list (which shares every tie itself).
 */
export function deadHeatCriterion(
  rules: { readonly deadHeat?: DeadHeatRule | undefined },
  breakers: readonly TieBreaker[],
): string | undefined {
  const rule = rules.deadHeat;
  return typeof rule === 'object' && breakers.every(isOrdering) ? rule.decidedBy : undefined;
}

/** A cell that tells nothing about the car it was earned in: no points, no pole, no place. */
const neutral = (cell: RankableCell): boolean =>
  !cell.pole && (cell.points ?? 0) === 0 && countedPosition(cell) === undefined && Number.isNaN(Number(cell.result));

/**
 * Crewmates: rows level because they drove the same car — the same points, and the same cell in
 * every round where either earned anything (a class position, points or a pole is one car's
 * alone in a round). Their tie is no dead heat: they share the position and the title.
 */
export function crewmates(a: Rankable, b: Rankable): boolean {
  if (a.points !== b.points) return false;
  const cells = Math.max(a.rounds.length, b.rounds.length);
  for (let i = 0; i < cells; i++) {
    const ca = a.rounds[i];
    const cb = b.rounds[i];
    const na = ca === undefined || neutral(ca);
    const nb = cb === undefined || neutral(cb);
    if (na && nb) continue;
    if (ca === undefined || cb === undefined || ca.result !== cb.result || ca.pole !== cb.pole) return false;
    if ((ca.points ?? 0) !== (cb.points ?? 0)) return false;
  }
  return true;
}
