import type { Season } from '../../domain/season.ts';
import type { StandingsRow, StandingsTable } from '../../domain/standings.ts';
import { roundCode } from '../../formats/round-codes.ts';
import type { ChartInput, ProgressionSeries } from './chart.ts';
import { cumulativePoints, mergeIdentical } from './chart.ts';

/** Lines drawn per chart: more than this and the leaders' battle is lost in the noise. */
export const CHART_LINES = 5;

const tagOf = (row: StandingsRow) => (row.kind === 'teams' ? `#${row.car}` : row.cars.map((c) => `#${c}`).join('/'));
const labelOf = (row: StandingsRow) => (row.kind === 'teams' ? row.team : row.driver);

/**
 * The championship progression of a table's leaders: cumulative points after each round up to
 * the last one raced (a round not run in between counts as nothing). Crews level all season
 * share one line.
 */
export function progressionOf(season: Season, table: StandingsTable, lines = CHART_LINES): ChartInput {
  const raced = new Set(season.races.map((r) => r.round));
  const lastRaced = season.rounds.reduce((last, r, i) => (raced.has(r.round) ? i : last), -1);
  const counted = season.rounds.slice(0, lastRaced + 1).map((r) => r.round);
  const series: ProgressionSeries[] = table.rows.map((row) => ({
    label: labelOf(row),
    tag: tagOf(row),
    cumulative: cumulativePoints(counted.map((round) => row.rounds.find((c) => c.round === round)?.points ?? 0)),
  }));
  return { rounds: season.rounds.map(roundCode), series: mergeIdentical(series).slice(0, lines) };
}
