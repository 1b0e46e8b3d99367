/**
 * The championship as if the race ended now: the season's standings with the round's race
 * replaced by the live classification, compared with the standings before the round. Pure.
 *
 * - The round's poles stay when the season already holds a race for the round (qualifying
 *   imported before the race) and count in the live tables; the "before" tables are the earlier
 *   races only (`seasonBefore(…, false)`): "Before" is what the table said before the round, so
 *   the round's pole point is part of what the round changes.
 * - A row not in the table before the round (cannot happen with the domain's tables, which hold
 *   every entry of the class, but kept safe) gets `positionBefore` = its live position, points
 *   before 0, change 0.
 * - Rows level on points before the round had no order between them to change from: ties before
 *   the race share their best position (1 + the rows with more points). When every row was level
 *   (the season opener, everyone on 0) nobody gained or lost a place: every change is 0.
 * - The "before" tables depend only on the season object and the round: they are memoised per
 *   season (a WeakMap, dropped with the season), and so are the live tables of each class, until
 *   a lap changes the order, a status or a crew in that class.
 * - The title picture's `second` is the first rival of the leader: the best row sharing no car
 *   with it (in the drivers' table the leader's crew-mates are skipped).
 */
import type { ClassificationLine, Season } from '../domain/season.ts';
import { classesOf } from '../domain/season.ts';
import type { MilliPoints } from '../domain/points.ts';
import type { StandingsRow } from '../domain/standings.ts';
import { STANDINGS_KINDS } from '../domain/vocabulary.ts';
import type { StandingsKind } from '../domain/vocabulary.ts';
import { completedWith, keyOf, seasonBefore, tableOf } from '../domain/title-maths.ts';
import type { LiveStandingsRow, LiveTable, TitlePicture } from './view.ts';

interface Before {
  readonly position: number;
  readonly points: MilliPoints;
}

/** Per season object, per round: per table key (`class/kind`), each row's position and points before. */
const beforeCache = new WeakMap<Season, Map<number, ReadonlyMap<string, ReadonlyMap<string, Before>>>>();

const tableKey = (classId: string, kind: StandingsKind) => `${classId}/${kind}`;

function tablesBefore(season: Season, round: number): ReadonlyMap<string, ReadonlyMap<string, Before>> {
  let perRound = beforeCache.get(season);
  if (!perRound) {
    perRound = new Map();
    beforeCache.set(season, perRound);
  }
  const cached = perRound.get(round);
  if (cached) return cached;
  const before = seasonBefore(season, round, false);
  const tables = new Map<string, ReadonlyMap<string, Before>>();
  for (const { id } of season.classes) {
    for (const kind of STANDINGS_KINDS) {
      const rows = tableOf(before, id, kind);
      tables.set(tableKey(id, kind), new Map(rows.map((r) => [keyOf(r), { position: r.position, points: r.points }])));
    }
  }
  perRound.set(round, tables);
  return tables;
}

/** How many of `points` are more than `than` (per row of every table of every frame: no array made). */
function countAbove(points: readonly MilliPoints[], than: MilliPoints): number {
  let count = 0;
  for (const p of points) if (p > than) count++;
  return count;
}

const labelOf = (row: StandingsRow): string => (row.kind === 'teams' ? row.team : row.driver);
const carsOf = (row: StandingsRow): readonly string[] => (row.kind === 'teams' ? [row.car] : row.cars);

/** The last round of the season (by number). */
const lastRound = (season: Season): number => Math.max(...season.rounds.map((r) => r.round));

/**
 * Every class's teams and drivers tables, keyed `class/kind`, as they would stand if the race of
 * `round` ended now with `lines` (overall order, statuses as live).
 */
export function liveStandings(
  season: Season,
  round: number,
  lines: readonly ClassificationLine[],
): Record<string, LiveTable> {
  let kept = lastLive.get(season);
  if (!kept) {
    kept = new Map();
    lastLive.set(season, kept);
  }
  const classes = carClasses(season);
  let live: Season | undefined;
  const result: Record<string, LiveTable> = {};
  for (const { id } of season.classes) {
    const key = scoredKey(lines.filter((line) => classes.get(line.car)?.includes(id)));
    const slot = `${round}|${id}`;
    let tables = kept.get(slot);
    if (tables?.key !== key) {
      const decided = season.races.find((r) => r.round === round);
      live ??= completedWith(season, [{ round, classification: lines, poles: decided?.poles ?? {} }]);
      const made = live;
      tables = { key, tables: STANDINGS_KINDS.map((kind) => liveTable(season, round, made, id, kind)) };
      kept.set(slot, tables);
    }
    for (const table of tables.tables) result[tableKey(id, table.kind)] = table;
  }
  return result;
}

/**
 * The last live tables per season object, by `round|class`, with what they were scored from: a
 * lap that changes no place, status nor crew in a class leaves its tables the same objects as in
 * the last frame, which the frame's delta then skips at once. Computing every table anew for
 * every frame was the largest part of what the live feed made and left to the collector.
 */
const lastLive = new WeakMap<Season, Map<string, { key: string; tables: readonly LiveTable[] }>>();

/** Each car's classes (its own and those it is also classified in), per season object. */
const classesByCar = new WeakMap<Season, ReadonlyMap<string, readonly string[]>>();

function carClasses(season: Season): ReadonlyMap<string, readonly string[]> {
  let classes = classesByCar.get(season);
  if (!classes) {
    classes = new Map(season.entries.map((entry) => [entry.car, classesOf(season, entry)]));
    classesByCar.set(season, classes);
  }
  return classes;
}

/**
 * What of a class's lines its tables read (domain/classification.ts, `scoreClassRound`): their
 * order, each car's status and the drivers who drove it; not its laps nor its time.
 */
const scoredKey = (lines: readonly ClassificationLine[]): string =>
  lines.map((line) => `${line.car}\u0000${line.status}\u0000${line.drivers?.join('\u0001') ?? '*'}`).join('\n');

/** One live table: `live` is the season with the round's race as it stands now. */
function liveTable(season: Season, round: number, live: Season, id: string, kind: StandingsKind): LiveTable {
  const key = tableKey(id, kind);
  const previous = tablesBefore(season, round).get(key);
  const pointsBefore = [...(previous?.values() ?? [])].map((row) => row.points);
  const level = pointsBefore.every((points) => points === pointsBefore[0]);
  const ordered = tableOf(live, id, kind);
  const rows: Record<string, LiveStandingsRow> = {};
  for (const row of ordered) {
    const rowKey = keyOf(row);
    const was = previous?.get(rowKey);
    const positionBefore = was ? 1 + countAbove(pointsBefore, was.points) : row.position;
    rows[rowKey] = {
      key: rowKey,
      label: labelOf(row),
      cars: carsOf(row),
      position: row.position,
      points: row.points,
      positionBefore,
      pointsBefore: was?.points ?? 0,
      change: level ? 0 : positionBefore - row.position,
    };
  }
  return { class: id, kind, rows, title: titleOf(ordered, round === lastRound(season)) };
}

/**
 * The leader and the first rival: the best row that shares no car with the leader (a driver's
 * crew-mates score the same points and are no rival; in the teams' table every row is a car).
 */
function titleOf(rows: readonly StandingsRow[], decides: boolean): TitlePicture {
  const [first] = rows;
  const leaderCars = first ? carsOf(first) : [];
  const second = rows.slice(1).find((row) => !carsOf(row).some((car) => leaderCars.includes(car)));
  return {
    leader: first ? keyOf(first) : null,
    leaderLabel: first ? labelOf(first) : null,
    gap: first && second ? first.points - second.points : null,
    second: second ? keyOf(second) : null,
    decides,
  };
}
