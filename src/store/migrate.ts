import { readdirSync, readFileSync } from 'node:fs';
import type { Sql } from './database.ts';

const MIGRATIONS = new URL('./migrations/', import.meta.url);

/**
 * Held (for a transaction) by whoever changes the schema or fills an empty database, so that two
 * servers starting at once on one PostgreSQL do it once, one after the other.
 */
export async function lockSchema(tx: Sql): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(7131977)');
}

/** The table that records which migrations were applied. */
export const MIGRATIONS_TABLE =
  'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())';
/** Records one migration as applied (its name the parameter). */
export const RECORD_MIGRATION = 'INSERT INTO schema_migrations (name) VALUES ($1)';

export interface Migration {
  readonly name: string;
  readonly sql: string;
}

/** The migrations, in the order they apply (file-name order): a few small files, read at once. */
export function migrations(): Migration[] {
  return readdirSync(MIGRATIONS)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(new URL(name, MIGRATIONS), 'utf8') }));
}

/**
 * Applies the plain SQL migrations not applied yet, in file-name order, in one transaction.
 * An advisory lock keeps two servers starting at once on one PostgreSQL from racing. A new
 * embedded database has them all already: its template was made with them (./pglite-template.ts).
 */
export async function migrate(db: Sql): Promise<string[]> {
  const all = migrations();
  return db.transaction(async (tx) => {
    await lockSchema(tx);
    await tx.query(MIGRATIONS_TABLE);
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    const applied: string[] = [];
    for (const { name, sql } of all.filter((m) => !done.has(m.name))) {
      await tx.exec(sql);
      await tx.query(RECORD_MIGRATION, [name]);
      applied.push(name);
    }
    return applied;
  });
}
