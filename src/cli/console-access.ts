import type { Console } from '../app/console.ts';
import type { Fail } from './user-error.ts';
import type { DatabaseOwner } from '../store/data-dir-lock.ts';
import { describeOwner, LockUnreadable, ownerOf } from '../store/data-dir-lock.ts';
import { dataDir } from './environment.ts';
import { serverConsole, ServerRefused } from './server-console.ts';

/** How long a command waits for a server that is still starting, or for another command to end. */
const WAIT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ConsoleAccessOptions {
  /** Ends the command with these lines on stderr and exit code 1. */
  readonly fail: Fail;
  readonly env?: NodeJS.ProcessEnv;
  /** How long to wait for a server still starting or another command to end: a minute. */
  readonly waitMs?: number;
}

/**
 * Runs `work` on the office's console use-cases. With `DATABASE_URL`, on that server (several
 * processes share it well). Otherwise on the embedded database, which one process owns at a time:
 * opened here when nobody holds it; when `pitwall serve` does, sent to that server, so what this
 * command does is served at once; when another command does, after it ends.
 */
export async function withConsole<T>(
  command: string,
  work: (console: Console) => Promise<T>,
  { fail, env = process.env, waitMs = WAIT_MS }: ConsoleAccessOptions,
): Promise<T> {
  const dir = dataDir(env);
  const deadline = Date.now() + waitMs;
  try {
    for (;;) {
      // A server that serves already: go to it without loading the database code at all.
      const serving = env.DATABASE_URL ? undefined : await ownerOf(dir);
      if (serving?.command === 'serve' && serving.url) {
        return await work(serverConsole(serving.url, serving.consoleSecret, describeOwner(serving)));
      }
      const direct = await openDirect(command, dir, env);
      if (direct.ok) {
        try {
          return await work(direct.console);
        } finally {
          await direct.close();
        }
      }
      const owner = direct.owner;
      if (owner.command === 'serve' && owner.url) {
        return await work(serverConsole(owner.url, owner.consoleSecret, describeOwner(owner)));
      }
      if (Date.now() > deadline) {
        fail(
          [
            owner.command === 'serve'
              ? `the database in ${dir} is held by ${describeOwner(owner)}, which has not started serving: nothing changed`
              : `the database in ${dir} is in use by ${describeOwner(owner)}; try again when it ends: nothing changed`,
          ],
          'database-in-use',
        );
      }
      // A server still loading (it announces its URL once it serves), or a command about to end.
      await sleep(250);
    }
  } catch (error) {
    if (error instanceof ServerRefused || error instanceof LockUnreadable) fail([error.message]);
    throw error;
  }
}

type Direct = { ok: true; console: Console; close: () => Promise<void> } | { ok: false; owner: DatabaseOwner };

async function openDirect(command: string, dir: string, env: NodeJS.ProcessEnv): Promise<Direct> {
  const [{ openOffice }, { openOfficials }, { openConsole }, { DatabaseInUse, openDatabase }] = await Promise.all([
    import('../app/office.ts'),
    import('../app/officials.ts'),
    import('../app/console.ts'),
    import('../store/database.ts'),
  ]);
  try {
    const db = await openDatabase(env, dir, command);
    const office = await openOffice(db);
    return { ok: true, console: openConsole(office, openOfficials(db)), close: () => office.close() };
  } catch (error) {
    if (error instanceof DatabaseInUse) return { ok: false, owner: error.owner };
    throw error;
  }
}
