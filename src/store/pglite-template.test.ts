import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from './database.ts';

let root: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'pitwall-template-'));
});
after(() => rm(root, { recursive: true, force: true }));

/** Writes a row, closes, reopens and reads it back: a database that really persists. */
async function roundTrip(dir: string): Promise<void> {
  const db = await openPglite(dir, 'test');
  await db.exec('CREATE TABLE lap (car text PRIMARY KEY, lap int NOT NULL)');
  await db.query('INSERT INTO lap VALUES ($1, $2)', ['#26', 3]);
  assert.equal(
    (await db.query<{ setting: string }>("SELECT current_setting('shared_buffers') AS setting"))[0]?.setting,
    '16MB',
  );
  await db.close();
  const again = await openPglite(dir, 'test');
  assert.deepEqual(await again.query('SELECT car, lap FROM lap'), [{ car: '#26', lap: 3 }]);
  await again.close();
}

test('each new folder is a database of its own, with the settings for one user', async () => {
  const first = join(root, 'first');
  const second = join(root, 'second');
  await roundTrip(first);
  await roundTrip(second);
  // Copies, not links: the second folder's table is not the first's.
  const db = await openPglite(second, 'test');
  await db.query('UPDATE lap SET lap = 4');
  await db.close();
  const other = await openPglite(first, 'test');
  assert.deepEqual(await other.query('SELECT lap FROM lap'), [{ lap: 3 }]);
  await other.close();
});

test('a folder whose making was cut short (files but no PG_VERSION) is made whole', async () => {
  const dir = join(root, 'cut-short');
  await mkdir(join(dir, 'base'), { recursive: true });
  await writeFile(join(dir, 'base', 'half-written'), 'x');
  await roundTrip(dir);
  assert.equal(existsSync(join(dir, 'base', 'half-written')), false);
  assert.match(await readFile(join(dir, 'PG_VERSION'), 'utf8'), /^\d+/);
});
