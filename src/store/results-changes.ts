import type { Sql } from './database.ts';

/** A change race control made to a round's results, as the audit trail keeps it. */
export interface ResultsChange {
  readonly round: number;
  /** `poles`: the poles of the classes in `details` were set; `lap-analysis`: the round's race lap analysis was imported. */
  readonly kind: ResultsChangeKind;
  readonly details: unknown;
  readonly by: string;
  /** ISO 8601 */
  readonly at: string;
}

export type ResultsChangeKind = 'poles' | 'lap-analysis';

interface Row {
  round: number;
  kind: ResultsChangeKind;
  details: unknown;
  changed_by: string;
  changed_at: Date | string;
}

export async function appendResultsChange(tx: Sql, seasonId: string, change: ResultsChange): Promise<void> {
  await tx.query(
    'INSERT INTO results_changes (season_id, round, kind, details, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [seasonId, change.round, change.kind, JSON.stringify(change.details), change.by, change.at],
  );
}

/** A season's changes, oldest first. */
export async function listResultsChanges(db: Sql, seasonId: string): Promise<ResultsChange[]> {
  const rows = await db.query<Row>(
    'SELECT round, kind, details, changed_by, changed_at FROM results_changes WHERE season_id = $1 ORDER BY seq',
    [seasonId],
  );
  return rows.map((r) => ({
    round: r.round,
    kind: r.kind,
    details: r.details,
    by: r.changed_by,
    at: new Date(r.changed_at).toISOString(),
  }));
}
