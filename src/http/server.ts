import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import pino from 'pino';
import type { Office } from '../app/office.ts';
import { openOffice } from '../app/office.ts';
import { openDatabase } from '../store/database.ts';
import type { Database } from '../store/database.ts';
import { createHttpParts } from './app.ts';
import { fastPath } from './fast-path.ts';

export const BUNDLED_SEASON = new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url);

export interface ServerOptions {
  readonly port: number;
  readonly host?: string;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /** An open database to serve from instead (embedding, tests); it is closed when the server stops. */
  readonly database?: Database;
}

export interface RunningServer {
  readonly office: Office;
  readonly server: ReturnType<typeof createServer>;
  readonly url: string;
  stop(): Promise<void>;
}

/** Opens the database, loads the bundled season into an empty one, and serves the portal and API. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const db = options.database ?? (await openDatabase({ DATABASE_URL: options.databaseUrl }, options.dataDir));
  const office = await openOffice(db, {
    live: {
      ...(process.env.PITWALL_LIVE_INTERVAL_MS ? { intervalMs: Number(process.env.PITWALL_LIVE_INTERVAL_MS) } : {}),
      onError: (error) => logger.error({ err: error }, 'live feed: reading the store failed'),
    },
  });
  if ((await office.seasons()).length === 0) {
    const imported = await office.importSeasonFile(await readFile(BUNDLED_SEASON, 'utf8'), BUNDLED_SEASON.pathname);
    if (!imported.ok) throw new Error(`the bundled season does not validate: ${imported.error.length} problems`);
    logger.info({ season: imported.value.id }, 'empty database: loaded the bundled season');
  }
  // PITWALL_TRUST_PROXY=1: one reverse proxy in front sets X-Forwarded-For (docs/officials.md).
  const trustProxy = process.env.PITWALL_TRUST_PROXY === '1';
  const streams = new Set<ServerResponse>();
  const server = createServer(fastPath(createHttpParts(office, { logger, trustProxy }), office, streams));
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '0.0.0.0', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://localhost:${port}`;
  logger.info({ url, database: db.kind }, 'Pitwall is serving');
  return {
    office,
    server,
    url,
    stop: async () => {
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await office.close();
      logger.info('stopped');
    },
  };
}
