import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { readFile } from 'node:fs/promises';
import pino from 'pino';
import type { Office } from '../app/office.ts';
import { openOffice } from '../app/office.ts';
import { openDatabase } from '../store/database.ts';
import { createHttpApp } from './app.ts';

export const BUNDLED_SEASON = new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url);

export interface ServerOptions {
  readonly port: number;
  readonly host?: string;
  readonly dataDir: string;
  readonly databaseUrl?: string;
}

export interface RunningServer {
  readonly office: Office;
  readonly server: ServerType;
  readonly url: string;
  stop(): Promise<void>;
}

/** Opens the database, loads the bundled season into an empty one, and serves the portal and API. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const db = await openDatabase({ DATABASE_URL: options.databaseUrl }, options.dataDir);
  const office = await openOffice(db);
  if ((await office.seasons()).length === 0) {
    const imported = await office.importSeasonFile(await readFile(BUNDLED_SEASON, 'utf8'), BUNDLED_SEASON.pathname);
    if (!imported.ok) throw new Error(`the bundled season does not validate: ${imported.error.length} problems`);
    logger.info({ season: imported.value.id }, 'empty database: loaded the bundled season');
  }
  const app = createHttpApp(office, logger);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '0.0.0.0' }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://localhost:${port}`;
  logger.info({ url, database: db.kind }, 'Pitwall is serving');
  return {
    office,
    server,
    url,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await office.close();
      logger.info('stopped');
    },
  };
}
