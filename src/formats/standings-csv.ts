/** The standings as one CSV file (`pitwall standings --format csv`, the API's `standings.csv`). */
import type { Season } from '../domain/season.ts';
import type { StandingsTable } from '../domain/standings.ts';
import { fromMilli } from '../domain/points.ts';
import { writeCsv } from './csv.ts';
import type { CsvCell } from './csv.ts';

/** One CSV for all the given tables: a row per standings row, a column per round. */
export function standingsCsv(season: Season, tables: readonly StandingsTable[]): string {
  const roundColumns = season.rounds.flatMap((r) => [`r${r.round}_result`, `r${r.round}_pole`, `r${r.round}_points`]);
  const header = ['class', 'kind', 'position', 'car', 'team', 'driver', 'nationality', ...roundColumns, 'points'];
  const records = tables.flatMap((t) =>
    t.rows.map((row): CsvCell[] => [
      t.class,
      t.kind,
      row.position,
      row.kind === 'teams' ? row.car : row.cars.join(' '),
      row.kind === 'teams' ? row.team : '',
      row.kind === 'drivers' ? row.driver : '',
      row.nationality ?? '',
      ...row.rounds.flatMap((c) => [c.result ?? '', c.pole ? 'yes' : '', fromMilli(c.points)]),
      fromMilli(row.points),
    ]),
  );
  return writeCsv([header, ...records]);
}
