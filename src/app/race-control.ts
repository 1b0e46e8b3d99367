import { randomUUID } from 'node:crypto';
import { problemOf } from '../formats/problems.ts';
import { quote } from '../formats/text.ts';
import type { Race, Season } from '../domain/season.ts';
import type { StewardDecision } from '../domain/decisions.ts';
import { seasonWithDecisions } from '../domain/decisions.ts';
import type { DecisionDraft } from '../domain/decision-checks.ts';
import type { Refusal } from '../domain/problem.ts';
import { refusal } from '../domain/problem.ts';
import { checkDecision } from '../domain/decision-checks.ts';
import { decisionImpact, decisionImpacts, describeChange } from '../domain/decision-impact.ts';
import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import type { Database, Sql } from '../store/database.ts';
import type { ResultsState, ResultsStateChange } from '../store/decisions.ts';
import { appendDecision, appendResultsState, listDecisions, listResultsStates } from '../store/decisions.ts';
import { loadSeason, raceRecordedTimes, SEASONS_CHANNEL, withSeasonLock } from '../store/seasons.ts';

/** A decision as an official enters it; `checkDecision` says whether it fits the season. */
export type DecisionInput = DecisionDraft;

/** A decision or a state change refused: no such round, or every problem of the decision with its field. */
export type RaceControlRefusal = Refusal<'not-found' | 'bad-request'>;

/**
 * The season as the stewards' decisions in force (at `asOf`) and the published states make it.
 * At an `asOf`, a classification recorded after that moment is not there yet.
 */
export async function decidedSeason(db: Database, stored: Season, asOf?: string): Promise<Season> {
  const [decisions, states, recorded] = await Promise.all([
    listDecisions(db, stored.id),
    listResultsStates(db, stored.id),
    asOf === undefined ? undefined : raceRecordedTimes(db, stored.id),
  ]);
  const known = recorded === undefined || asOf === undefined ? stored : seasonAsRecorded(stored, recorded, asOf);
  const { season } = seasonWithDecisions(known, decisions, asOf);
  const stateOf = currentStates(states, asOf);
  return { ...season, races: season.races.map((r) => ({ ...r, state: stateOf.get(r.round) ?? r.state ?? 'final' })) };
}

/**
 * The season without the classifications recorded after `asOf`: a race keeps only its poles
 * (qualifying comes first), or goes when it has none.
 */
export function seasonAsRecorded(season: Season, recorded: ReadonlyMap<number, string>, asOf: string): Season {
  const later = (round: number) => Date.parse(recorded.get(round) ?? '') > Date.parse(asOf);
  const races = season.races.flatMap((race): Race[] => {
    if (!race.classification || !later(race.round)) return [race];
    const { classification: _later, ...qualified } = race;
    return Object.keys(race.poles).length > 0 ? [qualified] : [];
  });
  return { ...season, races };
}

/** The stored season with each race's results state as last published (a file's own `state` until then). */
export async function seasonWithCurrentStates(db: Database, stored: Season): Promise<Season> {
  const stateOf = currentStates(await listResultsStates(db, stored.id));
  const races = stored.races.map((race) => {
    const state = stateOf.get(race.round) ?? race.state;
    const { state: _stored, ...rest } = race;
    return state === undefined || state === 'final' ? rest : { ...rest, state };
  });
  return { ...stored, races };
}

function currentStates(changes: readonly ResultsStateChange[], asOf?: string): Map<number, ResultsState> {
  const states = new Map<number, ResultsState>();
  for (const c of changes) if (asOf === undefined || c.at <= asOf) states.set(c.round, c.state);
  return states;
}

const noSeason = (id: string): RaceControlRefusal => refusal('not-found', `no season ${quote(id)}`);

export interface IssuedDecision {
  readonly decision: StewardDecision;
  /** Before/after, as the office reads it out: "#26 P2 → P1, +7 points". */
  readonly impact: readonly string[];
}

/**
 * Records a decision (append-only) and tells every server that the season changed. Checked against
 * the season and its decisions as they are under the season's lock, so that neither changes between.
 */
export async function issueDecision(
  db: Sql,
  seasonId: string,
  input: DecisionInput,
  by: string,
  now: Date,
): Promise<Result<IssuedDecision, RaceControlRefusal>> {
  const issued = await withSeasonLock(db, seasonId, async (tx) => {
    const stored = await loadSeason(tx, seasonId);
    if (!stored) return err(noSeason(seasonId));
    const decisions = await listDecisions(tx, seasonId);
    const checked = checkDecision(stored, decisions, input);
    if (!checked.ok) {
      const message = checked.error.map((p) => `${p.path[0]}: ${p.message}`).join('; ');
      return err(refusal('bad-request', message, checked.error.map(problemOf)));
    }
    const decision = {
      ...checked.value,
      id: `r${input.round}-${randomUUID().slice(0, 8)}`,
      by,
      at: now.toISOString(),
    } as StewardDecision;
    await appendDecision(tx, seasonId, decision);
    await tx.query('SELECT pg_notify($1, $2)', [SEASONS_CHANNEL, seasonId]);
    return ok({ stored, decisions, decision });
  });
  if (!issued.ok) return issued;
  // Worked out after the lock is let go: the season and decisions are the ones it was checked against.
  const { stored, decisions, decision } = issued.value;
  const impact = decisionImpact(stored, [...decisions, decision], decision).map(describeChange);
  return ok({ decision, impact });
}

/** Publishes a round's results final, or reopens them as provisional, under the season's lock. */
export async function setResultsState(
  db: Sql,
  seasonId: string,
  round: number,
  state: ResultsState,
  by: string,
  now: Date,
): Promise<Result<ResultsStateChange, RaceControlRefusal>> {
  return withSeasonLock(db, seasonId, async (tx) => {
    const stored = await loadSeason(tx, seasonId);
    if (!stored) return err(noSeason(seasonId));
    if (!stored.races.some((r) => r.round === round)) {
      return err(refusal('not-found', `round ${round} has no results`));
    }
    const change = { round, state, by, at: now.toISOString() };
    await appendResultsState(tx, seasonId, change);
    await tx.query('SELECT pg_notify($1, $2)', [SEASONS_CHANNEL, seasonId]);
    return ok(change);
  });
}

/** A decision as the stewards, the API and the pages show it: with its effect, car by car, in words. */
export interface DecisionWithImpact {
  readonly decision: StewardDecision;
  /** `#26 LMP2: P1 → P3, 25 → 15 points`, one line per car whose place or points it changed. */
  readonly impact: readonly string[];
}

/**
 * The season's decisions in the order issued (of one round, when given), each with its
 * before/after: every decision's effect folded once over the list (linear in its length), from
 * the season as imported.
 */
export function decisionsWithImpact(
  imported: Season,
  decisions: readonly StewardDecision[],
  round?: number,
): DecisionWithImpact[] {
  const impacts = decisionImpacts(imported, decisions);
  return decisions
    .filter((d) => round === undefined || d.round === round)
    .map((decision) => ({ decision, impact: (impacts.get(decision.id) ?? []).map(describeChange) }));
}

export { listDecisions, listResultsStates };
