import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/store/database.ts';
import { openPglite, openPostgres } from '../../src/store/database.ts';

/**
 * A fresh, empty database for one test file: a schema of its own on the PostgreSQL server of
 * `DATABASE_URL` (dropped by `close`), or an in-memory PGlite when it is not set.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openPglite();
  const schema = `pitwall_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = await openPostgres(url, { searchPath: schema });
  return {
    ...db,
    close: async () => {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

export const databaseKind = () => (process.env.DATABASE_URL ? 'postgres' : 'pglite');
