/**
 * Two servers starting at once on one empty PostgreSQL both load the bundled season: under the
 * schema lock, one imports it and the other finds it there (without the lock, the second insert
 * failed on seasons_pkey and crashed its server).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openOffice } from './office.ts';
import { openTestDatabase } from '../../test/support/database.ts';
import { openPostgres } from '../store/database.ts';
import type { Office } from './office.ts';

const BUNDLED = new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url);

test('servers starting together on an empty database import the bundled season once', async () => {
  const text = await readFile(BUNDLED, 'utf8');
  const db = await openTestDatabase();
  // On PostgreSQL, each "server" has a pool of its own on the same schema, as two processes would.
  const searchPath =
    db.kind === 'postgres' ? (await db.query<{ s: string }>('SELECT current_schema() AS s'))[0]?.s : '';
  const others: Office[] = [];
  try {
    const pools =
      db.kind === 'postgres' && process.env.DATABASE_URL && searchPath
        ? await Promise.all([1, 2, 3].map(() => openPostgres(process.env.DATABASE_URL ?? '', { searchPath })))
        : [db, db, db];
    const offices = await Promise.all(pools.map((pool) => openOffice(pool)));
    others.push(...offices.filter((_, i) => pools[i] !== db));
    const results = await Promise.all(offices.map((office) => office.importIntoEmpty(text, 'alms-2019-20.yaml')));
    for (const result of results) assert.ok(result.ok, 'no server fails');
    const loaded = results.filter((r) => r.ok && r.value !== undefined);
    assert.equal(loaded.length, 1, 'exactly one server imported it');
    assert.deepEqual(
      (await db.query<{ id: string }>('SELECT id FROM seasons')).map((r) => r.id),
      ['alms-2019-20'],
    );
    // A database with a season is left alone, whatever the file says.
    const again = await offices[0]!.importIntoEmpty(text.replace('id: alms-2019-20', 'id: other'), 'other.yaml');
    assert.deepEqual(again, { ok: true, value: undefined });
  } finally {
    for (const other of others) await other.close();
    await db.close();
  }
});
