import { readdir, readFile } from 'node:fs/promises';
import type { Sql } from './database.ts';

const MIGRATIONS = new URL('./migrations/', import.meta.url);

/**
 * Held (for a transaction) by whoever changes the schema or fills an empty database, so that two
 * servers starting at once on one PostgreSQL do it once, one after the other.
 */
export async function lockSchema(tx: Sql): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(7131977)');
}

/**
 * Applies the plain SQL migrations not applied yet, in file-name order, in one transaction.
 * An advisory lock keeps two servers starting at once on one PostgreSQL from racing.
 */
export async function migrate(db: Sql): Promise<string[]> {
  const files = (await readdir(MIGRATIONS)).filter((f) => f.endsWith('.sql')).sort();
  return db.transaction(async (tx) => {
    await lockSchema(tx);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    const applied: string[] = [];
    for (const file of files.filter((f) => !done.has(f))) {
      const sql = await readFile(new URL(file, MIGRATIONS), 'utf8');
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      applied.push(file);
    }
    return applied;
  });
}
