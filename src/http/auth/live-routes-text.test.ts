/**
 * One event with a character the database cannot hold (NUL, half a surrogate pair) is refused
 * alone, with its field; the rest of its batch is stored (docs/live.md). Run on PGlite, and on
 * PostgreSQL with DATABASE_URL.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { RaceControl } from '../../../test/support/race-control.ts';
import { openRaceControl } from '../../../test/support/race-control.ts';

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

const lap = (n: number, driverName = 'Roman Rusinov') => ({
  car: '26',
  driverName,
  lap: n,
  lapTimeMs: 95_000,
  elapsedMs: 95_000 * n,
  crossedInPit: false,
});

test('a batch with NUL in one driverName and a lone surrogate in another stores every other event', async () => {
  // JSON.stringify writes the lone surrogate as the escape \ud800, as a timing system would send it.
  const body = JSON.stringify({
    events: [lap(1), lap(2, 'Roman\u0000Rusinov'), lap(2), lap(3, 'Roman \ud800Rusinov'), lap(3)],
  });
  const response = await rc.app.request(EVENTS, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
  assert.equal(response.status, 200);
  const answer = (await response.json()) as {
    accepted: number;
    rejected: { index: number; field: string; message: string }[];
  };
  assert.equal(answer.accepted, 3);
  assert.deepEqual(answer.rejected, [
    {
      index: 1,
      field: 'driverName',
      message: 'expected text without control characters, found a control character (U+0000) at character 6',
    },
    {
      index: 3,
      field: 'driverName',
      message: 'expected text without control characters, found an unpaired surrogate (U+D800) at character 7',
    },
  ]);
  const stored = await rc.db.query<{ seq: number; event: { lap: number; driverName: string } }>(
    'SELECT seq, event FROM live_events ORDER BY seq',
  );
  assert.deepEqual(
    stored.map((r) => [Number(r.seq), r.event.lap, r.event.driverName]),
    [
      [1, 1, 'Roman Rusinov'],
      [2, 2, 'Roman Rusinov'],
      [3, 3, 'Roman Rusinov'],
    ],
  );
});
