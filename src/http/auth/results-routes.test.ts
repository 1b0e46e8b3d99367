import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { RaceControl, SignedIn } from '../../../test/support/race-control.ts';
import { openRaceControl, signIn, snapshot } from '../../../test/support/race-control.ts';
import { listResultsChanges } from '../../store/results-changes.ts';

const BUNDLED = new URL('../../../data/seasons/alms-2019-20.yaml', import.meta.url);
const POLES = '/api/v1/admin/seasons/alms-2019-20/rounds/1/poles';
let rc: RaceControl;
let token = '';
let timekeeper: SignedIn;

before(async () => {
  rc = await openRaceControl();
  assert.ok((await rc.office.importSeasonFile(await readFile(BUNDLED, 'utf8'), 'alms-2019-20.yaml')).ok);
  const created = await rc.officials.createToken({ name: 'timing-shanghai', scope: 'import' });
  assert.ok(created.ok);
  token = created.value.token;
  timekeeper = await signIn(rc, 'Tim Keeper', 'timekeeper');
});
after(() => rc.close());

const put = (path: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
  rc.app.request(path, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** A team's points in the LMP2 teams' table, as the public API serves it. */
async function lmp2Points(): Promise<Record<string, number>> {
  const response = await rc.app.request('/api/v1/seasons/alms-2019-20/standings?class=LMP2&kind=teams');
  const document = (await response.json()) as { standings: { rows: { car: string; points: number }[] }[] };
  return Object.fromEntries((document.standings[0]?.rows ?? []).map((r) => [r.car, r.points]));
}

test('the timing system sets a pole: the point moves at once, the other classes keep theirs, the change is audited', async () => {
  const before = await lmp2Points();
  const response = await put(POLES, { poles: [{ class: 'LMP2', car: '26' }] });
  assert.equal(response.status, 200);
  const body = (await response.json()) as { poles: Record<string, string[]>; by: string };
  assert.deepEqual(body.poles, { LMP2: ['26'], 'LMP2 Am': ['4'], LMP3: ['3'], GT: ['27'], 'GT Am': ['16'] });
  assert.equal(body.by, 'token:timing-shanghai');
  const after = await lmp2Points();
  // #36 had the Shanghai pole point; #26 has it now.
  assert.equal(after['36'], (before['36'] ?? 0) - 1);
  assert.equal(after['26'], (before['26'] ?? 0) + 1);
  const changes = await listResultsChanges(rc.db, 'alms-2019-20');
  assert.deepEqual(
    changes.map((c) => [c.round, c.kind, c.details, c.by]),
    [[1, 'poles', { LMP2: ['26'] }, 'token:timing-shanghai']],
  );
  // A timekeeper corrects it back, with the session's CSRF token; the audit trail keeps both.
  const corrected = await put(
    POLES,
    { poles: [{ class: 'LMP2', cars: ['36', '26'] }] },
    { cookie: timekeeper.cookie, 'x-csrf-token': timekeeper.csrfToken },
  );
  assert.equal(corrected.status, 200);
  assert.deepEqual(await lmp2Points(), before);
  assert.deepEqual(
    (await listResultsChanges(rc.db, 'alms-2019-20')).map((c) => c.by),
    ['token:timing-shanghai', 'Tim Keeper'],
  );
  await assert.rejects(rc.db.query('DELETE FROM results_changes'), /append-only/);
});

test('a request that does not fit the season is a 400 or 404 naming each field, and changes nothing', async () => {
  const before = await snapshot(rc.db, ['login_attempts']);
  const cases: [string, unknown, number, RegExp][] = [
    [POLES, '{"poles": [', 400, /^the body is not JSON: expected \{"poles"/],
    [POLES, { poles: [{ class: 'LMP2' }] }, 400, /either .{1,2}car.{1,2} \(the pole car\) or .{1,2}cars/],
    [POLES, { poles: [{ class: 'LMP2', car: '26', extra: 1 }] }, 400, /extra/],
    [POLES, { poles: [{ class: 'LMP2', car: 'a\u0000b' }] }, 400, /control character/],
    [POLES, { poles: [{ class: 'LMP9', car: '26' }] }, 400, /poles\.0\.class: no class "LMP9"/],
    [POLES, { poles: [{ class: 'GT', car: '26' }] }, 400, /poles\.0\.car: car #26 is a LMP2 car, not GT/],
    [POLES, { poles: [{ class: 'LMP2', car: '404' }] }, 400, /car #404 is not in the entry list/],
    ['/api/v1/admin/seasons/alms-2019-20/rounds/9/poles', { poles: [{ class: 'LMP2', car: '26' }] }, 404, /no round 9/],
    ['/api/v1/admin/seasons/alms-2019-20/rounds/0x1/poles', { poles: [{ class: 'LMP2', car: '26' }] }, 400, /round/],
    ['/api/v1/admin/seasons/nope/rounds/1/poles', { poles: [{ class: 'LMP2', car: '26' }] }, 404, /No season "nope"/],
  ];
  for (const [path, body, status, message] of cases) {
    const response = await put(path, body);
    assert.equal(response.status, status, `${JSON.stringify(body)} to ${path}`);
    const { error } = (await response.json()) as { error: { message: string; issues?: unknown } };
    assert.match(`${error.message} ${JSON.stringify(error.issues ?? [])}`, message, JSON.stringify(body));
  }
  assert.equal(await snapshot(rc.db, ['login_attempts']), before);
});
