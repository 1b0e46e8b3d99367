import { Writable } from 'node:stream';
import pino from 'pino';
import type { Office } from '../../src/app/office.ts';
import { openOffice } from '../../src/app/office.ts';
import type { Officials } from '../../src/app/officials.ts';
import { openOfficials } from '../../src/app/officials.ts';
import type { Role } from '../../src/domain/officials.ts';
import type { Database } from '../../src/store/database.ts';
import { createHttpParts } from '../../src/http/app.ts';
import type { HttpParts } from '../../src/http/app.ts';
import { openTestDatabase } from './database.ts';

/** A whole HTTP app on a fresh database, with a settable clock and the logs it wrote. */
export interface RaceControl extends HttpParts {
  readonly db: Database;
  readonly office: Office;
  readonly officials: Officials;
  readonly logs: string[];
  /** Moves the officials' clock (sessions, rate limits) forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function openRaceControl(
  options: { trustProxy?: boolean; consoleSecret?: string } = {},
): Promise<RaceControl> {
  const db = await openTestDatabase();
  const office = await openOffice(db);
  let now = new Date('2026-03-01T10:00:00Z');
  // Cheaper hashing keeps the suites fast; src/app/passwords.test.ts covers the real parameters.
  const officials = openOfficials(db, { now: () => now, hashing: { ln: 10, r: 8, p: 1 } });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ level: 'trace' }, sink);
  const parts = createHttpParts(office, {
    officials,
    logger,
    trustProxy: options.trustProxy ?? true,
    ...(options.consoleSecret ? { consoleSecret: options.consoleSecret } : {}),
  });
  return {
    ...parts,
    db,
    office,
    officials,
    logs,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    close: () => office.close(),
  };
}

export const PASSWORD = 'pit lane speed limit 60';

/** Cookies as a browser would send them back: `name=value; …` of each Set-Cookie. */
export function cookiesOf(response: Response): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    cookies[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return cookies;
}

export const cookieHeader = (cookies: Record<string, string>): string =>
  Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');

/** The login form's cookie and CSRF field, as GET /login hands them out. */
export async function loginForm(rc: RaceControl, headers: Record<string, string> = {}) {
  const response = await rc.app.request('/login', { headers });
  const html = await response.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { cookie: cookiesOf(response).pitwall_login ?? '', csrf, response };
}

export function postLogin(
  rc: RaceControl,
  fields: Record<string, string>,
  form: { cookie: string; csrf: string },
  headers: Record<string, string> = {},
) {
  return rc.app.request('/login', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: `pitwall_login=${form.cookie}`,
      ...headers,
    },
    body: new URLSearchParams({ _csrf: form.csrf, ...fields }).toString(),
  });
}

export interface SignedIn {
  /** The Cookie header to send. */
  readonly cookie: string;
  readonly csrfToken: string;
  readonly id: number;
}

/** Adds an official (when `role` is given) and signs in through the real login form. */
export async function signIn(rc: RaceControl, name: string, role?: Role, ip = '192.0.2.10'): Promise<SignedIn> {
  if (role) {
    const added = await rc.officials.add({ name, role, password: PASSWORD });
    if (!added.ok) throw new Error(`cannot add ${name}: ${added.error}`);
  }
  const form = await loginForm(rc);
  const response = await postLogin(rc, { name, password: PASSWORD }, form, { 'x-forwarded-for': ip });
  const session = cookiesOf(response).pitwall_session;
  if (response.status !== 303 || !session) throw new Error(`sign-in of ${name} failed: ${response.status}`);
  const cookie = `pitwall_session=${session}`;
  const whoami = await rc.app.request('/api/v1/admin/whoami', { headers: { cookie } });
  const body = (await whoami.json()) as { csrfToken: string; official: { id: number } };
  return { cookie, csrfToken: body.csrfToken, id: body.official.id };
}

/** Every row of every table, as text: to prove a refused request changed nothing. */
export async function snapshot(db: Database, except: readonly string[] = []): Promise<string> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    const rows = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`);
    parts.push(
      `${name}:\n${rows
        .map((r) => r.row)
        .sort()
        .join('\n')}`,
    );
  }
  return parts.join('\n');
}
