import type { Entry } from '../domain/season.ts';
import type { Sql } from './database.ts';

/**
 * What changed the entry list: one of race control's changes (domain/entry-list.ts), or
 * `timing-crew`, the crew changes an officer confirmed on importing a timing file.
 */
export type EntryListChangeKind =
  'add-entry' | 'entry-details' | 'team-name' | 'crew' | 'driver' | 'withdraw' | 'timing-crew';

/** A change of the entry list, as the audit trail keeps it: who, when, what, and each entry before and after. */
export interface EntryListChange {
  readonly kind: EntryListChangeKind;
  /** In words: `#22 from round 3: A, B; joining: B`. */
  readonly summary: string;
  /** What was asked (the request, or the timing file and round). */
  readonly request: unknown;
  /** Each entry changed, as it was (`null`: added) and as it became. */
  readonly entries: readonly { readonly car: string; readonly before: Entry | null; readonly after: Entry | null }[];
  readonly by: string;
  /** ISO 8601 */
  readonly at: string;
}

interface Row {
  kind: EntryListChangeKind;
  summary: string;
  details: { request: unknown; entries: EntryListChange['entries'] };
  changed_by: string;
  changed_at: Date | string;
}

export async function appendEntryListChange(tx: Sql, seasonId: string, change: EntryListChange): Promise<void> {
  await tx.query(
    'INSERT INTO entry_list_changes (season_id, kind, summary, details, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      seasonId,
      change.kind,
      change.summary,
      JSON.stringify({ request: change.request, entries: change.entries }),
      change.by,
      change.at,
    ],
  );
}

/** A season's entry-list changes, oldest first. */
export async function listEntryListChanges(db: Sql, seasonId: string): Promise<EntryListChange[]> {
  const rows = await db.query<Row>(
    'SELECT kind, summary, details, changed_by, changed_at FROM entry_list_changes WHERE season_id = $1 ORDER BY seq',
    [seasonId],
  );
  return rows.map((r) => ({
    kind: r.kind,
    summary: r.summary,
    request: r.details.request,
    entries: r.details.entries,
    by: r.changed_by,
    at: new Date(r.changed_at).toISOString(),
  }));
}
