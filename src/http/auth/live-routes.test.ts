import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { RaceControl } from '../../../test/support/race-control.ts';
import { openRaceControl, snapshot } from '../../../test/support/race-control.ts';

const BUNDLED = new URL('../../../data/seasons/alms-2019-20.yaml', import.meta.url);
const EVENTS = '/api/v1/admin/seasons/alms-2019-20/rounds/4/live/events';
let rc: RaceControl;
let token = '';

before(async () => {
  rc = await openRaceControl();
  assert.ok((await rc.office.importSeasonFile(await readFile(BUNDLED, 'utf8'), 'alms-2019-20.yaml')).ok);
  const created = await rc.officials.createToken({ name: 'timing-buriram', scope: 'timing' });
  assert.ok(created.ok);
  token = created.value.token;
});
after(() => rc.close());

const post = (path: string, body: string) =>
  rc.app.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });

const lap = {
  car: '26',
  driverName: 'Roman Rusinov',
  lap: 1,
  lapTimeMs: 95_000,
  elapsedMs: 95_000,
  crossedInPit: false,
};

test('a body that is not a batch of events is a 400 that says what was expected, and changes nothing', async () => {
  const before = await snapshot(rc.db, ['login_attempts']);
  const cases: [string, string, RegExp][] = [
    [EVENTS, '{"events": [', /the body is not JSON: expected \{ "events": \[ \.\.\. \] \}/],
    [EVENTS, JSON.stringify([lap]), /expected a JSON object \{ "events": \[ \.\.\. \] \}/],
    [EVENTS, JSON.stringify({ events: Array.from({ length: 1001 }, () => lap) }), /at most 1000 events per request/],
  ];
  for (const [path, body, message] of cases) {
    const response = await post(path, body);
    assert.equal(response.status, 400, body.slice(0, 40));
    const answer = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(answer.error.code, 'bad-request');
    assert.match(answer.error.message, message);
  }
  const noRound = await post(
    '/api/v1/admin/seasons/alms-2019-20/rounds/9/live/events',
    JSON.stringify({ events: [lap] }),
  );
  assert.equal(noRound.status, 404);
  assert.match(((await noRound.json()) as { error: { message: string } }).error.message, /has no round 9/);
  assert.equal(await snapshot(rc.db, ['login_attempts']), before);
});

test('a malformed event is refused alone, with its index and field; the rest of the batch is stored', async () => {
  const response = await post(
    EVENTS,
    JSON.stringify({
      events: [lap, { ...lap, lap: 2, lapTimeMs: '1:35.000' }, { ...lap, lap: 2, elapsedMs: 190_000 }],
    }),
  );
  assert.equal(response.status, 200);
  const answer = (await response.json()) as { accepted: number; rejected: { index: number; field: string }[] };
  assert.equal(answer.accepted, 2);
  assert.deepEqual(
    answer.rejected.map((r) => [r.index, r.field]),
    [[1, 'lapTimeMs']],
  );
  const stored = await rc.db.query<{ seq: number; received_by: string }>(
    'SELECT seq, received_by FROM live_events ORDER BY seq',
  );
  assert.deepEqual(
    stored.map((r) => [r.seq, r.received_by]),
    [
      [1, 'token:timing-buriram'],
      [2, 'token:timing-buriram'],
    ],
  );
});
