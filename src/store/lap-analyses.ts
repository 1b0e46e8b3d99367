/**
 * A round's race lap analysis (every lap, the crew's driver on it) and the qualifying results'
 * best laps that tell a qualifying lap analysis's deleted laps (migrations/011_lap_analyses.sql).
 */
import type { Sql } from './database.ts';

/** One lap as stored: the timing's lap, with the crew's name for its driver. */
export interface StoredLap {
  readonly car: string;
  readonly lap: number;
  readonly driverNumber: number;
  /** The driver as the season's crew names them (driver-identity: case, accents, aliases). */
  readonly driver: string;
  /** As the file spells them. */
  readonly timingDriver: string;
  readonly lapTimeMs: number;
  readonly pitTimeMs?: number;
  readonly crossedInPit: boolean;
  readonly elapsedMs: number;
  readonly class?: string;
  readonly team?: string;
  readonly flag?: string;
  /** The file's line, for messages. */
  readonly line: number;
}

export interface StoredLapAnalysis {
  readonly file: string;
  readonly by: string;
  /** ISO 8601 */
  readonly at: string;
  readonly laps: readonly StoredLap[];
}

interface LapRow {
  car: string;
  lap: number;
  driver_number: number;
  driver: string;
  timing_driver: string;
  lap_time_ms: number;
  pit_time_ms: number | null;
  crossed_in_pit: boolean;
  elapsed_ms: number;
  class: string | null;
  team: string | null;
  flag: string | null;
  line: number;
}

/** Replaces the round's lap analysis by this one (inside the caller's transaction). */
export async function saveLapAnalysis(
  tx: Sql,
  seasonId: string,
  round: number,
  analysis: StoredLapAnalysis,
): Promise<void> {
  await tx.query('DELETE FROM lap_analyses WHERE season_id = $1 AND round = $2', [seasonId, round]);
  await tx.query(
    'INSERT INTO lap_analyses (season_id, round, file_name, imported_by, imported_at) VALUES ($1, $2, $3, $4, $5)',
    [seasonId, round, analysis.file, analysis.by, analysis.at],
  );
  const rows: LapRow[] = analysis.laps.map((l) => ({
    car: l.car,
    lap: l.lap,
    driver_number: l.driverNumber,
    driver: l.driver,
    timing_driver: l.timingDriver,
    lap_time_ms: l.lapTimeMs,
    pit_time_ms: l.pitTimeMs ?? null,
    crossed_in_pit: l.crossedInPit,
    elapsed_ms: l.elapsedMs,
    class: l.class ?? null,
    team: l.team ?? null,
    flag: l.flag ?? null,
    line: l.line,
  }));
  // One statement and one parameter, however many laps (a 24-hour race has 15,000).
  await tx.query(
    `INSERT INTO lap_analysis_laps (season_id, round, car, lap, driver_number, driver, timing_driver, lap_time_ms,
       pit_time_ms, crossed_in_pit, elapsed_ms, class, team, flag, line)
     SELECT $1, $2, car, lap, driver_number, driver, timing_driver, lap_time_ms, pit_time_ms, crossed_in_pit,
       elapsed_ms, class, team, flag, line
     FROM jsonb_to_recordset($3::jsonb) AS x(car text, lap integer, driver_number integer, driver text,
       timing_driver text, lap_time_ms integer, pit_time_ms integer, crossed_in_pit boolean, elapsed_ms bigint,
       class text, team text, flag text, line integer)`,
    [seasonId, round, JSON.stringify(rows)],
  );
}

/** Which import of a round's lap analysis is stored, without its laps; undefined when none was. */
export interface LapAnalysisImport {
  readonly file: string;
  readonly by: string;
  readonly at: string;
  /** Different after every import, even two in the same millisecond: the row's transaction (xmin). */
  readonly version: string;
}

export async function lapAnalysisImport(
  db: Sql,
  seasonId: string,
  round: number,
): Promise<LapAnalysisImport | undefined> {
  const [head] = await db.query<{
    file_name: string;
    imported_by: string;
    imported_at: Date | string;
    version: string;
  }>(
    `SELECT file_name, imported_by, imported_at, xmin::text AS version
     FROM lap_analyses WHERE season_id = $1 AND round = $2`,
    [seasonId, round],
  );
  return head
    ? {
        file: head.file_name,
        by: head.imported_by,
        at: new Date(head.imported_at).toISOString(),
        version: head.version,
      }
    : undefined;
}

/** The laps of the round's lap analysis (`head`, its import as just read), by car and lap. */
export async function loadLapAnalysis(
  db: Sql,
  seasonId: string,
  round: number,
  head: LapAnalysisImport,
): Promise<StoredLapAnalysis> {
  const rows = await db.query<LapRow>(
    `SELECT car, lap, driver_number, driver, timing_driver, lap_time_ms, pit_time_ms, crossed_in_pit, elapsed_ms,
       class, team, flag, line
     FROM lap_analysis_laps WHERE season_id = $1 AND round = $2 ORDER BY car, lap`,
    [seasonId, round],
  );
  return {
    file: head.file,
    by: head.by,
    at: head.at,
    laps: rows.map((r) => ({
      car: r.car,
      lap: r.lap,
      driverNumber: r.driver_number,
      driver: r.driver,
      timingDriver: r.timing_driver,
      lapTimeMs: r.lap_time_ms,
      ...(r.pit_time_ms === null ? {} : { pitTimeMs: r.pit_time_ms }),
      crossedInPit: r.crossed_in_pit,
      elapsedMs: Number(r.elapsed_ms),
      ...(r.class === null ? {} : { class: r.class }),
      ...(r.team === null ? {} : { team: r.team }),
      ...(r.flag === null ? {} : { flag: r.flag }),
      line: r.line,
    })),
  };
}

/** A car's official best lap in a qualifying session's results; `null` for a car that set no time. */
export interface QualifyingBest {
  readonly car: string;
  readonly bestLapMs: number | null;
}

/** Keeps the cars' best laps for each round of the meeting (a car's earlier row is replaced). */
export async function saveQualifyingBests(
  tx: Sql,
  seasonId: string,
  rounds: readonly number[],
  file: string,
  bests: readonly QualifyingBest[],
): Promise<void> {
  const rows = rounds.flatMap((round) => bests.map((b) => ({ round, car: b.car, best_lap_ms: b.bestLapMs })));
  await tx.query(
    `INSERT INTO qualifying_best_laps (season_id, round, car, best_lap_ms, file_name)
     SELECT $1, round, car, best_lap_ms, $2
     FROM jsonb_to_recordset($3::jsonb) AS x(round integer, car text, best_lap_ms integer)
     ON CONFLICT (season_id, round, car) DO UPDATE SET best_lap_ms = EXCLUDED.best_lap_ms, file_name = EXCLUDED.file_name`,
    [seasonId, file, JSON.stringify(rows)],
  );
}

/** The best laps kept for a round, and the files they came from; undefined when none. */
export async function loadQualifyingBests(
  db: Sql,
  seasonId: string,
  round: number,
): Promise<{ readonly files: readonly string[]; readonly bestLapMs: ReadonlyMap<string, number | null> } | undefined> {
  const rows = await db.query<{ car: string; best_lap_ms: number | null; file_name: string }>(
    'SELECT car, best_lap_ms, file_name FROM qualifying_best_laps WHERE season_id = $1 AND round = $2 ORDER BY car',
    [seasonId, round],
  );
  if (rows.length === 0) return undefined;
  return {
    files: [...new Set(rows.map((r) => r.file_name))].sort(),
    bestLapMs: new Map(rows.map((r) => [r.car, r.best_lap_ms])),
  };
}
