/**
 * Which moment a title fight is asked about — one rule for the CLI, the API and the portal:
 * before round N (with its pole when asked and known), or by default before the next round to
 * race (with its pole when qualifying is in the file). A finished season is asked about before
 * its last round, its pole not yet known: the finale as it was fought, which is how the title
 * was decided. The edges parse their text (a flag, a query string); this takes numbers.
 */
import type { Result } from './result.ts';
import { err, ok } from './result.ts';
import type { Season } from './season.ts';

export interface TitleMoment {
  readonly beforeRound: number;
  readonly poleKnown: boolean;
  /** True when every round has been raced: the answer is how the title was decided. */
  readonly finished: boolean;
}

export const TITLE_MOMENT_PROBLEMS = ['no-such-round', 'no-pole'] as const;
export type TitleMomentCode = (typeof TITLE_MOMENT_PROBLEMS)[number];

export interface TitleMomentProblem {
  readonly code: TitleMomentCode;
  readonly message: string;
}

/** What is asked: a round (absent: the default moment), and whether its pole is to count. */
export interface TitleAsk {
  readonly beforeRound?: number | undefined;
  readonly poleKnown?: boolean | undefined;
}

/** True when the season file has the class's pole for the round (qualifying done). */
export function hasPole(season: Season, classId: string, round: number): boolean {
  return season.races.some((r) => r.round === round && (r.poles[classId] ?? []).length > 0);
}

/** True when the round has its classification in the season. */
export function isRaced(season: Season, round: number): boolean {
  return season.races.some((r) => r.round === round && r.classification !== undefined);
}

/** The rounds of the season, in order. */
export const roundsOf = (season: Season): number[] => season.rounds.map((r) => r.round).sort((a, b) => a - b);

/**
 * The moment asked for. `beforeRound` absent: the first round without a classification, its
 * pole known when the file has it; a finished season: its last round. `poleKnown` asks for the
 * round's pole to count, and is refused when the file has none for the class.
 */
export function titleMoment(
  season: Season,
  classId: string,
  ask: TitleAsk = {},
): Result<TitleMoment, TitleMomentProblem> {
  const rounds = roundsOf(season);
  const next = rounds.find((r) => !isRaced(season, r));
  const finished = rounds.length > 0 && next === undefined;
  let beforeRound: number;
  let poleKnown = ask.poleKnown === true;
  if (ask.beforeRound !== undefined) {
    if (!rounds.includes(ask.beforeRound)) {
      return err({
        code: 'no-such-round',
        message: `there is no round ${ask.beforeRound}: the rounds are ${rounds.join(', ')}`,
      });
    }
    beforeRound = ask.beforeRound;
  } else {
    const last = rounds[rounds.length - 1];
    if (last === undefined) return err({ code: 'no-such-round', message: 'the season has no rounds' });
    beforeRound = next ?? last;
    if (next !== undefined && ask.poleKnown === undefined) poleKnown = hasPole(season, classId, next);
  }
  if (poleKnown && !hasPole(season, classId, beforeRound)) {
    const name = season.rounds.find((r) => r.round === beforeRound)?.name ?? `round ${beforeRound}`;
    return err({
      code: 'no-pole',
      message: `round ${beforeRound} (${name}) has no ${classId} pole in the season: its qualifying is not known`,
    });
  }
  return ok({ beforeRound, poleKnown, finished });
}
