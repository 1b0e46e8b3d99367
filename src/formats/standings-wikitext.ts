import type { Season } from '../domain/season.ts';
import type { RoundCell, StandingsRow, StandingsTable } from '../domain/standings.ts';
import { fromMilli, scaleFor, toMilli } from '../domain/points.ts';
import { roundHeadings } from './standings-markdown.ts';

/**
 * The colour key of Wikipedia's motorsport results tables (WikiProject Motorsport), as used by
 * the Asian Le Mans Series season articles.
 */
export const WIKI_COLOURS = {
  first: '#FFFFBF',
  second: '#DFDFDF',
  third: '#FFDF9F',
  points: '#DFFFDF',
  classified: '#CFCFFF',
  notClassified: '#EFCFFF',
  didNotStart: '#FFFFFF',
  disqualified: '#000000',
} as const;

/** The background of a result cell; undefined for a blank cell (not entered). */
export function cellColour(cell: RoundCell, polePointsMilli: number): string | undefined {
  const racePoints = cell.points - (cell.pole ? polePointsMilli : 0);
  switch (cell.result) {
    case null:
      return undefined;
    case '1':
      return WIKI_COLOURS.first;
    case '2':
      return WIKI_COLOURS.second;
    case '3':
      return WIKI_COLOURS.third;
    case 'NC':
    case 'Ret':
      return WIKI_COLOURS.notClassified;
    case 'DNS':
    case 'WD':
      return WIKI_COLOURS.didNotStart;
    case 'DSQ':
    case 'EX':
      return WIKI_COLOURS.disqualified;
    default:
      return racePoints > 0 ? WIKI_COLOURS.points : WIKI_COLOURS.classified;
  }
}

/** Wikitext has no escape for `|` inside a cell but the `{{!}}` magic word; names rarely need it. */
function text(value: string): string {
  return value.replace(/\|/g, '{{!}}');
}

function who(row: StandingsRow): string[] {
  return row.kind === 'teams' ? [`#${row.car}`, row.team] : [row.driver, row.cars.map((c) => `#${c}`).join(' ')];
}

function resultCell(cell: RoundCell, polePointsMilli: number): string {
  const label = cell.result ?? '';
  const shown = cell.pole ? `'''${label || 'P'}'''` : label;
  const colour = cellColour(cell, polePointsMilli);
  if (colour === undefined) return `| ${shown}`;
  const font = colour === WIKI_COLOURS.disqualified ? ' color:#FFFFFF;' : '';
  return `| style="background:${colour};${font}" | ${shown}`;
}

/** One class's championship as a `{| class="wikitable"` table; pole position in bold, as Wikipedia prints it. */
export function standingsWikitable(season: Season, table: StandingsTable): string {
  const pole = toMilli(scaleFor(season.points, table.class).pole);
  const head = table.kind === 'teams' ? ['Pos.', 'Car', 'Team'] : ['Pos.', 'Driver', 'Cars'];
  const lines = [
    '{| class="wikitable" style="font-size:85%; text-align:center"',
    `|+ ${text(`${season.series} ${season.season} — ${table.class} ${table.kind === 'teams' ? 'Teams' : 'Drivers'}`)}`,
    ...[...head, ...roundHeadings(season), 'Points'].map((h) => `! ${h}`),
  ];
  for (const row of table.rows) {
    lines.push('|-', `! ${row.position}`);
    lines.push(...who(row).map((w, i) => (i === who(row).length - 1 ? `| align="left" | ${text(w)}` : `| ${text(w)}`)));
    lines.push(...row.rounds.map((cell) => resultCell(cell, pole)));
    lines.push(`! ${fromMilli(row.points)}`);
  }
  lines.push('|}');
  return lines.join('\n');
}

/** Every given table, each under a level-3 heading. */
export function standingsWikitext(season: Season, tables: readonly StandingsTable[]): string {
  return tables
    .map((t) => `=== ${t.class} ${t.kind === 'teams' ? 'Teams' : 'Drivers'} ===\n${standingsWikitable(season, t)}\n`)
    .join('\n');
}
