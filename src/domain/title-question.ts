/**
 * Which moment a title fight is asked about — one rule for the CLI, the API and the portal:
 * before round N (with its pole when asked and known), or by default before the next round to
 * race (with its pole when qualifying is in the file); for a finished season, before the finale.
 */
import type { Result } from './result.ts';
import { err, ok } from './result.ts';
import type { Season } from './season.ts';

export interface TitleMoment {
  readonly beforeRound: number;
  readonly poleKnown: boolean;
}

export const TITLE_MOMENT_PROBLEMS = ['no-such-round', 'no-pole'] as const;
export type TitleMomentCode = (typeof TITLE_MOMENT_PROBLEMS)[number];

export interface TitleMomentProblem {
  readonly code: TitleMomentCode;
  readonly message: string;
}

/** True when the season file has the class's pole for the round (qualifying done). */
export function hasPole(season: Season, classId: string, round: number): boolean {
  return season.races.some((r) => r.round === round && (r.poles[classId] ?? []).length > 0);
}

/**
 * The moment asked for. `beforeRound` absent: the first round without a classification, its
 * pole known when the file has it; a finished season: its last round. `withPole` asks for the
 * round's pole to count, and is refused when the file has none for the class.
 */
export function titleMoment(
  season: Season,
  classId: string,
  ask: { readonly beforeRound?: number | string | undefined; readonly withPole: boolean },
): Result<TitleMoment, TitleMomentProblem> {
  const rounds = season.rounds.map((r) => r.round).sort((a, b) => a - b);
  let beforeRound: number;
  let poleKnown = ask.withPole;
  if (ask.beforeRound !== undefined) {
    const n = Number(ask.beforeRound);
    if (!rounds.includes(n)) {
      return err({
        code: 'no-such-round',
        message: `there is no round ${String(ask.beforeRound)}: the rounds are ${rounds.join(', ')}`,
      });
    }
    beforeRound = n;
  } else {
    const raced = (round: number) => season.races.some((r) => r.round === round && r.classification !== undefined);
    const next = rounds.find((r) => !raced(r));
    const last = rounds[rounds.length - 1];
    if (next === undefined && last === undefined) {
      return err({ code: 'no-such-round', message: 'the season has no rounds' });
    }
    beforeRound = next ?? last ?? 0;
    if (next !== undefined) poleKnown ||= hasPole(season, classId, next);
  }
  if (poleKnown && !hasPole(season, classId, beforeRound)) {
    const name = season.rounds.find((r) => r.round === beforeRound)?.name ?? `round ${beforeRound}`;
    return err({
      code: 'no-pole',
      message: `round ${beforeRound} (${name}) has no ${classId} pole in the season: its qualifying is not known`,
    });
  }
  return ok({ beforeRound, poleKnown });
}

/** As `titleMoment`, undefined when the moment does not exist (for callers with one answer to that). */
export function titleQuestion(season: Season, classId: string, beforeRound: string | undefined, pole: boolean) {
  const moment = titleMoment(season, classId, { beforeRound, withPole: pole });
  return moment.ok ? moment.value : undefined;
}
