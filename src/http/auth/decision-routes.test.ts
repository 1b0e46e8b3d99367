/**
 * Stewards' decisions can never be deleted, only reversed: every impossible value is refused with
 * a 400 that names its field, from the JSON admin API and from the round page's form alike, and
 * nothing is recorded. Paths name a round in plain digits only.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { RaceControl, SignedIn } from '../../../test/support/race-control.ts';
import { openRaceControl, signIn, snapshot } from '../../../test/support/race-control.ts';
import { databaseKind } from '../../../test/support/database.ts';

const EXAMPLE = new URL('../../../test/fixtures/issue-example.yaml', import.meta.url);
const SEASON = '/seasons/alms-2019-20';
let rc: RaceControl;
let steward: SignedIn;
let timekeeper: SignedIn;

before(async () => {
  rc = await openRaceControl();
  assert.ok((await rc.office.importSeasonFile(await readFile(EXAMPLE, 'utf8'), 'example.yaml')).ok);
  steward = await signIn(rc, 'Stella Steward', 'steward');
  timekeeper = await signIn(rc, 'Tim Keeper', 'timekeeper');
});
after(() => rc.close());

/** Posts JSON to the admin API as the steward (a string body is sent as it is). */
function postJson(path: string, body: unknown, who: SignedIn = steward) {
  return rc.app.request(`/api/v1/admin${SEASON}${path}`, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': 'application/json', 'x-csrf-token': who.csrfToken },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function postForm(path: string, fields: Record<string, string>) {
  return rc.app.request(`/admin${SEASON}${path}`, {
    method: 'POST',
    headers: { cookie: steward.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: steward.csrfToken, ...fields }).toString(),
  });
}

const decisionCount = async () => (await rc.office.decisions('alms-2019-20')).length;

test(`impossible decisions are refused by the API with a message per field, and nothing is recorded (${databaseKind()})`, async () => {
  const before = await snapshot(rc.db, ['login_attempts', 'sessions']);
  const cases: [unknown, RegExp][] = [
    [
      { kind: 'points-deduction', class: 'LMP2', car: '26', points: -1000, reason: 'x' },
      /^points: must be more than 0/,
    ],
    [{ kind: 'points-deduction', class: 'LMP2', car: '26', points: 1e300, reason: 'x' }, /^points: .* at most 1000/],
    ['{"kind":"points-deduction","class":"LMP2","car":"26","points":1e400,"reason":"x"}', /^points: must be a number/],
    [{ kind: 'points-deduction', class: 'LMP2', driver: 'Nobody', points: 5, reason: 'x' }, /^driver: "Nobody" is not/],
    [
      { kind: 'points-deduction', class: 'GT', car: '26', points: 5, reason: 'x' },
      /^car: #26 does not score in the GT/,
    ],
    [{ kind: 'drop-positions', car: '26', positions: -2, reason: 'x' }, /^positions: must be a whole number from 1/],
    [{ kind: 'drop-positions', car: '26', positions: 1.5, reason: 'x' }, /^positions: must be a whole number/],
    [{ kind: 'drop-positions', car: '26', positions: '0x10', reason: 'x' }, /^positions: must be a number such as 1/],
    [{ kind: 'drop-positions', car: '26', positions: true, reason: 'x' }, /^positions: must be a number/],
    [{ kind: 'drop-positions', car: '99', positions: 1, reason: 'x' }, /^car: "99" is not in the entry list/],
    [
      { kind: 'exclusion', car: '26', reason: 'Sue\u0000Steward' },
      /^reason: expected text without control characters .*found a control character \(U\+0000\)/,
    ],
    [{ kind: 'exclusion', car: '26', reason: 'lone \ud800 half' }, /^reason: .*found an unpaired surrogate/],
    [{ kind: 'exclusion', car: { $gt: '' }, reason: 'x' }, /^car: must be text/],
    [{ kind: 'reversal', reverses: 'r1-nope', reason: 'x' }, /^reverses: there is no decision "r1-nope"/],
    [{ kind: 'time-penalty', car: '26', seconds: 10, reason: 'x' }, /^car: #26 has no total time/],
    [{ kind: 'parole', car: '26', reason: 'x' }, /^kind: must be one of/],
    [[{ kind: 'exclusion' }], /not a JSON object/],
    ['kind=exclusion', /not a JSON object/],
  ];
  for (const [body, expected] of cases) {
    const response = await postJson('/rounds/1/decisions', body);
    const text = await response.text();
    assert.equal(response.status, 400, `${JSON.stringify(body)}: ${text}`);
    const { error } = JSON.parse(text);
    assert.equal(error.code, 'bad-request');
    assert.match(error.message, expected, JSON.stringify(body));
  }
  assert.equal(await snapshot(rc.db, ['login_attempts', 'sessions']), before);
});

test('every problem of a decision at once, each with its field', async () => {
  const response = await postJson('/rounds/1/decisions', {
    kind: 'points-deduction',
    class: 'LMP2',
    car: '7',
    driver: 'Nobody',
    points: -3,
    reason: '',
  });
  assert.equal(response.status, 400);
  const { error } = await response.json();
  const issues = error.issues as { code: string; path: string; message: string }[];
  assert.deepEqual(
    issues.map((i) => [i.path, i.message]),
    [
      ['reason', 'reason: every decision needs a reason'],
      ['points', 'points: must be more than 0 and at most 1000, to the thousandth'],
      ['car', 'car: #7 does not score in the LMP2 championship'],
      ['driver', 'driver: "Nobody" is not in #7\'s crew'],
    ],
  );
  assert.ok(issues.every((i) => typeof i.code === 'string' && i.code.length > 0));
  assert.equal(error.message, issues.map((i) => i.message).join('; '));
});

test('a decision is reversed once: not twice, not from another round, never a reversal itself', async () => {
  const dsq = await postJson('/rounds/1/decisions', { kind: 'disqualification', car: '26', reason: 'Ride height' });
  assert.equal(dsq.status, 201);
  const id = (await dsq.json()).decision.id as string;
  const first = await postJson('/rounds/1/decisions', { kind: 'reversal', reverses: id, reason: 'Appeal upheld' });
  assert.equal(first.status, 201);
  const reversalId = (await first.json()).decision.id as string;
  const count = await decisionCount();

  const again = await postJson('/rounds/1/decisions', { kind: 'reversal', reverses: id, reason: 'Once more' });
  assert.equal(again.status, 400);
  assert.equal((await again.json()).error.message, `reverses: ${id} was already reversed by ${reversalId}`);
  const ofReversal = await postJson('/rounds/1/decisions', { kind: 'reversal', reverses: reversalId, reason: 'x' });
  assert.match((await ofReversal.json()).error.message, /is itself a reversal/);
  const elsewhere = await postJson('/rounds/2/decisions', { kind: 'reversal', reverses: id, reason: 'x' });
  assert.equal((await elsewhere.json()).error.message, `reverses: ${id} is a decision of round 1, not of round 2`);
  assert.equal(await decisionCount(), count);
});

test('the form shows every problem on the round page, keeps what was typed, and records nothing', async () => {
  const count = await decisionCount();
  const response = await postForm('/rounds/1/decisions', {
    kind: 'drop-positions',
    car: '45',
    positions: '1e3',
    reason: 'Blocking',
    regulation: 'Art.\u0000 12',
  });
  assert.equal(response.status, 400);
  const html = await response.text();
  assert.match(html, /<li>positions: must be a number such as 1<\/li>/);
  assert.match(html, /<li>regulation: expected text without control characters/);
  assert.ok(!html.includes('\u0000'), 'a NUL is not sent back');
  assert.match(html, /Blocking/, 'the reason typed is kept');
  assert.match(html, /<option value="drop-positions" selected="">/);
  const second = await postForm('/rounds/1/decisions', {
    kind: 'drop-positions',
    car: '45',
    positions: '-1',
    reason: 'x',
  });
  assert.equal(second.status, 400);
  assert.match(await second.text(), /positions: must be a whole number from 1 to 99/);
  assert.equal(await decisionCount(), count);
  const fine = await postForm('/rounds/1/decisions', {
    kind: 'drop-positions',
    car: '45',
    positions: '1',
    reason: 'x',
  });
  assert.equal(fine.status, 303);
});

test('a round is written in plain digits: 1e0, 0x1, 1.0, 01 and overflowing numbers are 400s', async () => {
  const count = await decisionCount();
  const body = { kind: 'exclusion', car: '7', reason: 'x' };
  for (const round of ['1e0', '0x1', '1.0', '01', '+1', '-1', '0', '%201', '99999999999', '1%00']) {
    for (const path of [`/rounds/${round}/decisions`, `/rounds/${round}/state`]) {
      const json = await postJson(path, path.endsWith('state') ? { state: 'final' } : body);
      assert.equal(json.status, 400, `API ${path}`);
      assert.match((await json.json()).error.message, /^round: expected a round number from 1 to 9999/);
      const form = await postForm(path, path.endsWith('state') ? { state: 'final' } : body);
      assert.equal(form.status, 400, `form ${path}`);
    }
    const classification = await rc.app.request(`/api/v1/admin${SEASON}/rounds/${round}/classification`, {
      method: 'POST',
      headers: { cookie: timekeeper.cookie, 'x-csrf-token': timekeeper.csrfToken, 'content-type': 'text/csv' },
      body: 'POSITION;NUMBER\n',
    });
    assert.equal(classification.status, 400, `classification ${round}`);
    for (const live of ['events', 'reset']) {
      const response = await postJson(`/rounds/${round}/live/${live}`, { events: [] }, timekeeper);
      assert.equal(response.status, 400, `live ${live} ${round}`);
      assert.match((await response.json()).error.message, /^round: expected/);
    }
  }
  assert.equal(await decisionCount(), count);
});

test('a season id no season can have is a 404, never a failed query', async () => {
  for (const id of ['alms%002019', 'x'.repeat(300), '%ED%A0%80']) {
    const response = await rc.app.request(`/api/v1/admin/seasons/${id}/rounds/1/decisions`, {
      method: 'POST',
      headers: { cookie: steward.cookie, 'content-type': 'application/json', 'x-csrf-token': steward.csrfToken },
      body: JSON.stringify({ kind: 'exclusion', car: '7', reason: 'x' }),
    });
    assert.equal(response.status, 404, id);
    const page = await rc.app.request(`/admin/seasons/${id}/rounds/1`, { headers: { cookie: steward.cookie } });
    assert.equal(page.status, 404, id);
  }
});
