/**
 * A new embedded database folder, without initdb's cost staying in the process that opens it.
 * PGlite runs initdb in WebAssembly: seconds of work and a heap of several hundred megabytes that a
 * process never gives back. So initdb runs once per installation of PGlite, in a child process,
 * into a template folder (node_modules/.cache/pitwall/pglite-VERSION-MIGRATIONS); each new database
 * folder is a copy of it. The child applies the migrations too, so that a first start finds them
 * done (a sixth of it); the folder is named by them, so that a new migration makes a new template.
 * Where the cache cannot be written, the child does the same in the folder itself.
 * `npm install` makes the template (bin/prepare.js), so that even a first start does not wait for it.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { migrations, MIGRATIONS_TABLE, RECORD_MIGRATION } from './migrate.ts';

const require = createRequire(import.meta.url);

/** The file initdb writes last and PGlite looks for: a folder without it holds no database yet. */
const VERSION_FILE = 'PG_VERSION';

/**
 * Runs in a plain `node` (no tsx): opens PGlite on the folder of argv[1], which runs initdb there,
 * then applies the migrations read from stdin as `migrate()` (./migrate.ts) would, in one transaction.
 */
const INITDB = `
const { PGlite } = require(process.argv[1]);
let input = '';
process.stdin.setEncoding('utf8').on('data', (chunk) => (input += chunk)).on('end', async () => {
  try {
    const { table, record, migrations } = JSON.parse(input);
    const db = new PGlite({ dataDir: process.argv[2], startParams: JSON.parse(process.argv[3]) });
    await db.waitReady;
    await db.transaction(async (tx) => {
      await tx.exec(table);
      for (const { name, sql } of migrations) {
        await tx.exec(sql);
        await tx.query(record, [name]);
      }
    });
    await db.close();
  } catch (error) {
    process.stderr.write(String(error && error.message ? error.message : error));
    process.exit(1);
  }
});
`;

async function initdb(dataDir: string, startParams: readonly string[]): Promise<void> {
  const entry = require.resolve('@electric-sql/pglite');
  await new Promise<void>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--liftoff-only', '-e', INITDB, entry, dataDir, JSON.stringify(startParams)],
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        const message = `cannot create the embedded database in ${dataDir}: ${stderr.trim() || error.message}`;
        reject(new Error(message, { cause: error }));
      },
    );
    child.stdin?.end(JSON.stringify({ table: MIGRATIONS_TABLE, record: RECORD_MIGRATION, migrations: migrations() }));
  });
}

/** What names a template: the migrations it holds, by name and content. */
function migrationsTag(): string {
  return createHash('sha256').update(JSON.stringify(migrations())).digest('hex').slice(0, 12);
}

/** node_modules/.cache/pitwall/pglite-VERSION-MIGRATIONS: cleared with the installation it was made by. */
export function templatePath(): string {
  const root = dirname(dirname(require.resolve('@electric-sql/pglite')));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return join(root, '..', '..', '.cache', 'pitwall', `pglite-${version}-${migrationsTag()}`);
}

/** The template folder, made now if there is none; undefined where the cache cannot be written. */
export async function template(startParams: readonly string[]): Promise<string | undefined> {
  const path = templatePath();
  if (existsSync(join(path, VERSION_FILE))) return path;
  const making = `${path}.${process.pid}-${Date.now()}`;
  try {
    await mkdir(making, { recursive: true });
    await initdb(making, startParams);
    // Two processes may make one at once: the first to rename wins, the other's copy is removed.
    await rename(making, path).catch(() => undefined);
    if (!existsSync(join(path, VERSION_FILE))) return undefined;
    await removeOtherTemplates(path);
    return path;
  } catch {
    return undefined;
  } finally {
    await rm(making, { recursive: true, force: true });
  }
}

/** Templates of other migrations or PGlite versions: never used again by this installation. */
async function removeOtherTemplates(path: string): Promise<void> {
  const folder = dirname(path);
  const others = (await readdir(folder)).filter(
    (name) => /^pglite-\d+\.\d+\.\d+(-[0-9a-f]+)?$/.test(name) && name !== basename(path),
  );
  await Promise.all(others.map((name) => rm(join(folder, name), { recursive: true, force: true })));
}

/**
 * Copies a folder's files many at once. `fs.cp` walks a tree one call after another: 0.6 s for
 * the template's ~1,000 files on a small server, a third of a first start; this takes 0.07 s.
 */
async function copyFolder(from: string, to: string, skip?: string): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries = await readdir(from, { withFileTypes: true });
  await Promise.all(
    entries
      .filter((entry) => entry.name !== skip)
      .map((entry) =>
        entry.isDirectory()
          ? copyFolder(join(from, entry.name), join(to, entry.name))
          : copyFile(join(from, entry.name), join(to, entry.name)),
      ),
  );
}

/**
 * Makes `dataDir` hold a database if it holds none. The version file is copied last, so a copy
 * cut short is found unfinished and made again next time.
 */
export async function prepareDataDir(dataDir: string, startParams: readonly string[]): Promise<void> {
  if (existsSync(join(dataDir, VERSION_FILE))) return;
  const from = await template(startParams);
  if (from === undefined) return initdb(dataDir, startParams);
  const entries = (await readdir(from)).filter((name) => name !== VERSION_FILE);
  await Promise.all(entries.map((name) => rm(join(dataDir, name), { recursive: true, force: true })));
  await copyFolder(from, dataDir, VERSION_FILE);
  await copyFile(join(from, VERSION_FILE), join(dataDir, VERSION_FILE));
}
