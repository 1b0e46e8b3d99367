import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { RaceControl, SignedIn } from '../../../test/support/race-control.ts';
import { openRaceControl, signIn } from '../../../test/support/race-control.ts';

const LINEUP = new URL('../../../test/fixtures/lineup/pro-am-cup-2020.yaml', import.meta.url);
let rc: RaceControl;
let steward: SignedIn;
let timekeeper: SignedIn;

before(async () => {
  rc = await openRaceControl();
  assert.ok((await rc.office.importSeasonFile(await readFile(LINEUP, 'utf8'), 'pro-am-cup-2020.yaml')).ok);
  steward = await signIn(rc, 'Stella Steward', 'steward');
  timekeeper = await signIn(rc, 'Tim Keeper', 'timekeeper');
});
after(() => rc.close());

const page = async (who: SignedIn) => {
  const response = await rc.app.request('/admin/seasons/pro-am-cup-2020/rounds/1', { headers: { cookie: who.cookie } });
  return response.text();
};

test('the round page lists line-up findings, each with an exclusion a steward can issue', async () => {
  const html = await page(steward);
  assert.match(html, /Line-up findings/);
  const forms = [...html.matchAll(/name="reason" value="(Line-up rule not met: [^"]+)"/g)].map((m) => m[1]);
  assert.ok(forms.length > 0, 'an exclusion form per violation');
  assert.doesNotMatch(await page(timekeeper), /Exclude #/, 'timekeepers see findings but issue no decisions');
});

test('a steward turns a finding into an exclusion through the form; the page tells its effect', async () => {
  const html = await page(steward);
  const car = /name="car" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(car);
  const response = await rc.app.request('/admin/seasons/pro-am-cup-2020/rounds/1/decisions', {
    method: 'POST',
    headers: { cookie: steward.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: steward.csrfToken,
      kind: 'exclusion',
      car,
      reason: 'Line-up rule not met',
    }).toString(),
  });
  assert.equal(response.status, 303);
  assert.match(decodeURIComponent(response.headers.get('location') ?? ''), new RegExp(`#${car} P\\d → EX`));
  const decisions = await rc.office.decisions('pro-am-cup-2020');
  assert.deepEqual(
    decisions.map((d) => [d.kind, 'car' in d ? d.car : undefined, d.by]),
    [['exclusion', car, 'Stella Steward']],
  );
});

test('bad decision input is shown on the page, and nothing is recorded', async () => {
  const response = await rc.app.request('/admin/seasons/pro-am-cup-2020/rounds/1/decisions', {
    method: 'POST',
    headers: { cookie: steward.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: steward.csrfToken, kind: 'time-penalty', car: '45', reason: 'x' }).toString(),
  });
  assert.equal(response.status, 400);
  assert.match(await response.text(), /seconds: is required for a time penalty/);
  assert.equal((await rc.office.decisions('pro-am-cup-2020')).length, 1);
});

test('the JSON admin API takes the same decision and answers with its impact', async () => {
  const response = await rc.app.request('/api/v1/admin/seasons/pro-am-cup-2020/rounds/1/state', {
    method: 'POST',
    headers: { cookie: steward.cookie, 'content-type': 'application/json', 'x-csrf-token': steward.csrfToken },
    body: JSON.stringify({ state: 'provisional' }),
  });
  assert.equal(response.status, 201);
  assert.equal((await response.json()).state, 'provisional');
  const bad = await rc.app.request('/api/v1/admin/seasons/pro-am-cup-2020/rounds/1/state', {
    method: 'POST',
    headers: { cookie: steward.cookie, 'content-type': 'application/json', 'x-csrf-token': steward.csrfToken },
    body: JSON.stringify({ state: 'maybe' }),
  });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.code, 'bad-request');
});
