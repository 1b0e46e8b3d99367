import type { Season } from '../domain/season.ts';
import type { RoundCell, StandingsRow, StandingsTable } from '../domain/standings.ts';
import { fromMilli } from '../domain/points.ts';
import { roundCode } from './round-codes.ts';

/** Round column headings, made unique when two rounds share a circuit (a double-header: SEP, SEP2). */
export function roundHeadings(season: Season): string[] {
  const seen = new Map<string, number>();
  return season.rounds.map((r) => {
    const code = roundCode(r);
    const count = (seen.get(code) ?? 0) + 1;
    seen.set(code, count);
    return count === 1 ? code : `${code}${count}`;
  });
}

/** `|` ends a Markdown table cell; a backslash keeps it as text. */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

function who(row: StandingsRow): string[] {
  return row.kind === 'teams' ? [`#${row.car}`, row.team] : [row.driver, row.cars.map((c) => `#${c}`).join(' ')];
}

/** Pole in bold, as the published tables print it. */
function cellText(cell: RoundCell): string {
  const label = cell.result ?? '';
  return cell.pole ? `**${label || 'P'}**` : label;
}

/** One class's championship as a GitHub-flavoured Markdown table. */
export function standingsMarkdownTable(season: Season, table: StandingsTable): string {
  const head = table.kind === 'teams' ? ['Pos', 'Car', 'Team'] : ['Pos', 'Driver', 'Cars'];
  const columns = [...head, ...roundHeadings(season), 'Points'];
  const align = columns.map((_, i) => (i === 1 || i === 2 ? ':---' : ':---:'));
  const rows = table.rows.map((row) => [
    String(row.position),
    ...who(row).map(text),
    ...row.rounds.map(cellText),
    String(fromMilli(row.points)),
  ]);
  return [columns, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Every given table under a level-3 heading; pole positions in bold. */
export function standingsMarkdown(season: Season, tables: readonly StandingsTable[]): string {
  const title = (t: StandingsTable) => `${t.class} ${t.kind === 'teams' ? 'Teams' : 'Drivers'}`;
  return tables
    .map((t) => `### ${season.series} ${season.season} — ${title(t)}\n\n${standingsMarkdownTable(season, t)}\n`)
    .join('\n');
}
