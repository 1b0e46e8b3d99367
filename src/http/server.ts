import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import pino from 'pino';
import type { Logger } from 'pino';
import type { Office } from '../app/office.ts';
import { DatabaseInUse, openDatabase } from '../store/database.ts';
import type { Database } from '../store/database.ts';
import { listSeasonIds } from '../store/seasons.ts';
import { fastPath, storedFinder } from './fast-path.ts';
import type { FindStored } from './fast-path.ts';
import { answerHitsOnConnections, sharedReadBufferAvailable } from './connection-fast-path.ts';
import { directSendAvailable } from './direct-send.ts';
import { ERROR_SERIALIZERS } from './error-log.ts';

export const BUNDLED_SEASON = new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url);

export interface ServerOptions {
  readonly port: number;
  /** The address to listen on: 127.0.0.1 unless said (HOST=0.0.0.0 serves the network). */
  readonly host?: string;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /** An open database to serve from instead (embedding, tests); it is closed when the server stops. */
  readonly database?: Database;
  /** The address the public reaches the portal at (PUBLIC_URL), for links that must be absolute. */
  readonly publicUrl?: string;
}

export interface RunningServer {
  readonly office: Office;
  readonly server: ReturnType<typeof createServer>;
  readonly url: string;
  stop(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';

/** The server cannot start, for a reason its operator can fix: said in one line, no stack trace. */
export class CannotServe extends Error {
  constructor(
    message: string,
    /** `database-in-use` when another process holds the embedded database. */
    readonly code: 'bad-request' | 'database-in-use' = 'bad-request',
  ) {
    super(message);
  }
}

/** Binds the port first, so that a port in use is said at once, not after the database has loaded. */
async function listen(server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      server.off('listening', listening);
      if (error.code === 'EADDRINUSE') reject(new CannotServe(`port ${port} is in use on ${host}; set PORT`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new CannotServe(`cannot listen on ${host}: no such address here; set HOST`));
      } else if (error.code === 'EACCES') reject(new CannotServe(`not allowed to listen on port ${port}; set PORT`));
      else reject(error);
    };
    const listening = () => {
      server.off('error', failed);
      resolve();
    };
    server.once('error', failed);
    server.once('listening', listening);
    server.listen(port, host);
  });
}

const isLoopbackOrAny = (host: string) => ['0.0.0.0', '::', '', '127.0.0.1', '::1', 'localhost'].includes(host);
const urlHost = (host: string) => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/** How a process on this machine reaches a server listening on `host`. */
function localUrl(host: string, port: number): string {
  const loopback = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '[::1]' : host;
  return `http://${loopback.includes(':') && !loopback.startsWith('[') ? `[${loopback}]` : loopback}:${port}`;
}

/**
 * Listens, opens the database (an embedded one is this process's alone from then on), loads the
 * bundled season into an empty one, and serves the portal and API. Requests that arrive while the
 * database opens wait for it.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // Errors logged without the values a request sent (error-log.ts), here as in the app.
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', serializers: ERROR_SERIALIZERS });
  const host = options.host ?? DEFAULT_HOST;
  type Handler = (req: IncomingMessage, res: ServerResponse) => void;
  const serving: { handle?: Handler; findStored?: FindStored } = {};
  let opened: (handle: Handler) => void = () => undefined;
  const opening = new Promise<Handler>((resolve) => (opened = resolve));
  const server = createServer((req, res) => {
    if (serving.handle) serving.handle(req, res);
    else void opening.then((handle) => handle(req, res));
  });
  const connections = answerHitsOnConnections(server, () => serving.findStored);
  await listen(server, options.port, host);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  try {
    return await serve(
      server,
      options,
      host,
      port,
      logger,
      (handle, findStored) => {
        serving.handle = handle;
        serving.findStored = findStored;
        opened(handle);
      },
      () => connections.closeIdle(),
    );
  } catch (error) {
    server.close();
    if (error instanceof DatabaseInUse) {
      throw new CannotServe(
        `${error.message}: stop it first, or give this server another PITWALL_DATA`,
        'database-in-use',
      );
    }
    throw error;
  }
}

async function serve(
  server: Server,
  options: ServerOptions,
  host: string,
  port: number,
  logger: Logger,
  ready: (handle: (req: IncomingMessage, res: ServerResponse) => void, findStored: FindStored) => void,
  /** Closes the idle connections the connection fast path still holds. */
  closeIdle: () => void,
): Promise<RunningServer> {
  // The office, the portal and the API load while the database opens: a second of modules, on
  // the other core. Awaited below; a failure to open the database is reported first.
  const offices = import('../app/office.ts');
  const http = import('./app.ts');
  offices.catch(() => undefined);
  http.catch(() => undefined);
  const db = options.database ?? (await openDatabase({ DATABASE_URL: options.databaseUrl }, options.dataDir, 'serve'));
  const { openOffice } = await offices;
  const office = await openOffice(db, {
    live: {
      ...(process.env.PITWALL_LIVE_INTERVAL_MS ? { intervalMs: Number(process.env.PITWALL_LIVE_INTERVAL_MS) } : {}),
      onError: (error) => logger.error({ err: error }, 'live feed: reading the store failed'),
    },
  });
  // Read and checked only for a database that looks empty; importIntoEmpty decides under its lock.
  if ((await listSeasonIds(db)).length === 0) {
    const imported = await office.importIntoEmpty(await readFile(BUNDLED_SEASON, 'utf8'), BUNDLED_SEASON.pathname);
    if (!imported.ok) throw new Error(`the bundled season does not validate: ${imported.error.length} problems`);
    if (imported.value) logger.info({ season: imported.value.id }, 'empty database: loaded the bundled season');
  }

  // PITWALL_TRUST_PROXY=1: one reverse proxy in front sets X-Forwarded-For (docs/officials.md).
  const trustProxy = process.env.PITWALL_TRUST_PROXY === '1';
  const streams = new Set<ServerResponse>();
  const consoleSecret = db.lock?.owner.consoleSecret;
  const { createHttpParts } = await http;
  const parts = createHttpParts(office, {
    logger,
    trustProxy,
    ...(consoleSecret ? { consoleSecret } : {}),
    // Without PUBLIC_URL, the API page's curl lines name this server as this machine reaches it.
    publicUrl: options.publicUrl ?? `http://${isLoopbackOrAny(host) ? 'localhost' : urlHost(host)}:${port}`,
  });
  const findStored = storedFinder(parts, office);
  // Loads koffi now rather than on the first response sent directly (./direct-send.ts).
  const directSend = directSendAvailable();
  ready(fastPath(parts, office, streams, findStored), findStored);
  const url = localUrl(host, port);
  await db.lock?.announce(url);
  logger.info(
    { url, host, database: db.kind, directSend, sharedReadBuffer: sharedReadBufferAvailable() },
    'Pitwall is serving',
  );
  return {
    office,
    server,
    url,
    stop: async () => {
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        closeIdle();
      });
      await office.close();
      logger.info('stopped');
    },
  };
}
