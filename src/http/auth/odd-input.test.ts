/**
 * Odd bytes where a name or an id goes: a 400 with a message, never a 500, and nothing of what
 * was typed in the log (people type their password into the name field).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RaceControl, SignedIn } from '../../../test/support/race-control.ts';
import { loginForm, openRaceControl, postLogin, signIn, snapshot } from '../../../test/support/race-control.ts';
import { databaseKind } from '../../../test/support/database.ts';

let rc: RaceControl;
let admin: SignedIn;
before(async () => {
  rc = await openRaceControl();
  admin = await signIn(rc, 'Ada Admin', 'admin');
  await signIn(rc, 'Sue Steward', 'steward');
});
after(() => rc.close());

test(`a login name holding a NUL or another control character is a 400, and is not logged (${databaseKind()})`, async () => {
  // (Half a character cannot be form-encoded: the browser sends U+FFFD, a name like any other.)
  for (const name of ['Sue\u0000Steward', `Sue${'x'.repeat(100)}Steward`, 'Sue\u001bSteward', 'Sue\u0085Steward']) {
    const logged = rc.logs.length;
    const form = await loginForm(rc);
    const response = await postLogin(rc, { name, password: 'Sue\u0000Password123' }, form);
    assert.equal(response.status, 400, JSON.stringify(name));
    const html = await response.text();
    assert.match(html, /not a name an official can have/);
    assert.doesNotMatch(html, /Steward|Password123/, 'what was typed is not sent back');
    for (const line of rc.logs.slice(logged)) assert.doesNotMatch(line, /Steward|Password123/, line);
  }
});

test('disabling an official whose id is not a number of ours is a 400 with a message', async () => {
  const before = await snapshot(rc.db, ['sessions']);
  for (const id of ['99999999999', '2147483648', '1e0', '0x1', '01', '-1', 'abc', '1.0']) {
    const response = await rc.app.request(`/admin/officials/${id}/disable`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: admin.csrfToken }).toString(),
    });
    assert.equal(response.status, 400, id);
    assert.match(await response.text(), /id: expected an official&#39;s number, 1 to 2147483647, in digits/);
  }
  assert.equal(await snapshot(rc.db, ['sessions']), before);
  assert.ok(!rc.logs.some((line) => line.includes('request failed')), 'no error was logged');
  // The use-case itself refuses such ids without a query (the CLI and console routes call it too).
  assert.deepEqual(await rc.officials.disable(99_999_999_999), { ok: false, error: 'not-found' });
  assert.equal(await rc.officials.byId(2 ** 31), undefined);
  assert.deepEqual(await rc.officials.revokeToken('tok\u0000en'), { ok: false, error: 'not-found' });
  assert.equal(await rc.officials.verifyPassword('Sue\u0000Steward', 'whatever password'), undefined);
});
