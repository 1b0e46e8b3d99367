/**
 * One process owns an embedded database at a time. PGlite runs PostgreSQL inside the process, with
 * no server to arbitrate: two processes opening the same folder corrupt it. The owner keeps
 * `pitwall.lock` in the folder (who it is, and for a server its URL and a console secret); anyone
 * else reads it and either goes through that server or says who holds the database.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'pitwall.lock';

/** What the lock file says of its holder. */
export interface DatabaseOwner {
  readonly pid: number;
  readonly hostname: string;
  /** `serve`, `import`, … : what the holder is doing, for the message of whoever is refused. */
  readonly command: string;
  readonly startedAt: string;
  /** The kernel's start time of the process, so a pid reused after a restart is not taken for the holder. */
  readonly processStart?: string;
  /** A server's address for the `pitwall` command, once it listens. */
  readonly url?: string;
  /** Admits the `pitwall` command to the server's console routes; only who can read the folder has it. */
  readonly consoleSecret: string;
}

export interface DataDirLock {
  readonly owner: DatabaseOwner;
  /** Tells the `pitwall` command where the server listens. */
  announce(url: string): Promise<void>;
  release(): Promise<void>;
}

export type LockOutcome =
  { readonly ok: true; readonly lock: DataDirLock } | { readonly ok: false; readonly owner: DatabaseOwner };

/** Linux's start time of a process (field 22 of /proc/PID/stat), or undefined elsewhere. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isAlive(owner: DatabaseOwner): boolean {
  // Another machine's process (a shared folder) cannot be checked from here: assume it is alive.
  if (owner.hostname !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const start = processStart(owner.pid);
  return owner.processStart === undefined || start === undefined || start === owner.processStart;
}

function parseOwner(text: string): DatabaseOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<DatabaseOwner>;
    return typeof value.pid === 'number' && typeof value.consoleSecret === 'string'
      ? (value as DatabaseOwner)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The lock file exists but cannot be read (another user's database): nobody can tell who holds it. */
export class LockUnreadable extends Error {
  constructor(
    readonly path: string,
    code: string | undefined,
  ) {
    super(`cannot read ${path} (${code ?? 'unknown error'}): is this database another user's?`);
  }
}

/** The file's text, undefined when there is none. */
async function readLock(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new LockUnreadable(path, code);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The live holder of the folder's database, or undefined when nobody holds it (a lock left by a
 * process that died is not a holder).
 */
export async function ownerOf(dir: string): Promise<DatabaseOwner | undefined> {
  const text = await readLock(join(dir, LOCK_FILE));
  const owner = text === undefined ? undefined : parseOwner(text);
  return owner && isAlive(owner) ? owner : undefined;
}

/**
 * Takes the folder's database for this process, or tells who holds it. A lock whose process is
 * gone (killed, crashed, the machine restarted) is cleared and taken.
 */
export async function lockDataDir(dir: string, command: string): Promise<LockOutcome> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: DatabaseOwner = {
    pid: process.pid,
    hostname: hostname(),
    command,
    startedAt: new Date().toISOString(),
    ...(processStart(process.pid) === undefined ? {} : { processStart: processStart(process.pid) }),
    consoleSecret: randomBytes(32).toString('base64url'),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      // 'wx' creates the file only if it does not exist: of two processes, exactly one gets it.
      // 0600: the console secret is for whoever may read the database itself.
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(me));
      } finally {
        await handle.close();
      }
      return { ok: true, lock: heldLock(path, me) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = await readLock(path);
    if (text === undefined) continue; // released in between: try again
    const owner = parseOwner(text);
    // An empty or half-written file: its writer is between open and write. Give it a moment.
    if (!owner && attempt < 20) {
      await sleep(50);
      continue;
    }
    if (owner && isAlive(owner)) return { ok: false, owner };
    // Stale. Cleared only if it is still the file we judged, so a lock just taken is never removed.
    const again = await readLock(path);
    if (again === text) await unlink(path).catch(() => undefined);
  }
}

function heldLock(path: string, initial: DatabaseOwner): DataDirLock {
  let owner = initial;
  let held = true;
  // A process that ends without release() (an uncaught error, process.exit) still frees the folder.
  const onExit = () => {
    if (held) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', onExit);
  return {
    get owner() {
      return owner;
    },
    announce: async (url) => {
      owner = { ...owner, url };
      // Written aside and renamed over, so a reader never sees half a file.
      const next = `${path}.${process.pid}`;
      await writeFile(next, JSON.stringify(owner), { mode: 0o600 });
      await rename(next, path);
    },
    release: async () => {
      if (!held) return;
      held = false;
      process.off('exit', onExit);
      await unlink(path).catch(() => undefined);
    },
  };
}

/** "pitwall serve (pid 4242, http://127.0.0.1:3000)": who holds the database, for a refusal. */
export function describeOwner(owner: DatabaseOwner): string {
  const where = owner.hostname === hostname() ? '' : ` on ${owner.hostname}`;
  return `pitwall ${owner.command} (pid ${owner.pid}${where}${owner.url ? `, ${owner.url}` : ''})`;
}
