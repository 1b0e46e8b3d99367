import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RaceControl, SignedIn } from '../../../test/support/race-control.ts';
import { openRaceControl, signIn } from '../../../test/support/race-control.ts';
import { cacheKey } from '../response-store.ts';

let rc: RaceControl;
let admin: SignedIn;
let steward: SignedIn;
before(async () => {
  rc = await openRaceControl();
  admin = await signIn(rc, 'Ada Admin', 'admin');
  steward = await signIn(rc, 'Sam Steward', 'steward');
});
after(() => rc.close());

const form = (who: SignedIn, fields: Record<string, string>) => ({
  method: 'POST',
  headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: who.csrfToken, ...fields }).toString(),
});

test('/admin greets the official, offers sign-out, and is never stored', async () => {
  const response = await rc.app.request('http://pitwall.test/admin', { headers: { cookie: steward.cookie } });
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.match(html, /Signed in as <strong>Sam Steward<\/strong> \(steward\)/);
  assert.match(html, new RegExp(`action="/logout".*name="_csrf" value="${steward.csrfToken}"`, 's'));
  assert.doesNotMatch(html, /href="\/admin\/officials"/, 'a steward does not manage accounts');
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.equal(response.headers.get('x-frame-options'), 'DENY');
  // The server's fast path answers from the store: an official's page must never be in it.
  assert.equal(rc.store.get(rc.office.revision(), cacheKey(rc.today(), '/admin')), undefined);
});

test('anonymous visitors of admin pages go to the login page and come back', async () => {
  const response = await rc.app.request('/admin/officials?sort=name');
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('location'), '/login?next=%2Fadmin%2Fofficials%3Fsort%3Dname');
  const login = await rc.app.request(response.headers.get('location') ?? '');
  assert.match(await login.text(), /name="next" value="\/admin\/officials\?sort=name"/);
});

test('the officials page is for administrators only', async () => {
  const forbidden = await rc.app.request('/admin/officials', { headers: { cookie: steward.cookie } });
  assert.equal(forbidden.status, 403);
  assert.match(await forbidden.text(), /needs the role admin; you are steward/);
  const page = await rc.app.request('/admin/officials', { headers: { cookie: admin.cookie } });
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /Ada Admin/);
  assert.match(html, /Sam Steward/);
  assert.match(html, /active \(you\)/);
});

test('an administrator adds an official through the form; mistakes are explained', async () => {
  const fields = { name: 'Tia Timekeeper', role: 'timekeeper', password: 'lap chart 2019 Sepang', passwordAgain: '' };
  const differ = await rc.app.request('/admin/officials', form(admin, fields));
  assert.equal(differ.status, 400);
  assert.match(await differ.text(), /The two passwords differ/);

  const added = await rc.app.request('/admin/officials', form(admin, { ...fields, passwordAgain: fields.password }));
  assert.equal(added.status, 303);
  assert.equal(added.headers.get('location'), '/admin/officials?notice=added');
  assert.ok((await rc.officials.verifyPassword('Tia Timekeeper', fields.password))?.role === 'timekeeper');

  const again = await rc.app.request('/admin/officials', form(admin, { ...fields, passwordAgain: fields.password }));
  assert.equal(again.status, 409);
  assert.match(await again.text(), /already exists/);
  const badRole = await rc.app.request(
    '/admin/officials',
    form(admin, { name: 'X', role: 'marshal', password: fields.password, passwordAgain: fields.password }),
  );
  assert.equal(badRole.status, 400);
  assert.match(await badRole.text(), /The role must be one of: admin, steward, timekeeper/);
});

test('an administrator disables an official, but not themselves', async () => {
  const victim = await signIn(rc, 'Vic Steward', 'steward');
  const self = await rc.app.request(`/admin/officials/${admin.id}/disable`, form(admin, {}));
  assert.equal(self.status, 409);
  const unknown = await rc.app.request('/admin/officials/99999/disable', form(admin, {}));
  assert.equal(unknown.status, 404);
  const done = await rc.app.request(`/admin/officials/${victim.id}/disable`, form(admin, {}));
  assert.equal(done.status, 303);
  assert.equal((await rc.app.request('/admin', { headers: { cookie: victim.cookie } })).status, 303);
  const page = await rc.app.request('/admin/officials?notice=disabled', { headers: { cookie: admin.cookie } });
  assert.match(await page.text(), /Official disabled\.[\s\S]*Vic Steward[\s\S]*disabled 2026-03-01/);
});

test('whoami answers for a session (with its CSRF token) and for a token (with its scope)', async () => {
  const bySession = await rc.app.request('/api/v1/admin/whoami', { headers: { cookie: steward.cookie } });
  assert.equal(bySession.headers.get('cache-control'), 'no-store');
  const session = await bySession.json();
  assert.deepEqual(session.official, { id: steward.id, name: 'Sam Steward', role: 'steward' });
  assert.equal(session.csrfToken, steward.csrfToken);

  const created = await rc.officials.createToken({ name: 'timing', scope: 'import' });
  assert.ok(created.ok);
  const byToken = await rc.app.request('/api/v1/admin/whoami', {
    headers: { authorization: `Bearer ${created.value.token}` },
  });
  assert.deepEqual(await byToken.json(), { token: { name: 'timing', scope: 'import' } });
});

test('the admin API answers 401 in JSON, with the error shape of the public API', async () => {
  const anonymous = await rc.app.request('/api/v1/admin/whoami');
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer realm="pitwall"');
  assert.deepEqual(await anonymous.json(), {
    error: { code: 'unauthorized', message: 'Sign in or send a bearer token.' },
  });
  for (const authorization of ['Bearer pwt_made-up', 'Basic YWRhOmFkYQ==', 'Bearer']) {
    const response = await rc.app.request('/api/v1/admin/whoami', {
      headers: { authorization, cookie: admin.cookie },
    });
    assert.equal(response.status, 401, `${authorization} must not fall back to the cookie`);
  }
});

test('a token reaches no page and no route outside its scope; a revoked token nothing', async () => {
  const created = await rc.officials.createToken({ name: 'timing-2', scope: 'import' });
  assert.ok(created.ok);
  const bearer = { authorization: `Bearer ${created.value.token}` };
  const page = await rc.app.request('/admin', { headers: bearer });
  assert.equal(page.status, 403);
  const add = await rc.app.request('/admin/officials', {
    method: 'POST',
    headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'name=Mallory&role=admin&password=mallory-password&passwordAgain=mallory-password',
  });
  assert.equal(add.status, 403);
  assert.equal(await rc.officials.verifyPassword('Mallory', 'mallory-password'), undefined);
  await rc.officials.revokeToken('timing-2');
  assert.equal((await rc.app.request('/api/v1/admin/whoami', { headers: bearer })).status, 401);
});

test('the public site stays public and cached while officials are signed in', async () => {
  const response = await rc.app.request('/history', { headers: { cookie: admin.cookie } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('cache-control') ?? '', /public/);
  assert.doesNotMatch(await response.text(), /Ada Admin/);
});
