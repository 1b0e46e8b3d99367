/**
 * The title fight of a class, asked the same way by `pitwall scenarios`, the API
 * (`GET /api/v1/seasons/{id}/title/{class}`) and the portal's page: which moment (the rule of
 * domain/title-question.ts), who can still win and what each needs, the simulated chances (teams),
 * and the one JSON document the command prints and the API answers, byte for byte.
 *
 * @example
 * const fight = titleFight(season, { classId: 'LMP2', kind: 'teams' });
 * if (fight.ok) process.stdout.write(scenariosJson(fight.value.document));
 */
import type { TitleOdds } from '../domain/probabilities.ts';
import { titleOdds } from '../domain/probabilities.ts';
import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import type { Season } from '../domain/season.ts';
import type { TitleQuestion } from '../domain/title-maths.ts';
import { seasonBefore } from '../domain/title-maths.ts';
import type { TitleAsk, TitleMoment, TitleMomentCode } from '../domain/title-question.ts';
import { titleMoment } from '../domain/title-question.ts';
import type { TitleScenarios } from '../domain/title-scenarios.ts';
import { titleScenarios } from '../domain/title-scenarios.ts';
import type { StandingsKind } from '../domain/vocabulary.ts';
import type { ScenariosDocument } from '../formats/scenarios-json.ts';
import { scenariosDocument } from '../formats/scenarios-json.ts';

/** What is asked: a class (its id), teams or drivers, and optionally the moment. */
export interface TitleFightAsk extends TitleAsk {
  readonly classId: string;
  readonly kind: StandingsKind;
}

export type TitleFightCode = 'no-such-class' | TitleMomentCode;

export interface TitleFightProblem {
  readonly code: TitleFightCode;
  readonly message: string;
}

/** The simulation behind the chances: fixed, so that every caller gets the same figures. */
export const TITLE_ODDS = { seasons: 20_000, seed: 2020 } as const;

/**
 * Where the expensive parts are computed: directly by default; the server passes its cache
 * (http/computed.ts), which keeps them by their inputs.
 */
export interface TitleWork {
  scenarios(season: Season, question: TitleQuestion): TitleScenarios;
  odds(before: Season, classId: string): TitleOdds;
}

const direct: TitleWork = {
  scenarios: (season, question) => titleScenarios(season, question),
  odds: (before, classId) => titleOdds(before, classId, TITLE_ODDS),
};

export interface TitleFight {
  readonly question: TitleQuestion;
  readonly moment: TitleMoment;
  /** The season as it stood at that moment (earlier rounds, and the round's pole when known). */
  readonly before: Season;
  readonly scenarios: TitleScenarios;
  /** Simulated chances: the teams' championship only (docs/probabilities.md). */
  readonly odds?: TitleOdds;
  /** The JSON contract (formats/scenarios-json.ts). */
  readonly document: ScenariosDocument;
}

export function titleFight(
  season: Season,
  ask: TitleFightAsk,
  work: TitleWork = direct,
): Result<TitleFight, TitleFightProblem> {
  if (!season.classes.some((c) => c.id === ask.classId)) {
    const known = season.classes.map((c) => c.id).join(', ');
    return err({ code: 'no-such-class', message: `unknown class "${ask.classId}" (the season has: ${known})` });
  }
  const moment = titleMoment(season, ask.classId, ask);
  if (!moment.ok) return moment;
  const question: TitleQuestion = {
    classId: ask.classId,
    kind: ask.kind,
    beforeRound: moment.value.beforeRound,
    poleKnown: moment.value.poleKnown,
  };
  const before = seasonBefore(season, question.beforeRound, question.poleKnown);
  const scenarios = work.scenarios(season, question);
  const odds = ask.kind === 'teams' ? work.odds(before, ask.classId) : undefined;
  return ok({
    question,
    moment: moment.value,
    before,
    scenarios,
    ...(odds ? { odds } : {}),
    document: scenariosDocument(scenarios, odds),
  });
}
