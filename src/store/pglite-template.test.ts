import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { openPglite, prepareEmbeddedTemplate } from './database.ts';
import { prepareDataDir, templatePath } from './pglite-template.ts';
import { migrate, migrations } from './migrate.ts';

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

/** Every file under `dir` with its size, by path relative to `dir`. */
async function files(dir: string, under = dir, into: string[] = []): Promise<string[]> {
  for (const entry of await readdir(under, { withFileTypes: true })) {
    const path = join(under, entry.name);
    if (entry.isDirectory()) await files(dir, path, into);
    else into.push(`${relative(dir, path)} ${(await stat(path)).size}`);
  }
  return into.sort();
}

test('a new folder holds every file of the template, folders within folders', async () => {
  assert.equal(await prepareEmbeddedTemplate(), true);
  const dir = join(root, 'copied');
  await prepareDataDir(dir, []);
  const copied = await files(dir);
  assert.ok(copied.some((file) => file.startsWith(join('base', '1', ''))));
  assert.deepEqual(copied, await files(templatePath()));
});

test('a new folder has every migration applied already, and its template is named by them', async () => {
  const dir = join(root, 'migrated');
  const db = await openPglite(dir, 'test');
  try {
    const applied = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    assert.deepEqual(
      applied.map((row) => row.name),
      migrations().map((m) => m.name),
    );
    assert.deepEqual(await migrate(db), [], 'nothing left to apply');
  } finally {
    await db.close();
  }
  assert.match(templatePath(), /pglite-\d+\.\d+\.\d+-[0-9a-f]{12}$/);
});

test('npm install prepares the command and the template (bin/prepare.js), and says so', async () => {
  const script = new URL('../../bin/prepare.js', import.meta.url).pathname;
  const { stdout } = await promisify(execFile)(process.execPath, [script]);
  assert.match(stdout, /^pitwall: command bundled; embedded database template ready\n$/);
});
