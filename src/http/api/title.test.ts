import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiFixture } from '../../../test/support/api-fixture.ts';
import { openApiFixture } from '../../../test/support/api-fixture.ts';

let api: ApiFixture;
before(async () => {
  api = await openApiFixture();
});
after(() => api.close());

test('the LMP2 teams title fight before round 4: the scenarios contract, with chances', async () => {
  const body = await (await api.get('/api/v1/seasons/alms-2019-20/title/LMP2?beforeRound=4')).json();
  assert.equal(body.class, 'LMP2');
  assert.equal(body.kind, 'teams');
  assert.equal(body.beforeRound, 4);
  assert.deepEqual(
    body.contenders.map((r: { car: string; points: number }) => [r.car, r.points]),
    [
      ['26', 65],
      ['45', 56],
      ['36', 55],
    ],
  );
  const chances = body.contenders.map((r: { titleChance: number }) => r.titleChance);
  assert.ok(chances.every((p: number) => p > 0 && p < 1));
  // Seven LMP2 cars: the other four can no longer win (a count, so that an empty list cannot pass).
  assert.equal(body.eliminated.length, 4);
  assert.ok(body.eliminated.every((r: { canWin: boolean; titleChance: number }) => !r.canWin && r.titleChance === 0));
  const drivers = await (await api.get('/api/v1/seasons/alms-2019-20/title/LMP2?beforeRound=4&kind=drivers')).json();
  assert.ok(drivers.contenders.length >= 3);
  assert.ok(drivers.contenders.every((r: { driver: string; titleChance: null }) => r.driver && r.titleChance === null));
});

test('pole=1 without the class pole in the season: 400 with the reason; no such round: 404', async () => {
  const noPole = await api.get('/api/v1/seasons/alms-2019-20/title/GT%20Am?beforeRound=2&pole=1');
  assert.equal(noPole.status, 400);
  const body = await noPole.json();
  assert.equal(body.error.code, 'bad-request');
  assert.match(body.error.message, /round 2 \(4 Hours of The Bend\) has no GT Am pole in the season/);
  assert.equal((await api.get('/api/v1/seasons/alms-2019-20/title/LMP2?beforeRound=9')).status, 404);
});

test('a finished season: the finale, as the CLI answers, with the rules of each sentence', async () => {
  const body = await (await api.get('/api/v1/seasons/alms-2019-20/title/LMP2')).json();
  assert.deepEqual([body.beforeRound, body.poleKnown], [4, false]);
  const [gDrive] = body.contenders;
  assert.deepEqual(gDrive.sentences[0], {
    text: 'G-Drive Racing with Algarve is champion if it finishes 2nd or better',
    kind: 'rule',
    rule: { positions: { '26': [1, 2] } },
  });
});
