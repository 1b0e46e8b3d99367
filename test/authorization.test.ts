/**
 * Every route that changes data, walked from the registry (src/http/auth/mutations.ts): a route
 * declared later with `mutation()` is covered here without a line of test. Each is refused to
 * the anonymous, to the wrong role, to a wrong-scope token and without the session's CSRF token,
 * changing nothing; and admitted for the right role with the token (and its scope's token).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ROLES, TOKEN_SCOPES } from '../src/domain/officials.ts';
import type { Role, TokenScope } from '../src/domain/officials.ts';
import type { MutatingRoute } from '../src/http/auth/mutations.ts';
import { MUTATING_METHODS, MUTATING_ROUTES, OPEN_MUTATIONS } from '../src/http/auth/mutations.ts';
import { BUNDLED_SEASON } from '../src/http/server.ts';
import type { RaceControl, SignedIn } from './support/race-control.ts';
import { openRaceControl, signIn, snapshot } from './support/race-control.ts';

let rc: RaceControl;
/** The secret of the `pitwall` command beside the server (src/store/data-dir-lock.ts). */
const CONSOLE_SECRET = 'console-secret-of-the-data-folder';
const officials = new Map<Role, SignedIn>();
const tokens = new Map<TokenScope, string>();

before(async () => {
  rc = await openRaceControl({ consoleSecret: CONSOLE_SECRET });
  const imported = await rc.office.importSeasonFile(await readFile(BUNDLED_SEASON, 'utf8'), 'alms-2019-20.yaml');
  assert.ok(imported.ok);
  // Official 1 stands in for any `:id` a route's example does not name: fair game for (d).
  assert.ok((await rc.officials.add({ name: 'Pat Placeholder', role: 'steward', password: 'placeholder pass' })).ok);
  for (const role of ROLES) officials.set(role, await signIn(rc, `The ${role}`, role));
  for (const scope of TOKEN_SCOPES) {
    const created = await rc.officials.createToken({ name: `token-${scope}`, scope });
    assert.ok(created.ok);
    tokens.set(scope, created.value.token);
  }
});
after(() => rc.close());

const DEFAULT_PARAM = '1';

/** The route's path with its parameters filled in from its example, or `1`. */
function urlOf(route: MutatingRoute): string {
  return route.path.replace(/:(\w+)(\{[^}]*\})?\??/g, (_, name: string) =>
    encodeURIComponent(route.example?.params?.[name] ?? DEFAULT_PARAM),
  );
}

interface Credentials {
  readonly cookie?: string;
  readonly csrf?: string;
  readonly bearer?: string;
}

async function send(route: MutatingRoute, who: Credentials): Promise<Response> {
  const headers: Record<string, string> = {};
  if (who.cookie) headers.cookie = who.cookie;
  if (who.bearer) headers.authorization = `Bearer ${who.bearer}`;
  let body: string;
  if (route.example?.json !== undefined) {
    headers['content-type'] = 'application/json';
    if (who.csrf) headers['x-csrf-token'] = who.csrf;
    body = JSON.stringify(route.example.json);
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams({ ...(who.csrf ? { _csrf: who.csrf } : {}), ...route.example?.form }).toString();
  }
  return rc.app.request(urlOf(route), { method: route.method, headers, body });
}

/** 401/403, or for a page a redirect to the login form. */
function assertRefused(response: Response, route: MutatingRoute, who: string): void {
  const where = `${route.method} ${route.path} as ${who}`;
  if (response.status === 303) {
    assert.ok(!route.path.startsWith('/api/'), `${where}: the API answers in JSON, not with a redirect`);
    assert.match(response.headers.get('location') ?? '', /^\/login(\?|$)/, `${where}: redirected elsewhere`);
  } else {
    assert.ok([401, 403].includes(response.status), `${where}: answered ${response.status}`);
  }
  assert.equal(response.headers.get('cache-control'), 'no-store', `${where}: refusal may be cached`);
}

function assertAdmitted(response: Response, route: MutatingRoute, who: string): void {
  const where = `${route.method} ${route.path} as ${who}`;
  assert.ok(![401, 403].includes(response.status), `${where}: refused with ${response.status}`);
  assert.ok(response.status < 500, `${where}: failed with ${response.status}`);
  assert.doesNotMatch(response.headers.get('location') ?? '', /^\/login/, `${where}: sent to login`);
}

test('the registry holds the routes of the app', () => {
  assert.ok(MUTATING_ROUTES.length >= 3, 'logout and the officials routes at least');
  for (const route of MUTATING_ROUTES) {
    const mounted = rc.app.routes.some((r) => r.method === route.method && r.path === route.path);
    assert.ok(mounted, `${route.method} ${route.path} is declared but not mounted at that path`);
  }
});

test('every route that changes data refuses the anonymous, the wrong role and token, and a missing CSRF token', async () => {
  for (const route of MUTATING_ROUTES) {
    const before = await snapshot(rc.db);
    const admitted = route.roles[0] && officials.get(route.roles[0]);

    assertRefused(await send(route, {}), route, 'anonymous');
    assertRefused(await send(route, { cookie: 'pitwall_session=forged' }), route, 'a forged session');
    for (const role of ROLES.filter((r) => !route.roles.includes(r))) {
      const other = officials.get(role);
      assertRefused(await send(route, { cookie: other?.cookie, csrf: other?.csrfToken }), route, role);
    }
    for (const scope of TOKEN_SCOPES.filter((s) => !route.scopes.includes(s))) {
      assertRefused(await send(route, { bearer: tokens.get(scope) }), route, `a ${scope} token`);
    }
    assertRefused(await send(route, { bearer: 'pwt_unknown' }), route, 'an unknown token');
    if (admitted) {
      assertRefused(await send(route, { cookie: admitted.cookie }), route, 'the right role without CSRF');
      assertRefused(await send(route, { cookie: admitted.cookie, csrf: 'forged' }), route, 'a forged CSRF token');
      // The CSRF token of another official's session does not open this one.
      const stranger = [...officials.values()].find((o) => o !== admitted);
      assertRefused(
        await send(route, { cookie: admitted.cookie, csrf: stranger?.csrfToken }),
        route,
        "another session's CSRF token",
      );
    }
    assert.equal(await snapshot(rc.db), before, `${route.method} ${route.path}: a refused request changed data`);
  }
});

test('every route that changes data admits its roles (with CSRF) and its scopes (without)', async () => {
  for (const route of MUTATING_ROUTES) {
    for (const scope of route.scopes) {
      assertAdmitted(await send(route, { bearer: tokens.get(scope) }), route, `a ${scope} token`);
    }
    // Last, because it may sign the official out (POST /logout).
    for (const role of route.roles) {
      const official = officials.get(role);
      assertAdmitted(await send(route, { cookie: official?.cookie, csrf: official?.csrfToken }), route, role);
      officials.set(role, await signIn(rc, `The ${role}`));
    }
  }
});

const isMutating = (method: string) => (MUTATING_METHODS as readonly string[]).includes(method);

test('no route changes data outside the registry', async () => {
  const declared = new Set([...MUTATING_ROUTES, ...OPEN_MUTATIONS].map((r) => `${r.method} ${r.path}`));
  for (const route of rc.app.routes.filter((r) => isMutating(r.method))) {
    assert.ok(declared.has(`${route.method} ${route.path}`), `${route.method} ${route.path} bypasses mutation()`);
  }
  // Catch-alls and middleware answer any method: probed, none may accept a write from anyone.
  for (const route of rc.app.routes.filter((r) => r.method === 'ALL')) {
    const url = route.path.replace(/\*/g, 'probe').replace(/:\w+/g, DEFAULT_PARAM);
    for (const method of MUTATING_METHODS) {
      const response = await rc.app.request(url, { method, body: 'x=1' });
      assert.ok(response.status >= 400, `${method} ${url} (via ALL ${route.path}) answered ${response.status}`);
    }
  }
});

test('only the login form changes data without an official', () => {
  assert.deepEqual(
    OPEN_MUTATIONS.map((r) => `${r.method} ${r.path}`),
    ['POST /login'],
  );
});

test("the console secret opens the pitwall command's routes, and no other", async () => {
  const consoleRoutes = MUTATING_ROUTES.filter((r) => r.console);
  assert.ok(consoleRoutes.length >= 5, 'import, officials and tokens');
  for (const route of MUTATING_ROUTES.filter((r) => !r.console)) {
    const before = await snapshot(rc.db);
    assertRefused(await send(route, { bearer: CONSOLE_SECRET }), route, 'the console secret');
    assert.equal(await snapshot(rc.db), before, `${route.method} ${route.path}: changed data`);
  }
  for (const route of consoleRoutes) {
    assertAdmitted(await send(route, { bearer: CONSOLE_SECRET }), route, 'the console secret');
    assertRefused(await send(route, { bearer: `${CONSOLE_SECRET}x` }), route, 'a near miss of the console secret');
  }
});
