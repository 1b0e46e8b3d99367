import type { Season } from '../domain/season.ts';
import type { StandingsRow, StandingsTable } from '../domain/standings.ts';
import { fromMilli } from '../domain/points.ts';

/**
 * The public JSON contract of `pitwall standings --format json` and of the API's standings:
 * points are plain numbers (83, 0.5, 26.5); `result` is the class position as a string or the status.
 */
export interface StandingsDocument {
  readonly series: string;
  readonly season: string;
  readonly rounds: readonly { readonly round: number; readonly name: string }[];
  readonly standings: readonly StandingsTableJson[];
}

export interface StandingsTableJson {
  readonly class: string;
  readonly kind: 'teams' | 'drivers';
  readonly rows: readonly StandingsRowJson[];
}

export interface RoundCellJson {
  readonly round: number;
  readonly result: string | null;
  readonly pole: boolean;
  readonly points: number;
}

export type StandingsRowJson =
  | { position: number; car: string; team: string; points: number; rounds: RoundCellJson[] }
  | {
      position: number;
      driver: string;
      nationality: string | null;
      cars: string[];
      points: number;
      rounds: RoundCellJson[];
    };

function rowJson(row: StandingsRow): StandingsRowJson {
  const rounds = row.rounds.map((c) => ({
    round: c.round,
    result: c.result,
    pole: c.pole,
    points: fromMilli(c.points),
  }));
  const points = fromMilli(row.points);
  if (row.kind === 'teams') {
    return { position: row.position, car: row.car, team: row.team, points, rounds };
  }
  return {
    position: row.position,
    driver: row.driver,
    nationality: row.nationality ?? null,
    cars: [...row.cars],
    points,
    rounds,
  };
}

export function standingsDocument(season: Season, tables: readonly StandingsTable[]): StandingsDocument {
  return {
    series: season.series,
    season: season.season,
    rounds: season.rounds.map((r) => ({ round: r.round, name: r.name })),
    standings: tables.map((t) => ({ class: t.class, kind: t.kind, rows: t.rows.map(rowJson) })),
  };
}
