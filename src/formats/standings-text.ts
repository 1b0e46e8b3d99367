import type { Round, Season } from '../domain/season.ts';
import type { RoundCell, StandingsRow, StandingsTable } from '../domain/standings.ts';
import { fromMilli } from '../domain/points.ts';
import { roundCode } from './round-codes.ts';
import { textTable } from './text-table.ts';

function who(row: StandingsRow): string[] {
  return row.kind === 'teams'
    ? [`#${row.car}`, row.team]
    : [row.driver, row.nationality ?? '', row.cars.map((c) => `#${c}`).join(' ')];
}

/** A cell as the published tables print it; pole is marked with `P` since terminals have no bold. */
function cellText(cell: RoundCell): string {
  return `${cell.result ?? ''}${cell.pole ? ' P' : ''}`;
}

function title(table: StandingsTable): string {
  return `${table.class} ${table.kind === 'teams' ? 'Teams' : 'Drivers'}`;
}

/** Human-readable tables, one per class and championship, like the seed's (pole marked P). */
export function standingsTable(season: Season, tables: readonly StandingsTable[]): string {
  const rounds: readonly Round[] = season.rounds;
  return tables
    .map((t) => {
      const head = t.kind === 'teams' ? ['Pos', 'Car', 'Team'] : ['Pos', 'Driver', 'Nat', 'Cars'];
      const rows = t.rows.map((row) => [
        String(row.position),
        ...who(row),
        ...row.rounds.map(cellText),
        String(fromMilli(row.points)),
      ]);
      return `${season.series} ${season.season} — ${title(t)}\n${textTable([...head, ...rounds.map(roundCode), 'Points'], rows)}`;
    })
    .join('\n\n');
}
