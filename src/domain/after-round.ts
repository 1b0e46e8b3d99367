/**
 * The championship as it stood after a round: the calendar up to that round, only the results
 * and stewards' deductions of those rounds, and only the cars and drivers that had taken part by
 * then (a car joining at round 3 is not in the table after round 2).
 */
import type { Season } from './season.ts';
import { teamAt } from './season.ts';
import { seasonStandings } from './standings.ts';
import type { StandingsRow, StandingsTable } from './standings.ts';
import { rankRows } from './tie-breakers.ts';

/**
 * The season cut after `round`: later rounds, their results and their deductions left out, and
 * each team under the name it ran under at that round.
 */
export function seasonAfterRound(season: Season, round: number): Season {
  return {
    ...season,
    entries: season.entries.map((entry) => ({ ...entry, team: teamAt(entry, round) })),
    rounds: season.rounds.filter((r) => r.round <= round),
    races: season.races.filter((r) => r.round <= round),
    ...(season.pointsAdjustments && {
      pointsAdjustments: season.pointsAdjustments.filter((a) => a.round <= round),
    }),
  };
}

/** A row with a result, a pole, points or a deduction in some round so far. */
function tookPart(row: StandingsRow): boolean {
  return row.adjustment !== 0 || row.rounds.some((cell) => cell.result !== null || cell.pole || cell.points !== 0);
}

/**
 * The standings after `round`: every table of the season cut there, without the rows of those who
 * had not taken part yet, ranked again (they would otherwise sit among the rows on no points).
 */
export function standingsAfterRound(season: Season, round: number): StandingsTable[] {
  const cut = seasonAfterRound(season, round);
  return seasonStandings(cut).map((table) => ({
    ...table,
    rows:
      table.kind === 'teams'
        ? rankRows(table.rows.filter(tookPart), cut.tieBreakers.teams, (row) => (row.kind === 'teams' ? row.car : ''))
        : rankRows(table.rows.filter(tookPart), cut.tieBreakers.drivers, (row) =>
            row.kind === 'drivers' ? row.driver : '',
          ),
  }));
}
