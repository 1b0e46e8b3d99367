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
  assert.ok(body.eliminated.every((r: { canWin: boolean; titleChance: number }) => !r.canWin && r.titleChance === 0));
  const drivers = await (await api.get('/api/v1/seasons/alms-2019-20/title/LMP2?beforeRound=4&kind=drivers')).json();
  assert.ok(drivers.contenders.every((r: { driver: string; titleChance: null }) => r.driver && r.titleChance === null));
});
