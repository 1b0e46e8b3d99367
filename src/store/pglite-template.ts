/**
 * A new embedded database folder, without initdb's cost staying in the process that opens it.
 * PGlite runs initdb in WebAssembly: seconds of work and a heap of several hundred megabytes that a
 * process never gives back. So initdb runs once per installation of PGlite, in a child process,
 * into a template folder (node_modules/.cache/pitwall/pglite-VERSION); each new database folder is
 * a copy of it. Where the cache cannot be written, the child runs initdb in the folder itself.
 * `npm install` makes the template (bin/prepare.js), so that even a first start does not wait for it.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** The file initdb writes last and PGlite looks for: a folder without it holds no database yet. */
const VERSION_FILE = 'PG_VERSION';

/** Runs in a plain `node` (no tsx): opens PGlite on the folder of argv[1], which runs initdb there. */
const INITDB = `
const { PGlite } = require(process.argv[1]);
const db = new PGlite({ dataDir: process.argv[2], startParams: JSON.parse(process.argv[3]) });
db.waitReady.then(() => db.close()).catch((error) => {
  process.stderr.write(String(error && error.message ? error.message : error));
  process.exit(1);
});
`;

async function initdb(dataDir: string, startParams: readonly string[]): Promise<void> {
  const entry = require.resolve('@electric-sql/pglite');
  try {
    await run(process.execPath, ['--liftoff-only', '-e', INITDB, entry, dataDir, JSON.stringify(startParams)]);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`cannot create the embedded database in ${dataDir}: ${stderr || String(error)}`, { cause: error });
  }
}

/** node_modules/.cache/pitwall/pglite-VERSION: cleared with the installation it was made by. */
export function templatePath(): string {
  const root = dirname(dirname(require.resolve('@electric-sql/pglite')));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return join(root, '..', '..', '.cache', 'pitwall', `pglite-${version}`);
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
    return existsSync(join(path, VERSION_FILE)) ? path : undefined;
  } catch {
    return undefined;
  } finally {
    await rm(making, { recursive: true, force: true });
  }
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
