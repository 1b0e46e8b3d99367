import { isStorableId } from './seasons.ts';
import type { StewardDecision } from '../domain/decisions.ts';
import type { Sql } from './database.ts';

interface DecisionRow {
  id: string;
  round: number;
  kind: StewardDecision['kind'];
  details: Record<string, unknown>;
  reason: string;
  regulation: string | null;
  issued_by: string;
  issued_at: Date | string;
}

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** Appends a decision; decisions are never changed or removed (a reversal is a decision too). */
export async function appendDecision(tx: Sql, seasonId: string, decision: StewardDecision): Promise<void> {
  const { id, round, kind, reason, regulation, by, at, ...details } = decision;
  await tx.query(
    `INSERT INTO steward_decisions (season_id, id, round, kind, details, reason, regulation, issued_by, issued_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [seasonId, id, round, kind, JSON.stringify(details), reason, regulation ?? null, by, at],
  );
}

/** Every decision of a season, in the order they were issued. */
export async function listDecisions(db: Sql, seasonId: string): Promise<StewardDecision[]> {
  if (!isStorableId(seasonId)) return [];
  const rows = await db.query<DecisionRow>(
    `SELECT id, round, kind, details, reason, regulation, issued_by, issued_at
     FROM steward_decisions WHERE season_id = $1 ORDER BY seq`,
    [seasonId],
  );
  return rows.map(
    (r) =>
      ({
        ...r.details,
        id: r.id,
        round: r.round,
        kind: r.kind,
        reason: r.reason,
        ...(r.regulation !== null ? { regulation: r.regulation } : {}),
        by: r.issued_by,
        at: iso(r.issued_at),
      }) as StewardDecision,
  );
}

export type ResultsState = 'provisional' | 'final';

export interface ResultsStateChange {
  readonly round: number;
  readonly state: ResultsState;
  readonly by: string;
  readonly at: string;
}

export async function appendResultsState(tx: Sql, seasonId: string, change: ResultsStateChange): Promise<void> {
  await tx.query(
    'INSERT INTO results_states (season_id, round, state, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5)',
    [seasonId, change.round, change.state, change.by, change.at],
  );
}

export async function listResultsStates(db: Sql, seasonId: string): Promise<ResultsStateChange[]> {
  if (!isStorableId(seasonId)) return [];
  const rows = await db.query<{ round: number; state: ResultsState; changed_by: string; changed_at: Date | string }>(
    'SELECT round, state, changed_by, changed_at FROM results_states WHERE season_id = $1 ORDER BY seq',
    [seasonId],
  );
  return rows.map((r) => ({ round: r.round, state: r.state, by: r.changed_by, at: iso(r.changed_at) }));
}
