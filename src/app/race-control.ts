import { randomUUID } from 'node:crypto';
import type { Race, Season } from '../domain/season.ts';
import type { StewardDecision } from '../domain/decisions.ts';
import { DECISION_KINDS, seasonWithDecisions } from '../domain/decisions.ts';
import { decisionImpact, describeChange } from '../domain/decision-impact.ts';
import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import type { Database } from '../store/database.ts';
import type { ResultsState, ResultsStateChange } from '../store/decisions.ts';
import { appendDecision, appendResultsState, listDecisions, listResultsStates } from '../store/decisions.ts';
import { raceRecordedTimes, SEASONS_CHANNEL } from '../store/seasons.ts';

/** A decision as an official enters it: the office adds its id, author and time. */
export type DecisionInput = StewardDecision extends infer D
  ? D extends StewardDecision
    ? Omit<D, 'id' | 'by' | 'at'>
    : never
  : never;

export interface RaceControlProblem {
  readonly code: 'not-found' | 'invalid';
  readonly message: string;
}

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

/** Checks a decision against the season: the round was raced, the car and class exist, a reversal names a decision. */
export function checkDecision(
  season: Season,
  decisions: readonly StewardDecision[],
  input: DecisionInput,
): RaceControlProblem | undefined {
  if (!(DECISION_KINDS as readonly string[]).includes(input.kind)) {
    return { code: 'invalid', message: `kind must be one of ${DECISION_KINDS.join(', ')}` };
  }
  if (!season.races.some((r) => r.round === input.round && r.classification)) {
    return { code: 'invalid', message: `round ${input.round} has no classification to decide on` };
  }
  if (!input.reason.trim()) return { code: 'invalid', message: 'a decision needs a reason' };
  if ('car' in input && input.car !== undefined && !season.entries.some((e) => e.car === input.car)) {
    return { code: 'invalid', message: `car "${input.car}" is not in the entry list` };
  }
  if (input.kind === 'time-penalty') {
    // Re-classifying by laps, then time, needs both for the penalised car.
    const line = season.races.find((r) => r.round === input.round)?.classification?.find((l) => l.car === input.car);
    if (line?.totalTimeMs === undefined || (input.laps && line.laps === undefined)) {
      return {
        code: 'invalid',
        message: `car "${input.car}" has no ${line?.totalTimeMs === undefined ? 'total time' : 'laps'} in round ${input.round}'s classification: import the timing classification first, or drop positions instead`,
      };
    }
  }
  if (input.kind === 'points-deduction' && !season.classes.some((c) => c.id === input.class)) {
    return { code: 'invalid', message: `class "${input.class}" is not in the season` };
  }
  if (input.kind === 'reversal' && !decisions.some((d) => d.id === input.reverses && d.kind !== 'reversal')) {
    return { code: 'invalid', message: `there is no decision "${input.reverses}" to reverse` };
  }
  return undefined;
}

export interface IssuedDecision {
  readonly decision: StewardDecision;
  /** Before/after, as the office reads it out: "#26 P2 → P1, +7 points". */
  readonly impact: readonly string[];
}

/** Records a decision (append-only) and tells every server that the season changed. */
export async function issueDecision(
  db: Database,
  stored: Season,
  input: DecisionInput,
  by: string,
  now: Date,
): Promise<Result<IssuedDecision, RaceControlProblem>> {
  const decisions = await listDecisions(db, stored.id);
  const problem = checkDecision(stored, decisions, input);
  if (problem) return err(problem);
  const decision = {
    ...input,
    id: `r${input.round}-${randomUUID().slice(0, 8)}`,
    by,
    at: now.toISOString(),
  } as StewardDecision;
  await db.transaction(async (tx) => {
    await appendDecision(tx, stored.id, decision);
    await tx.query('SELECT pg_notify($1, $2)', [SEASONS_CHANNEL, stored.id]);
  });
  const impact = decisionImpact(stored, [...decisions, decision], decision).map(describeChange);
  return ok({ decision, impact });
}

/** Publishes a round's results final, or reopens them as provisional. */
export async function setResultsState(
  db: Database,
  stored: Season,
  round: number,
  state: ResultsState,
  by: string,
  now: Date,
): Promise<Result<ResultsStateChange, RaceControlProblem>> {
  if (!stored.races.some((r) => r.round === round)) {
    return err({ code: 'not-found', message: `round ${round} has no results` });
  }
  const change = { round, state, by, at: now.toISOString() };
  await db.transaction(async (tx) => {
    await appendResultsState(tx, stored.id, change);
    await tx.query('SELECT pg_notify($1, $2)', [SEASONS_CHANNEL, stored.id]);
  });
  return ok(change);
}

export { listDecisions, listResultsStates };
