import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RaceControl } from '../../../test/support/race-control.ts';
import {
  cookiesOf,
  loginForm,
  openRaceControl,
  PASSWORD,
  postLogin,
  signIn,
  snapshot,
} from '../../../test/support/race-control.ts';
import { databaseKind } from '../../../test/support/database.ts';

let rc: RaceControl;
before(async () => {
  rc = await openRaceControl();
  await rc.officials.add({ name: 'Ana Steward', role: 'steward', password: PASSWORD });
});
after(() => rc.close());

/** The attributes of the Set-Cookie line for `name`, lower-cased. */
function cookieLine(response: Response, name: string): string {
  return (response.headers.getSetCookie().find((line) => line.startsWith(`${name}=`)) ?? '').toLowerCase();
}

test(`the login page is a form with a signed CSRF token, never cached (${databaseKind()})`, async () => {
  const { response, cookie, csrf } = await loginForm(rc);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.ok(cookie.length >= 43 && csrf.length >= 43 && cookie !== csrf);
  const line = cookieLine(response, 'pitwall_login');
  assert.match(line, /; httponly/);
  assert.match(line, /; path=\/login/);
});

test('signing in sets an HttpOnly, SameSite=Lax session cookie for / that expires, and redirects', async () => {
  const form = await loginForm(rc);
  const response = await postLogin(rc, { name: 'Ana Steward', password: PASSWORD, next: '/admin/officials' }, form);
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('location'), '/admin/officials');
  const line = cookieLine(response, 'pitwall_session');
  assert.match(line, /; httponly/);
  assert.match(line, /; samesite=lax/);
  assert.match(line, /; path=\/(;|$)/);
  assert.match(line, /; max-age=43200/);
  assert.match(line, /; expires=/);
  assert.doesNotMatch(line, /; secure/, 'plain HTTP: a Secure cookie would never come back');
  assert.match(cookieLine(response, 'pitwall_login'), /max-age=0/, 'the login nonce is spent');
});

test('over TLS (or behind a proxy that says so) the session cookie is Secure', async () => {
  const form = await loginForm(rc);
  const response = await postLogin(rc, { name: 'Ana Steward', password: PASSWORD }, form, {
    'x-forwarded-proto': 'https',
  });
  assert.match(cookieLine(response, 'pitwall_session'), /; secure/);
  const direct = await rc.app.request('https://pitwall.example/login');
  assert.match(cookieLine(direct, 'pitwall_login'), /; secure/);
});

test('the login form is refused without its cookie or with a forged token', async () => {
  const form = await loginForm(rc);
  const before = await snapshot(rc.db);
  for (const forged of [
    { cookie: '', csrf: form.csrf },
    { cookie: form.cookie, csrf: '' },
    { cookie: form.cookie, csrf: `${form.csrf.slice(0, -2)}xx` },
    // A cookie planted by another site: it cannot compute the matching signature.
    { cookie: 'planted-nonce', csrf: 'planted-nonce' },
  ]) {
    const response = await postLogin(rc, { name: 'Ana Steward', password: PASSWORD }, forged);
    assert.equal(response.status, 403);
    assert.equal(cookiesOf(response).pitwall_session, undefined);
  }
  assert.equal(await snapshot(rc.db), before, 'no session, no attempt recorded');
});

test('only local paths are followed after signing in', async () => {
  for (const [next, expected] of [
    ['//evil.example/', '/admin'],
    ['/\\evil.example', '/admin'],
    ['https://evil.example/', '/admin'],
    ['/seasons/alms-2019-20?x=1', '/seasons/alms-2019-20?x=1'],
  ] as const) {
    const form = await loginForm(rc);
    const response = await postLogin(rc, { name: 'Ana Steward', password: PASSWORD, next }, form);
    assert.equal(response.headers.get('location'), expected);
  }
});

test('five failures per name and address, then 429 with Retry-After, even for the right password', async () => {
  const form = await loginForm(rc);
  const from = { 'x-forwarded-for': '203.0.113.50' };
  for (let i = 0; i < 5; i += 1) {
    const wrong = await postLogin(rc, { name: 'Ana Steward', password: 'not the password' }, form, from);
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /Wrong name or password/);
  }
  const limited = await postLogin(rc, { name: 'Ana Steward', password: PASSWORD }, form, from);
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), String(15 * 60));
  assert.equal(cookiesOf(limited).pitwall_session, undefined);

  const elsewhere = await postLogin(rc, { name: 'Ana Steward', password: PASSWORD }, form, {
    'x-forwarded-for': '203.0.113.51',
  });
  assert.equal(elsewhere.status, 303, 'another address is not locked out');

  rc.advance(15 * 60 * 1000);
  const later = await postLogin(rc, { name: 'Ana Steward', password: PASSWORD }, form, from);
  assert.equal(later.status, 303);
});

test('signing out ends the session: the old cookie opens nothing', async () => {
  const ana = await signIn(rc, 'Ana Steward');
  assert.equal((await rc.app.request('/admin', { headers: { cookie: ana.cookie } })).status, 200);
  const out = await rc.app.request('/logout', {
    method: 'POST',
    headers: { cookie: ana.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: ana.csrfToken }).toString(),
  });
  assert.equal(out.status, 303);
  assert.match(cookieLine(out, 'pitwall_session'), /max-age=0/);
  const again = await rc.app.request('/admin', { headers: { cookie: ana.cookie } });
  assert.equal(again.status, 303);
  assert.equal(again.headers.get('location'), '/login?next=%2Fadmin');
});

test('signing in again replaces the session the browser had (no fixation)', async () => {
  const first = await signIn(rc, 'Ana Steward');
  const form = await loginForm(rc);
  const response = await rc.app.request('/login', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: `pitwall_login=${form.cookie}; ${first.cookie}`,
    },
    body: new URLSearchParams({ _csrf: form.csrf, name: 'Ana Steward', password: PASSWORD }).toString(),
  });
  assert.equal(response.status, 303);
  assert.notEqual(`pitwall_session=${cookiesOf(response).pitwall_session}`, first.cookie);
  assert.equal((await rc.app.request('/admin', { headers: { cookie: first.cookie } })).status, 303);
});

test('a disabled official is signed out at once and cannot sign in', async () => {
  const cy = await signIn(rc, 'Cy Timekeeper', 'timekeeper');
  const disabled = await rc.officials.disable(cy.id);
  assert.ok(disabled.ok);
  assert.equal((await rc.app.request('/admin', { headers: { cookie: cy.cookie } })).status, 303);
  const whoami = await rc.app.request('/api/v1/admin/whoami', { headers: { cookie: cy.cookie } });
  assert.equal(whoami.status, 401);
  const form = await loginForm(rc);
  const response = await postLogin(rc, { name: 'Cy Timekeeper', password: PASSWORD }, form);
  assert.equal(response.status, 401);
});

test('passwords appear in no database row and no log line', async () => {
  const secret = 'unique-secret-passphrase-4711';
  const added = await rc.officials.add({ name: 'Di Admin', role: 'admin', password: secret });
  assert.ok(added.ok);
  const form = await loginForm(rc);
  await postLogin(rc, { name: 'Di Admin', password: secret }, form);
  await postLogin(rc, { name: 'Di Admin', password: `${secret}-wrong` }, form);
  // People type their password into the name field: that must not be logged either.
  await postLogin(rc, { name: secret, password: secret }, form);
  const admin = await signIn(rc, 'Ana Steward');
  await rc.app.request('/api/v1/admin/whoami', { headers: { cookie: admin.cookie } });

  assert.ok(
    rc.logs.some((line) => line.includes('sign-in failed')),
    'failures are logged',
  );
  for (const line of rc.logs) assert.ok(!line.includes(secret), `logged: ${line}`);
  const rows = await snapshot(rc.db);
  assert.ok(!rows.includes(secret), 'a password is stored in clear');
  assert.ok(!rows.includes(admin.cookie.split('=')[1] ?? '-'), 'a session token is stored in clear');
});
