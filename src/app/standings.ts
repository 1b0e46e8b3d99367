/**
 * The standings a question asks for — a class, teams or drivers, after a round, final results
 * only — asked the same way by `pitwall standings`, the API and the pages.
 */
import type { Problem } from '../domain/problem.ts';
import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import type { Season } from '../domain/season.ts';
import type { StandingsTable } from '../domain/standings.ts';
import { seasonStandings } from '../domain/standings.ts';
import { seasonAfterRound, standingsAfterRound } from '../domain/after-round.ts';
import type { StandingsKind } from '../domain/vocabulary.ts';
import { clip } from '../formats/text.ts';

export interface StandingsQuestion {
  readonly class?: string | undefined;
  readonly kind?: StandingsKind | undefined;
  /** The tables as they stood after this round. */
  readonly afterRound?: number | undefined;
  /** `final`: only rounds whose results the stewards have published. */
  readonly results?: 'all' | 'final' | undefined;
}

export interface StandingsAnswer {
  /** The season the tables were computed from: cut after `afterRound` when asked. */
  readonly season: Season;
  readonly tables: readonly StandingsTable[];
}

/** The season without its provisional rounds (and their deductions). */
function finalOnly(season: Season): Season {
  const provisional = new Set(season.races.filter((r) => r.state === 'provisional').map((r) => r.round));
  return {
    ...season,
    races: season.races.filter((r) => !provisional.has(r.round)),
    pointsAdjustments: (season.pointsAdjustments ?? []).filter((a) => !provisional.has(a.round)),
  };
}

/**
 * The tables the question asks for, or every problem with it: a class or a round the season does
 * not have (each problem names the ones it has; its `path` is the question's field).
 */
export function standingsOf(season: Season, question: StandingsQuestion): Result<StandingsAnswer, Problem[]> {
  const problems: Problem[] = [];
  if (question.class !== undefined && !season.classes.some((c) => c.id === question.class)) {
    const known = season.classes.map((c) => `'${c.id}'`).join(', ');
    const message = `unknown class '${clip(question.class)}'; ${season.id} has ${known}.`;
    problems.push({ code: 'unknown-class', path: 'class', message });
  }
  const round = question.afterRound;
  if (round !== undefined && !season.rounds.some((r) => r.round === round)) {
    const known = season.rounds.map((r) => r.round).join(', ');
    const message = `${season.id} has no round ${round}; its rounds are ${known}.`;
    problems.push({ code: 'unknown-round', path: 'afterRound', message });
  }
  if (problems.length > 0) return err(problems);
  const counted = question.results === 'final' ? finalOnly(season) : season;
  const tables = round === undefined ? seasonStandings(counted) : standingsAfterRound(counted, round);
  return ok({
    season: round === undefined ? season : seasonAfterRound(season, round),
    tables: tables.filter(
      (t) =>
        (question.class === undefined || t.class === question.class) &&
        (question.kind === undefined || t.kind === question.kind),
    ),
  });
}
