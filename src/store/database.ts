import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import type * as PgliteModule from '@electric-sql/pglite';
import type { PGlite } from '@electric-sql/pglite';
import type PgModule from 'pg';
import type { Notification, Pool, PoolClient } from 'pg';
import type { DatabaseOwner, DataDirLock } from './data-dir-lock.ts';
import { describeOwner, lockDataDir } from './data-dir-lock.ts';
import { prepareDataDir, template } from './pglite-template.ts';

/** The little the store needs of a database: parameterised queries and transactions. */
export interface Sql {
  query<Row extends object>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /** Runs `work` in one transaction: everything it wrote is committed, or nothing is. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Calls `onNotify` for each NOTIFY on `channel`, from any connection or server; returns unlisten. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** An embedded database in a folder is this process's alone while open (data-dir-lock.ts). */
  readonly lock?: DataDirLock;
  close(): Promise<void>;
}

/** The embedded database's folder is open in another process: what to tell the user. */
export class DatabaseInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: DatabaseOwner,
  ) {
    super(`the database in ${dataDir} is open in ${describeOwner(owner)}`);
  }
}

const require = createRequire(import.meta.url);

/**
 * PGlite's CommonJS build, loaded when first opened. Through `require` it bypasses tsx's ESM hooks,
 * which rewrite its dynamic imports with source maps: 40 MB and 0.2 s more per process.
 */
function pglite(): typeof PgliteModule {
  // V8 compiles PostgreSQL's 9 MB of WASM with its baseline compiler and then again, function by
  // function, with its optimising one: the second copy costs 60 MB and competes for the CPU at start,
  // while what Pitwall asks of the database is small. Read when a WASM module is compiled.
  setFlagsFromString('--liftoff-only');
  return require('@electric-sql/pglite') as typeof PgliteModule;
}

/** The `pg` driver, loaded when first used: a command on the embedded database never needs it. */
function postgresDriver(): typeof PgModule {
  const pg = require('pg') as typeof PgModule;
  // `bigint` columns come back as strings from `pg` and as numbers from PGlite: read both as numbers.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  return pg;
}

/**
 * PostgreSQL's memory settings for one embedded user: the defaults are sized for a server of many
 * connections (128 MB of shared buffers alone), and the WASM heap never gives memory back. A season
 * is a few megabytes, so 16 MB of buffers holds all of it; work memory is taken per sort, as needed.
 */
export const PGLITE_SETTINGS: readonly string[] = [
  'shared_buffers=16MB',
  'wal_buffers=1MB',
  'temp_buffers=1MB',
  'maintenance_work_mem=16MB',
  'max_connections=5',
];

const pgliteStartParams = (pgliteClass: typeof PGlite): string[] => [
  ...pgliteClass.defaultStartParams,
  ...PGLITE_SETTINGS.flatMap((setting) => ['-c', setting]),
];

/** Makes the folder new embedded databases are copied from (./pglite-template.ts); false where it cannot. */
export async function prepareEmbeddedTemplate(): Promise<boolean> {
  const { PGlite } = pglite();
  return (await template(pgliteStartParams(PGlite))) !== undefined;
}

/**
 * Embedded PostgreSQL (PGlite): a data folder, or in memory when `dataDir` is undefined. A folder
 * is locked for this process until `close()`; held by another, this throws `DatabaseInUse`.
 * `command` names this process in the lock (`serve`, `import`, …).
 */
export async function openPglite(dataDir?: string, command = 'process'): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (dataDir !== undefined) {
    const taken = await lockDataDir(dataDir, command);
    if (!taken.ok) throw new DatabaseInUse(dataDir, taken.owner);
    lock = taken.lock;
  }
  let db: PGlite;
  try {
    const { PGlite } = pglite();
    const startParams = pgliteStartParams(PGlite);
    if (dataDir !== undefined) await prepareDataDir(dataDir, startParams);
    db = new PGlite({ dataDir, startParams });
    await db.waitReady;
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    query: async <Row extends object>(text: string, params?: readonly unknown[]) =>
      (await q.query<Row>(text, params ? [...params] : undefined)).rows,
    exec: async (script) => {
      await q.exec(script);
    },
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    listen: (channel, onNotify) => db.listen(channel, onNotify),
    ...(lock ? { lock } : {}),
    close: async () => {
      try {
        await db.close();
      } finally {
        await lock?.release();
      }
    },
  };
}

/** A PostgreSQL server, e.g. `postgres://postgres@127.0.0.1:5432/pitwall`. */
export async function openPostgres(url: string, options: { searchPath?: string } = {}): Promise<Database> {
  const pg = postgresDriver();
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  await pool.query('SELECT 1');
  const query = async <Row extends object>(client: Pool | PoolClient, text: string, params?: readonly unknown[]) =>
    (await client.query<Row>(text, params ? [...params] : undefined)).rows;
  return {
    kind: 'postgres',
    query: (text, params) => query(pool, text, params),
    exec: async (script) => {
      await pool.query(script);
    },
    transaction: async (work) => {
      const client = await pool.connect();
      // One connection runs one query at a time: queries a use-case starts together (Promise.all)
      // wait their turn here, as pg would otherwise do with a deprecation warning (an error in pg 9).
      let turn: Promise<unknown> = Promise.resolve();
      const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
        const next = turn.then(run, run);
        turn = next.catch(() => undefined);
        return next;
      };
      try {
        await client.query('BEGIN');
        const tx: Sql = {
          query: (text, params) => inTurn(() => query(client, text, params)),
          exec: (script) =>
            inTurn(async () => {
              await client.query(script);
            }),
          transaction: (inner) => inner(tx),
        };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    listen: async (channel, onNotify) => {
      // LISTEN needs a connection of its own for as long as it listens.
      const client = await pool.connect();
      const handler = (message: Notification) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      };
      client.on('notification', handler);
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        client.off('notification', handler);
        await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`);
        client.release();
      };
    },
    close: () => pool.end(),
  };
}

/** `DATABASE_URL` when set, otherwise PGlite in `dataDir` (locked for `command`). */
export function openDatabase(
  env: { DATABASE_URL?: string | undefined },
  dataDir: string,
  command?: string,
): Promise<Database> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(dataDir, command);
}
