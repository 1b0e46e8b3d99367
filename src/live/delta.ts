/**
 * Deltas between two live views, as JSON Merge Patches (RFC 7386): an object holding only what
 * changed, `null` for what went away; arrays are replaced whole. A live delta (`liveDelta`) adds
 * `moves`: a car that gains or loses places is one move, and the cars it passes shift by one, so
 * a lap that changes the order does not carry the place of every car in between. One module,
 * used by the server (to make deltas) and by the live page in the browser (to apply them), so
 * the two cannot drift.
 */
import type { LiveView } from './view.ts';

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The patch that turns `before` into `after`, or `undefined` when they are equal. Views never hold
 * `null` inside objects as a value of their own (a null field would read as "remove it"), so
 * null-valued fields of `after` are encoded by leaving the key out — callers keep views free of
 * them or accept that `null` and absent mean the same.
 */
export function diff(before: Json, after: Json): Json | undefined {
  // Same object, same value: a view shares what did not change with the one before it. The loops
  // below are `for…in`, not Object.entries: a frame diffs thousands of fields, and the arrays
  // entries() makes for each were most of what the live feed left for the collector.
  if (before === after) return undefined;
  if (isObject(before) && isObject(after)) {
    let patch: Record<string, Json> | undefined;
    for (const key in before) if (!(key in after)) (patch ??= {})[key] = null;
    for (const key in after) {
      const value = after[key] as Json;
      const old = before[key];
      const inner = old === undefined ? replacement(value) : diff(old, value);
      if (inner !== undefined) (patch ??= {})[key] = inner;
    }
    return patch;
  }
  return equal(before, after) ? undefined : replacement(after);
}

/** A value set whole: objects inside it lose their null fields, as applying the patch would. */
function replacement(value: Json): Json {
  if (!isObject(value)) return value;
  const out: Record<string, Json> = {};
  for (const key in value) {
    const inner = value[key] as Json;
    if (inner !== null) out[key] = replacement(inner);
  }
  return out;
}

function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i] as Json, b[i] as Json)) return false;
    return true;
  }
  if (!isObject(a) || !isObject(b)) return false;
  let keys = 0;
  for (const key in a) {
    if (!(key in b) || !equal(a[key] as Json, b[key] as Json)) return false;
    keys++;
  }
  for (const _ in b) keys--;
  return keys === 0;
}

/** RFC 7386 MergePatch(target, patch): a new document; `target` is not changed. */
export function applyPatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyPatch(out[key], value);
  }
  return out;
}

/**
 * The view a client keeps from a snapshot frame: read as a patch on nothing, so that its null
 * fields are absent, exactly as they will be after the deltas that follow (which remove them).
 */
export const fromSnapshot = (snapshot: Json): Json => applyPatch({}, snapshot);

/**
 * A car (or a standings row) put in a new place of a ranking: `[key, to]`. The others between its
 * old place and `to` shift one place towards its old one, as in a running order when a car passes
 * or is passed; moves apply one after another.
 */
export type Move = readonly [key: string, to: number];

/**
 * The moves of a live delta: `cars.position` (the overall order), `cars.classPosition` (within
 * the moving car's class) and, per live standings table, `standings[table]` (its rows' positions).
 */
export interface Moves {
  readonly cars?: { readonly position?: readonly Move[]; readonly classPosition?: readonly Move[] };
  readonly standings?: Readonly<Record<string, readonly Move[]>>;
}

type Ranks = Record<string, number>;

/**
 * Moves one place after another in `ranks`, each shifting the members of its group (all of them
 * when `groupOf` is not given) between its old place and its new one.
 */
export function applyMoves(ranks: Ranks, moves: readonly Move[], groupOf?: (key: string) => unknown): Ranks {
  const out = { ...ranks };
  for (const [key, to] of moves) {
    const from = out[key];
    if (from === undefined || from === to) continue;
    const group = groupOf?.(key);
    for (const other in out) {
      const rank = out[other] as number;
      if (other === key || (groupOf !== undefined && groupOf(other) !== group)) continue;
      if (to < from && rank >= to && rank < from) out[other] = rank + 1;
      else if (to > from && rank > from && rank <= to) out[other] = rank - 1;
    }
    out[key] = to;
  }
  return out;
}

/**
 * Few moves that take the members found in both from their places `before` to their places
 * `after`: those of the longest run already in order stay, the others move, to their final places
 * in order. Among runs as long, the one that leaves `preferMoving` (the cars that crossed the
 * line) to move: a car that passes is the one that moves. An order with ties or gaps may need
 * more, which `movedRanking` then says outright.
 */
function movesBetween(
  before: Ranks,
  after: Ranks,
  preferMoving: ReadonlySet<string>,
  groupOf?: (key: string) => unknown,
): Move[] {
  const groups = new Map<unknown, string[]>();
  for (const key of Object.keys(before)) {
    if (!(key in after)) continue;
    const group = groupOf?.(key);
    const members = groups.get(group);
    if (members) members.push(key);
    else groups.set(group, [key]);
  }
  const moves: Move[] = [];
  const byRank = (ranks: Ranks) => (a: string, b: string) =>
    (ranks[a] ?? 0) - (ranks[b] ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  for (const members of groups.values()) {
    const order = members.sort(byRank(before));
    // Each member's index in the order after: members level on a place keep their order by key.
    const index = new Map([...members].sort(byRank(after)).map((key, i) => [key, i]));
    const stay = longestRunInOrder(
      order.map((key) => index.get(key) ?? 0),
      order.map((key) => (preferMoving.has(key) ? 1 : 2)),
    );
    const moving = order.filter((_, i) => !stay.has(i)).sort(byRank(after));
    for (const key of moving) moves.push([key, after[key] ?? 0]);
  }
  return moves;
}

/** Indices of the strictly increasing subsequence of most weight (a few dozen cars: O(n²) is nothing). */
function longestRunInOrder(values: readonly number[], weights: readonly number[]): Set<number> {
  const best: number[] = [];
  const previous: number[] = [];
  let end = -1;
  for (let i = 0; i < values.length; i++) {
    best[i] = weights[i] ?? 1;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      if ((values[j] ?? 0) < (values[i] ?? 0) && (best[j] ?? 0) + (weights[i] ?? 1) > (best[i] ?? 0)) {
        best[i] = (best[j] ?? 0) + (weights[i] ?? 1);
        previous[i] = j;
      }
    }
    if (end === -1 || (best[i] ?? 0) > (best[end] ?? 0)) end = i;
  }
  const kept = new Set<number>();
  for (let i = end; i >= 0; i = previous[i] ?? -1) kept.add(i);
  return kept;
}

/**
 * A collection's patch (`cars`, or a table's `rows`) with its ranking `field` said by moves: the
 * places the moves give are taken out of it, and any they do not (a new member, a tie) put in.
 * Returns the moves, none when the ranking did not change.
 */
function movedRanking(
  patch: Record<string, Json>,
  field: string,
  before: Ranks,
  after: Ranks,
  groupOf?: (key: string) => unknown,
): Move[] {
  const crossed = new Set<string>();
  for (const key in patch) if (!onlyRankings(patch[key] as Json)) crossed.add(key);
  const moves = movesBetween(before, after, crossed, groupOf);
  if (moves.length === 0) return moves;
  const moved = applyMoves(before, moves, groupOf);
  const said: Record<string, Json> = { ...patch };
  for (const key in after) {
    const rank = after[key] as number;
    const entry = said[key];
    if (moved[key] === rank) {
      if (!isObject(entry) || !(field in entry)) continue;
      const { [field]: _given, ...rest } = entry;
      if (Object.keys(rest).length > 0) said[key] = rest;
      else delete said[key];
    } else if (entry === undefined || isObject(entry)) {
      said[key] = { ...entry, [field]: rank };
    }
  }
  // Moves are for a car passing others; a reshuffle (rows level on points) is said as it is.
  if (JSON.stringify(said).length + JSON.stringify(moves).length >= JSON.stringify(patch).length) return [];
  for (const key of Object.keys(patch)) delete patch[key];
  Object.assign(patch, said);
  return moves;
}

/** The fields said by moves: what else changed in an entry tells which car crossed the line. */
const RANKINGS = ['position', 'classPosition'];

/** Whether an entry's patch changes nothing but its places. */
function onlyRankings(entry: Json): boolean {
  if (!isObject(entry)) return false;
  for (const name in entry) if (!RANKINGS.includes(name)) return false;
  return true;
}

function ranksOf<T>(rows: Readonly<Record<string, T>>, rank: (row: T) => number): Ranks {
  const ranks: Ranks = {};
  for (const key in rows) ranks[key] = rank(rows[key] as T);
  return ranks;
}

/**
 * The delta that turns live view `before` into `after`: their merge patch, with the places of cars
 * and standings rows said by `moves` instead (applyDelta). Undefined when the views are equal.
 */
export function liveDelta(before: LiveView, after: LiveView): Json | undefined {
  const patch = diff(before as unknown as Json, after as unknown as Json);
  if (!isObject(patch)) return patch;
  const out: Record<string, Json> = { ...patch };
  const moves: { cars?: Record<string, Move[]>; standings?: Record<string, Move[]> } = {};
  if (isObject(patch.cars)) {
    const cars: Record<string, Json> = { ...patch.cars };
    // The class a car was in: what the client reads, from the view it holds.
    const classOf = (key: string) => before.cars[key]?.class;
    for (const field of ['position', 'classPosition'] as const) {
      const found = movedRanking(
        cars,
        field,
        ranksOf(before.cars, (car) => car[field]),
        ranksOf(after.cars, (car) => car[field]),
        field === 'classPosition' ? classOf : undefined,
      );
      if (found.length > 0) (moves.cars ??= {})[field] = found;
    }
    out.cars = cars;
  }
  if (isObject(patch.standings)) {
    const standings: Record<string, Json> = { ...patch.standings };
    for (const [table, tablePatch] of Object.entries(patch.standings)) {
      const was = before.standings[table];
      const now = after.standings[table];
      if (!was || !now || !isObject(tablePatch) || !isObject(tablePatch.rows)) continue;
      const rows: Record<string, Json> = { ...tablePatch.rows };
      const found = movedRanking(
        rows,
        'position',
        ranksOf(was.rows, (row) => row.position),
        ranksOf(now.rows, (row) => row.position),
      );
      if (found.length === 0) continue;
      const { rows: _rows, ...rest } = tablePatch;
      const changed: Record<string, Json> = Object.keys(rows).length > 0 ? { ...rest, rows } : rest;
      if (Object.keys(changed).length > 0) standings[table] = changed;
      else delete standings[table];
      (moves.standings ??= {})[table] = found;
    }
    out.standings = standings;
  }
  for (const key of ['cars', 'standings']) {
    const collection = out[key];
    if (isObject(collection) && Object.keys(collection).length === 0) delete out[key];
  }
  if (moves.cars || moves.standings) out.moves = moves;
  return out;
}

/** `view` after a live delta: its moves, then its merge patch. */
export function applyDelta(view: Json | undefined, delta: Json): Json {
  if (!isObject(delta) || !isObject(delta.moves) || !isObject(view)) return applyPatch(view, delta);
  const { moves, ...patch } = delta as { moves: Moves } & Record<string, Json>;
  const next: Record<string, Json> = { ...view };
  const cars = view.cars;
  if (isObject(cars) && moves.cars) {
    const rows = cars as Record<string, Record<string, Json>>;
    const classOf = (key: string) => rows[key]?.class;
    let changed: Record<string, Record<string, Json>> = { ...rows };
    for (const field of ['position', 'classPosition'] as const) {
      const list = moves.cars[field];
      if (!list) continue;
      const ranks = applyMoves(
        ranksOf(changed, (car) => Number(car[field])),
        list,
        field === 'classPosition' ? classOf : undefined,
      );
      changed = Object.fromEntries(
        Object.entries(changed).map(([key, car]) => [
          key,
          car[field] === ranks[key] ? car : { ...car, [field]: ranks[key] ?? null },
        ]),
      );
    }
    next.cars = changed;
  }
  const standings = view.standings;
  if (isObject(standings) && moves.standings) {
    const tables: Record<string, Json> = { ...standings };
    for (const [table, list] of Object.entries(moves.standings)) {
      const current = tables[table];
      if (!isObject(current) || !isObject(current.rows)) continue;
      const rows = current.rows as Record<string, Record<string, Json>>;
      const ranks = applyMoves(
        ranksOf(rows, (row) => Number(row.position)),
        list,
      );
      tables[table] = {
        ...current,
        rows: Object.fromEntries(
          Object.entries(rows).map(([key, row]) => [
            key,
            row.position === ranks[key] ? row : { ...row, position: ranks[key] ?? null },
          ]),
        ),
      };
    }
    next.standings = tables;
  }
  return applyPatch(next, patch);
}
