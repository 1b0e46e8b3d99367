import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import type { Office } from '../../src/app/office.ts';
import { openOffice } from '../../src/app/office.ts';
import type { Season } from '../../src/domain/season.ts';
import { openTestDatabase } from './database.ts';
import { createHttpApp } from '../../src/http/app.ts';

/** The bundled season, and a small one of the API tests' own (see the file's header). */
export const BUNDLED = new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url);
export const TEST_CUP = new URL('../fixtures/api/test-cup-2021.yaml', import.meta.url);

export interface ApiFixture {
  readonly app: Hono;
  readonly office: Office;
  readonly alms: Season;
  readonly cup: Season;
  /** `app.request` on an `/api` path. */
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function importSeason(office: Office, file: URL): Promise<Season> {
  const imported = await office.importSeasonFile(await readFile(file, 'utf8'), file.pathname);
  if (!imported.ok) throw new Error(`${file.pathname} does not validate: ${JSON.stringify(imported.error)}`);
  return imported.value;
}

/**
 * An office on a fresh test database (PGlite, or PostgreSQL with DATABASE_URL) holding both
 * seasons, and the whole HTTP app: the API is tested where it is mounted, beside the pages.
 */
export async function openApiFixture(): Promise<ApiFixture> {
  const office = await openOffice(await openTestDatabase());
  const alms = await importSeason(office, BUNDLED);
  const cup = await importSeason(office, TEST_CUP);
  const app = createHttpApp(office);
  return {
    app,
    office,
    alms,
    cup,
    get: async (path, headers) => app.request(path, { headers }),
    close: () => office.close(),
  };
}
