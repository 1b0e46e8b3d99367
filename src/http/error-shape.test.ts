/**
 * One way to say "no": every API error, public or admin, whatever refused it (the router, the
 * guard, a route, a use-case), is `{ error: { code, message, issues? } }` with the status the one
 * table of `domain/problem.ts` gives its code, and every problem listed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { ErrorCode } from '../domain/problem.ts';
import { ERROR_OUTCOMES } from '../domain/problem.ts';
import { ErrorSchema } from './api/errors.ts';
import type { RaceControl, SignedIn } from '../../test/support/race-control.ts';
import { openRaceControl, signIn } from '../../test/support/race-control.ts';

const SEASON = new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url);

let rc: RaceControl;
let importToken = '';
let timingToken = '';
let admin: SignedIn;
let steward: SignedIn;

before(async () => {
  rc = await openRaceControl();
  const imported = await rc.office.importSeasonFile(await readFile(SEASON, 'utf8'), 'alms-2019-20.yaml');
  assert.ok(imported.ok);
  const forImport = await rc.officials.createToken({ name: 'timing-import', scope: 'import' });
  const forTiming = await rc.officials.createToken({ name: 'timing-live', scope: 'timing' });
  assert.ok(forImport.ok && forTiming.ok);
  importToken = forImport.value.token;
  timingToken = forTiming.value.token;
  admin = await signIn(rc, 'Ada Admin', 'admin');
  steward = await signIn(rc, 'Sam Steward', 'steward');
});
after(() => rc.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const session = (who: SignedIn) => ({ cookie: who.cookie, 'x-csrf-token': who.csrfToken });

interface Case {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly code: ErrorCode;
  /** How many problems the answer lists, when it must list them. */
  readonly issues?: number;
}

const CSV = 'POSITION;NUMBER;TEAM\n1;26;G-Drive Racing\n';

/** Built when the tokens and sessions of before() exist. */
const cases = (): readonly Case[] => [
  { name: 'public: no such season', method: 'GET', path: '/api/v1/seasons/nope', code: 'not-found' },
  {
    name: 'public: a bad query',
    method: 'GET',
    path: '/api/v1/seasons/alms-2019-20/standings?afterRound=x',
    code: 'bad-request',
  },
  { name: 'public: the API is read-only', method: 'DELETE', path: '/api/v1/seasons', code: 'method-not-allowed' },
  {
    name: 'admin: a classification for no season',
    method: 'POST',
    path: '/api/v1/admin/seasons/nope/rounds/1/classification',
    headers: { ...bearer(importToken), 'content-type': 'text/csv' },
    body: CSV,
    code: 'not-found',
  },
  {
    name: 'admin: qualifying for no season',
    method: 'POST',
    path: '/api/v1/admin/seasons/nope/rounds/1/qualifying',
    headers: { ...bearer(importToken), 'content-type': 'text/csv' },
    body: CSV,
    code: 'not-found',
  },
  {
    name: 'admin: poles for no season',
    method: 'PUT',
    path: '/api/v1/admin/seasons/nope/rounds/1/poles',
    headers: { ...bearer(importToken), 'content-type': 'application/json' },
    body: JSON.stringify({ poles: [{ class: 'LMP2', car: '26' }] }),
    code: 'not-found',
  },
  {
    name: 'admin: poles with two mistakes, both listed',
    method: 'PUT',
    path: '/api/v1/admin/seasons/alms-2019-20/rounds/1/poles',
    headers: { ...bearer(importToken), 'content-type': 'application/json' },
    body: JSON.stringify({
      poles: [
        { class: 'LMP9', car: '26' },
        { class: 'GT', car: '999' },
      ],
    }),
    code: 'bad-request',
    issues: 2,
  },
  {
    name: 'admin: live events for no season',
    method: 'POST',
    path: '/api/v1/admin/seasons/nope/rounds/1/live/events',
    headers: { ...bearer(timingToken), 'content-type': 'application/json' },
    body: JSON.stringify({ events: [] }),
    code: 'not-found',
  },
  {
    name: 'admin: a round written as 0x1',
    method: 'POST',
    path: '/api/v1/admin/seasons/alms-2019-20/rounds/0x1/live/events',
    headers: { ...bearer(timingToken), 'content-type': 'application/json' },
    body: JSON.stringify({ events: [] }),
    code: 'bad-request',
  },
  {
    name: 'admin: a decision with four mistakes, all listed',
    method: 'POST',
    path: '/api/v1/admin/seasons/alms-2019-20/rounds/1/decisions',
    headers: { ...session(steward), 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'points-deduction', class: 'LMP2', car: '7', driver: 'Nobody', points: -3 }),
    code: 'bad-request',
    issues: 4,
  },
  {
    name: 'admin: a season file with problems, each with its line',
    method: 'POST',
    path: '/api/v1/admin/seasons?file=broken.yaml',
    headers: { ...session(admin), 'content-type': 'application/yaml' },
    body: 'series: Broken\nseason: 1\n',
    code: 'invalid-season-file',
  },
  {
    name: 'admin: no credentials',
    method: 'POST',
    path: '/api/v1/admin/seasons/alms-2019-20/rounds/1/classification',
    headers: { 'content-type': 'text/csv' },
    body: CSV,
    code: 'unauthorized',
  },
  {
    name: 'admin: the wrong scope',
    method: 'POST',
    path: '/api/v1/admin/seasons/alms-2019-20/rounds/1/live/events',
    headers: { ...bearer(importToken), 'content-type': 'application/json' },
    body: JSON.stringify({ events: [] }),
    code: 'forbidden',
  },
  {
    name: 'admin: an official that exists already',
    method: 'POST',
    path: '/api/v1/admin/officials',
    headers: { ...session(admin), 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Sam Steward', role: 'steward', password: 'a long enough password' }),
    code: 'conflict',
  },
];

test('one error shape for every API error, public and admin', async (t) => {
  for (const c of cases()) {
    await t.test(`${c.name}: ${c.code}`, async () => {
      const response = await rc.app.request(c.path, {
        method: c.method,
        headers: c.headers ?? {},
        ...(c.body === undefined ? {} : { body: c.body }),
      });
      const text = await response.text();
      const parsed = ErrorSchema.safeParse(JSON.parse(text));
      assert.ok(parsed.success, `${c.method} ${c.path}: not the error shape: ${text}`);
      const { error } = parsed.data;
      assert.equal(error.code, c.code, text);
      assert.equal(response.status, ERROR_OUTCOMES[c.code].status, text);
      assert.ok(error.message.length > 0);
      if (c.issues !== undefined) assert.equal(error.issues?.length, c.issues, text);
      if (c.code === 'invalid-season-file') {
        assert.ok((error.issues ?? []).length > 0, text);
        assert.ok(
          error.issues!.every((i) => typeof i.line === 'number' && i.line >= 1),
          text,
        );
      }
      assert.equal(response.headers.get('cache-control'), 'no-store');
    });
  }
});
