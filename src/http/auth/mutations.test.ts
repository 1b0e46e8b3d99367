import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AuthEnv } from './context.ts';
import { authApp, officialOf } from './context.ts';
import { MUTATING_ROUTES, mutation } from './mutations.ts';
import type { RaceControl, SignedIn } from '../../../test/support/race-control.ts';
import { openRaceControl, signIn } from '../../../test/support/race-control.ts';

/** A small app with routes declared the way other modules declare theirs. */
let rc: RaceControl;
let app: ReturnType<typeof authApp>;
let keeper: SignedIn;
let importToken: string;
const received: string[] = [];

before(async () => {
  rc = await openRaceControl();
  app = authApp({ officials: rc.officials });
  mutation(app, {
    method: 'POST',
    path: '/api/v1/admin/seasons/:id/timing',
    roles: ['timekeeper'],
    scopes: ['import'],
    maxBodyBytes: 1024,
    doc: {
      operationId: 'postTiming',
      tags: ['Test'],
      summary: 'A route of this test',
      body: { contentType: 'text/csv', schema: z.string() },
      responses: { 201: { description: 'Received.' } },
    },
    handler: async (c) => {
      const principal = c.get('principal');
      received.push(`${principal?.kind}:${await c.req.text()}`);
      return c.json({ ok: true }, 201);
    },
  });
  mutation(app, {
    method: 'POST',
    path: '/admin/notes',
    roles: ['timekeeper'],
    handler: async (c) => {
      // The CSRF check read the form already: the handler reads it again.
      const body = await c.req.parseBody();
      received.push(`${officialOf(c).name}:${typeof body.note === 'string' ? body.note : '?'}`);
      return c.redirect('/admin', 303);
    },
  });
  keeper = await signIn(rc, 'Kim Keeper', 'timekeeper');
  const created = await rc.officials.createToken({ name: 'timing', scope: 'import' });
  assert.ok(created.ok);
  importToken = created.value.token;
});
after(() => rc.close());

test('declared routes are recorded with their access', () => {
  const timing = MUTATING_ROUTES.find((r) => r.path === '/api/v1/admin/seasons/:id/timing');
  assert.deepEqual(timing && { ...timing }, {
    method: 'POST',
    path: '/api/v1/admin/seasons/:id/timing',
    roles: ['timekeeper'],
    scopes: ['import'],
  });
});

test('a token of the route’s scope gets in without CSRF (it sends no cookie)', async () => {
  const response = await app.request('/api/v1/admin/seasons/alms-2019-20/timing', {
    method: 'POST',
    headers: { authorization: `Bearer ${importToken}`, 'content-type': 'text/csv' },
    body: 'car,lap\n26,1',
  });
  assert.equal(response.status, 201);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.equal(received.at(-1), 'token:car,lap\n26,1');
});

test('a token reaches no route declared without its scope', async () => {
  const response = await app.request('/admin/notes', {
    method: 'POST',
    headers: { authorization: `Bearer ${importToken}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'note=sneaky',
  });
  assert.equal(response.status, 403);
  assert.ok(!received.includes('token:note=sneaky'));
});

test('a session needs the CSRF token in the header or the form; the handler still reads the form', async () => {
  const json = await app.request('/api/v1/admin/seasons/alms-2019-20/timing', {
    method: 'POST',
    headers: { cookie: keeper.cookie, 'x-csrf-token': keeper.csrfToken, 'content-type': 'text/csv' },
    body: 'car,lap',
  });
  assert.equal(json.status, 201);
  const missing = await app.request('/api/v1/admin/seasons/alms-2019-20/timing', {
    method: 'POST',
    headers: { cookie: keeper.cookie, 'content-type': 'text/csv' },
    body: 'car,lap',
  });
  assert.equal(missing.status, 403);
  assert.equal((await missing.json()).error.code, 'invalid-csrf-token');
  const page = await app.request('/admin/notes', {
    method: 'POST',
    headers: { cookie: keeper.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: keeper.csrfToken, note: 'box box' }).toString(),
  });
  assert.equal(page.status, 303);
  assert.equal(received.at(-1), 'Kim Keeper:box box');
});

test('bodies above the route’s limit are refused before anything reads them', async () => {
  const response = await app.request('/api/v1/admin/seasons/alms-2019-20/timing', {
    method: 'POST',
    headers: { authorization: `Bearer ${importToken}`, 'content-type': 'text/csv' },
    body: 'x'.repeat(2048),
  });
  assert.equal(response.status, 413);
  assert.equal((await response.json()).error.code, 'payload-too-large');
});

test('declaring a route wrongly fails at startup, not at request time', () => {
  const spec = { method: 'POST' as const, path: '/admin/x', roles: ['admin' as const], handler: () => new Response() };
  assert.throws(() => mutation(new Hono<AuthEnv>(), spec), /declare mutations on an authApp/);
  const fresh = authApp({ officials: rc.officials });
  assert.throws(() => mutation(fresh, { ...spec, roles: [] }), /no role and no scope/);
  mutation(fresh, spec);
  // Built again (each test builds its app), the same declaration is fine; a different one is not.
  mutation(authApp({ officials: rc.officials }), spec);
  assert.throws(
    () => mutation(authApp({ officials: rc.officials }), { ...spec, roles: ['steward'] }),
    /declared twice with different access/,
  );
});
