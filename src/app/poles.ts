import type { PoleSetting } from '../domain/poles.ts';
import { problemOf } from '../formats/problems.ts';
import { checkPoles, withPoles } from '../domain/poles.ts';
import type { Result } from '../domain/result.ts';
import type { Refusal } from '../domain/problem.ts';
import { refusal } from '../domain/problem.ts';
import { err, ok } from '../domain/result.ts';
import type { Sql } from '../store/database.ts';
import { appendResultsChange } from '../store/results-changes.ts';
import { loadSeason, lockSeason, saveSeason, withSeasonLock } from '../store/seasons.ts';
import { quote } from '../formats/text.ts';

/** No such season or round, or every problem of the poles sent. */
export type PolesProblem = Refusal<'not-found' | 'bad-request'>;

export interface PolesSet {
  readonly round: number;
  /** Every class's pole order for the round after the change. */
  readonly poles: Readonly<Record<string, readonly string[]>>;
  readonly by: string;
  readonly at: string;
}

/**
 * Sets (or corrects) the poles of some classes of a round, by hand or from the timing system: the
 * other classes' poles and the results stay; the change is kept in the audit trail with who and when.
 */
export async function setPoles(
  db: Sql,
  seasonId: string,
  round: number,
  poles: readonly PoleSetting[],
  by: string,
  at: string,
): Promise<Result<PolesSet, PolesProblem>> {
  return withSeasonLock(db, seasonId, (tx) => setPolesWithin(tx, seasonId, round, poles, by, at));
}

/**
 * `setPoles` inside the caller's transaction (the season's lock taken, if the caller has not yet):
 * one code path for poles set by hand and poles a timing file derives (a qualifying lap analysis),
 * each change in the audit trail.
 */
export async function setPolesWithin(
  tx: Sql,
  seasonId: string,
  round: number,
  poles: readonly PoleSetting[],
  by: string,
  at: string,
): Promise<Result<PolesSet, PolesProblem>> {
  await lockSeason(tx, seasonId);
  const season = await loadSeason(tx, seasonId);
  if (!season) return err({ code: 'not-found' as const, message: `No season ${quote(seasonId)}.` });
  if (!season.rounds.some((r) => r.round === round)) {
    return err({ code: 'not-found' as const, message: `${seasonId} has no round ${round}.` });
  }
  const checked = checkPoles(season, round, poles);
  if (!checked.ok) {
    const message = checked.error.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return err(refusal('bad-request', message, checked.error.map(problemOf)));
  }
  const updated = withPoles(season, round, checked.value);
  await saveSeason(tx, updated, at);
  const details = Object.fromEntries(checked.value.map((p) => [p.class, p.cars]));
  await appendResultsChange(tx, seasonId, { round, kind: 'poles', details, by, at });
  return ok({ round, poles: updated.races.find((r) => r.round === round)?.poles ?? {}, by, at });
}
