import { badCharacter } from '../domain/text.ts';
import type { Season, Race, ClassificationLine, TeamName } from '../domain/season.ts';
import type { PoleRule } from '../domain/pole-rule.ts';
import type { ClassificationRules } from '../domain/classification-rules.ts';
import type { PointsSystem } from '../domain/points.ts';
import type { LineupRules } from '../domain/lineup-rules.ts';
import type { DriveTimeRuleBook } from '../domain/drive-time-rules.ts';
import type { InvitationRules } from '../domain/invitations.ts';
import type { Rating, Status } from '../domain/vocabulary.ts';
import { slugOf } from '../domain/ids.ts';
import type { Sql } from './database.ts';

/** Inserts many rows in one statement (PGlite inserts row by row are ~10x slower). */
async function insertMany(
  tx: Sql,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  const BATCH = 500;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const values = batch.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
    await tx.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`,
      batch.flat(),
    );
  }
}

const json = (value: unknown) => JSON.stringify(value);

/** Listeners hear a season's id on this channel when the transaction that changed it commits. */
export const SEASONS_CHANNEL = 'pitwall_seasons';

/**
 * Replaces a season (and everything in it) by `season`. Call inside a transaction holding the
 * season's lock (withSeasonLock), taken before the season was read. `recordedAt`
 * (ISO 8601; default: the database's clock) is when a race's classification is recorded, unless
 * the stored race already had the same classification: it keeps the time it was first recorded.
 */
export async function saveSeason(tx: Sql, season: Season, recordedAt?: string): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [SEASONS_CHANNEL, season.id]);
  const previous = await tx.query<{ revision: number }>('SELECT revision FROM seasons WHERE id = $1', [season.id]);
  const before = previous.length > 0 ? await storedClassifications(tx, season.id) : new Map<number, Recorded>();
  await tx.query('DELETE FROM seasons WHERE id = $1', [season.id]);
  await tx.query(
    'INSERT INTO seasons (id, series, season, points, tie_breakers, notes, revision, lineup_rules, drive_time_rules, invitation_rules, pole_rule, classification_rules) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)',
    [
      season.id,
      season.series,
      season.season,
      json(season.points),
      json(season.tieBreakers),
      json(season.notes),
      (previous[0]?.revision ?? 0) + 1,
      season.lineupRules ? json(season.lineupRules) : null,
      season.driveTimeRules ? json(season.driveTimeRules) : null,
      season.invitationRules ? json(season.invitationRules) : null,
      season.poleRule ? json(season.poleRule) : null,
      season.classificationRules ? json(season.classificationRules) : null,
    ],
  );
  const id = season.id;
  await insertMany(
    tx,
    'classes',
    ['season_id', 'id', 'name', 'also_classified_in', 'ord'],
    season.classes.map((c, i) => [id, c.id, c.name, json(c.alsoClassifiedIn), i]),
  );
  await insertMany(
    tx,
    'rounds',
    [
      'season_id',
      'round',
      'name',
      'circuit',
      'country',
      'date',
      'scheduled_duration_ms',
      'meeting',
      'points_multiplier',
    ],
    season.rounds.map((r) => [
      id,
      r.round,
      r.name,
      r.circuit ?? null,
      r.country ?? null,
      r.date ?? null,
      r.scheduledDurationMs ?? null,
      r.meeting ?? null,
      r.pointsMultiplier,
    ]),
  );
  await insertMany(
    tx,
    'teams',
    ['id', 'name'],
    season.entries.map((e) => [slugOf(e.team), e.team]),
  );
  await insertMany(
    tx,
    'drivers',
    ['id', 'name'],
    season.entries.flatMap((e) => e.drivers.map((d) => [slugOf(d.name), d.name])),
  );
  await insertMany(
    tx,
    'entries',
    ['season_id', 'car', 'class_id', 'team_id', 'team', 'nationality', 'car_model', 'eligible', 'ord', 'team_names'],
    season.entries.map((e, i) => [
      id,
      e.car,
      e.class,
      slugOf(e.team),
      e.team,
      e.nationality ?? null,
      e.carModel ?? null,
      e.eligible,
      i,
      e.teamNames ? json(e.teamNames) : null,
    ]),
  );
  await insertMany(
    tx,
    'crew_members',
    ['season_id', 'car', 'driver_id', 'name', 'nationality', 'rating', 'rounds', 'ord', 'aliases'],
    season.entries.flatMap((e) =>
      e.drivers.map((d, i) => [
        id,
        e.car,
        slugOf(d.name),
        d.name,
        d.nationality ?? null,
        d.rating ?? null,
        json(d.rounds),
        i,
        d.aliases ? json(d.aliases) : null,
      ]),
    ),
  );
  const at = recordedAt ?? (await tx.query<{ now: Date | string }>('SELECT now()'))[0]?.now;
  await insertMany(
    tx,
    'races',
    ['season_id', 'round', 'classified', 'state', 'recorded_at'],
    season.races.map((r) => {
      const kept = before.get(r.round);
      const same = kept !== undefined && kept.classification === json(r.classification ?? null);
      return [id, r.round, r.classification !== undefined, r.state ?? null, same ? kept.at : at];
    }),
  );
  await insertMany(
    tx,
    'classification_lines',
    ['season_id', 'round', 'ord', 'car', 'status', 'laps', 'total_time_ms', 'best_lap_ms', 'drivers'],
    season.races.flatMap((r) =>
      (r.classification ?? []).map((l, i) => [
        id,
        r.round,
        i,
        l.car,
        l.status,
        l.laps ?? null,
        l.totalTimeMs ?? null,
        l.bestLapMs ?? null,
        l.drivers ? json(l.drivers) : null,
      ]),
    ),
  );
  await insertMany(
    tx,
    'poles',
    ['season_id', 'round', 'class_id', 'ord', 'car'],
    season.races.flatMap((r) =>
      Object.entries(r.poles).flatMap(([cls, cars]) => cars.map((car, i) => [id, r.round, cls, i, car])),
    ),
  );
}

/** A stored race's classification (as JSON, to compare) and when it was recorded. */
interface Recorded {
  readonly classification: string;
  readonly at: Date | string | null;
}

async function storedClassifications(tx: Sql, id: string): Promise<Map<number, Recorded>> {
  const [races, lines] = await Promise.all([
    tx.query<{ round: number; classified: boolean; recorded_at: Date | string | null }>(
      'SELECT round, classified, recorded_at FROM races WHERE season_id = $1',
      [id],
    ),
    tx.query<LineRow>(
      'SELECT round, car, status, laps, total_time_ms, best_lap_ms, drivers FROM classification_lines WHERE season_id = $1 ORDER BY round, ord',
      [id],
    ),
  ]);
  return new Map(
    races.map((r) => {
      const classification = r.classified ? lines.filter((l) => l.round === r.round).map(lineOf) : null;
      return [r.round, { classification: json(classification), at: r.recorded_at }];
    }),
  );
}

/**
 * When each race's classification was recorded (ISO 8601), by round; a race without one is absent.
 * A season read "as of" an earlier moment leaves out what was recorded later.
 */
export async function raceRecordedTimes(db: Sql, id: string): Promise<Map<number, string>> {
  const rows = await db.query<{ round: number; recorded_at: Date | string | null }>(
    'SELECT round, recorded_at FROM races WHERE season_id = $1 AND classified AND recorded_at IS NOT NULL',
    [id],
  );
  return new Map(rows.map((r) => [r.round, new Date(r.recorded_at ?? 0).toISOString()]));
}

interface SeasonRow {
  id: string;
  series: string;
  season: string;
  points: PointsSystem;
  tie_breakers: Season['tieBreakers'];
  notes: string[];
  lineup_rules: LineupRules | null;
  drive_time_rules: DriveTimeRuleBook | null;
  invitation_rules: InvitationRules | null;
  pole_rule: PoleRule | null;
  classification_rules: ClassificationRules | null;
}
interface ClassRow {
  id: string;
  name: string;
  also_classified_in: string[];
}
interface RoundRow {
  round: number;
  name: string;
  circuit: string | null;
  country: string | null;
  date: string | null;
  scheduled_duration_ms: number | null;
  meeting: string | null;
  points_multiplier: number;
}
interface EntryRow {
  car: string;
  class_id: string;
  team: string;
  nationality: string | null;
  car_model: string | null;
  eligible: boolean;
  team_names: TeamName[] | null;
}
interface CrewRow {
  car: string;
  name: string;
  nationality: string | null;
  rating: Rating | null;
  rounds: 'all' | number[];
  aliases: string[] | null;
}
interface LineRow {
  round: number;
  car: string;
  status: Status;
  laps: number | null;
  total_time_ms: number | null;
  best_lap_ms: number | null;
  drivers: string[] | null;
}
interface RaceRow {
  round: number;
  classified: boolean;
  state: 'provisional' | 'final' | null;
}
interface PoleRow {
  round: number;
  class_id: string;
  car: string;
}

function lineOf(l: LineRow): ClassificationLine {
  return {
    car: l.car,
    status: l.status,
    ...(l.laps !== null ? { laps: l.laps } : {}),
    ...(l.total_time_ms !== null ? { totalTimeMs: l.total_time_ms } : {}),
    ...(l.best_lap_ms !== null ? { bestLapMs: l.best_lap_ms } : {}),
    ...(l.drivers !== null ? { drivers: l.drivers } : {}),
  };
}

/**
 * Could a season have this id: ids come from files checked for what PostgreSQL can store, while
 * a path may hold anything (`/seasons/a%00b`), which is no season rather than a failed query.
 */
export const isStorableId = (id: string): boolean => id.length <= 200 && badCharacter(id, 'name') === undefined;

/**
 * Takes the season's lock until the caller's transaction ends (re-taking it is free). Whoever
 * reads a season to write it back whole holds it from before the read: two such writers at once
 * otherwise both start from the same season and the second overwrites the first's change (or
 * stumbles on the seasons' key). The schema's lock is 7131977 (migrate.ts).
 */
export async function lockSeason(tx: Sql, id: string): Promise<void> {
  if (!isStorableId(id)) return; // no season has such an id: nothing to keep, and a NUL would fail the query
  await tx.query('SELECT pg_advisory_xact_lock(7131978, hashtext($1))', [id]);
}

/** Runs `work` in one transaction holding the season's lock (lockSeason): read, change and save it there. */
export function withSeasonLock<T>(db: Sql, id: string, work: (tx: Sql) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await lockSeason(tx, id);
    return work(tx);
  });
}

/** A stored season, as the domain knows it; undefined when there is none with that id. */
export async function loadSeason(db: Sql, id: string): Promise<Season | undefined> {
  if (!isStorableId(id)) return undefined; // a NUL would fail the query: no season has such an id
  const [row] = await db.query<SeasonRow>(
    'SELECT id, series, season, points, tie_breakers, notes, lineup_rules, drive_time_rules, invitation_rules, pole_rule, classification_rules FROM seasons WHERE id = $1',
    [id],
  );
  if (!row) return undefined;
  const [classes, rounds, entries, crews, races, lines, poles] = await Promise.all([
    db.query<ClassRow>('SELECT id, name, also_classified_in FROM classes WHERE season_id = $1 ORDER BY ord', [id]),
    db.query<RoundRow>(
      'SELECT round, name, circuit, country, date, scheduled_duration_ms, meeting, points_multiplier FROM rounds WHERE season_id = $1 ORDER BY round',
      [id],
    ),
    db.query<EntryRow>(
      'SELECT car, class_id, team, nationality, car_model, eligible, team_names FROM entries WHERE season_id = $1 ORDER BY ord',
      [id],
    ),
    db.query<CrewRow>(
      'SELECT car, name, nationality, rating, rounds, aliases FROM crew_members WHERE season_id = $1 ORDER BY car, ord',
      [id],
    ),
    db.query<RaceRow>('SELECT round, classified, state FROM races WHERE season_id = $1 ORDER BY round', [id]),
    db.query<LineRow>(
      'SELECT round, car, status, laps, total_time_ms, best_lap_ms, drivers FROM classification_lines WHERE season_id = $1 ORDER BY round, ord',
      [id],
    ),
    db.query<PoleRow>('SELECT round, class_id, car FROM poles WHERE season_id = $1 ORDER BY round, class_id, ord', [
      id,
    ]),
  ]);
  const raceOf = (r: RaceRow): Race => {
    const polesOf: Record<string, string[]> = {};
    for (const p of poles.filter((p) => p.round === r.round)) (polesOf[p.class_id] ??= []).push(p.car);
    const classification = lines.filter((l) => l.round === r.round).map(lineOf);
    return {
      round: r.round,
      ...(r.state !== null ? { state: r.state } : {}),
      ...(r.classified ? { classification } : {}),
      poles: polesOf,
    };
  };
  return {
    id: row.id,
    series: row.series,
    season: row.season,
    points: row.points,
    tieBreakers: row.tie_breakers,
    ...(row.lineup_rules !== null ? { lineupRules: row.lineup_rules } : {}),
    ...(row.drive_time_rules !== null ? { driveTimeRules: row.drive_time_rules } : {}),
    ...(row.invitation_rules !== null ? { invitationRules: row.invitation_rules } : {}),
    ...(row.pole_rule !== null ? { poleRule: row.pole_rule } : {}),
    ...(row.classification_rules !== null ? { classificationRules: row.classification_rules } : {}),
    notes: row.notes,
    classes: classes.map((c) => ({ id: c.id, name: c.name, alsoClassifiedIn: c.also_classified_in })),
    rounds: rounds.map((r) => ({
      round: r.round,
      name: r.name,
      ...(r.circuit !== null ? { circuit: r.circuit } : {}),
      ...(r.country !== null ? { country: r.country } : {}),
      ...(r.date !== null ? { date: r.date } : {}),
      ...(r.scheduled_duration_ms !== null ? { scheduledDurationMs: r.scheduled_duration_ms } : {}),
      ...(r.meeting !== null ? { meeting: r.meeting } : {}),
      pointsMultiplier: r.points_multiplier,
    })),
    entries: entries.map((e) => ({
      car: e.car,
      class: e.class_id,
      team: e.team,
      ...(e.nationality !== null ? { nationality: e.nationality } : {}),
      ...(e.car_model !== null ? { carModel: e.car_model } : {}),
      eligible: e.eligible,
      drivers: crews
        .filter((c) => c.car === e.car)
        .map((c) => ({
          name: c.name,
          ...(c.nationality !== null ? { nationality: c.nationality } : {}),
          ...(c.rating !== null ? { rating: c.rating } : {}),
          rounds: c.rounds,
          ...(c.aliases !== null ? { aliases: c.aliases } : {}),
        })),
      ...(e.team_names !== null ? { teamNames: e.team_names } : {}),
    })),
    races: races.map(raceOf),
  };
}

/** Ids of every stored season, oldest series/season first. */
export async function listSeasonIds(db: Sql): Promise<string[]> {
  return (await db.query<{ id: string }>('SELECT id FROM seasons ORDER BY series, season')).map((r) => r.id);
}
