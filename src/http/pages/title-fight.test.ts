import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiFixture } from '../../../test/support/api-fixture.ts';
import { openApiFixture } from '../../../test/support/api-fixture.ts';

let portal: ApiFixture;
before(async () => {
  portal = await openApiFixture();
});
after(() => portal.close());

test('the LMP2 title fight before Buriram: three contenders, what they need, their chances, the invitation', async () => {
  const response = await portal.get('/seasons/alms-2019-20/title/lmp2?beforeRound=4&pole=1');
  assert.equal(response.status, 200);
  const html = await response.text();
  const rows = [...html.matchAll(/<tr><th scope="row">([^<]+)<\/th><td class="points">([\d.]+)<\/td>/g)].map((m) => [
    m[1],
    m[2],
  ]);
  assert.deepEqual(rows, [
    ['G-Drive Racing with Algarve', '65'],
    ['Thunderhead Carlin Racing', '57'],
    ['Eurasia Motorsport #36', '55'],
  ]);
  assert.match(html, /G-Drive Racing with Algarve is champion if it finishes 2nd or better/);
  assert.match(html, /class="chance-text">\d+(\.\d)?%/);
  assert.match(html, /#26 G-Drive Racing with Algarve: LMP2 champions/);
});

test('an unknown class or round is a 404', async () => {
  assert.equal((await portal.get('/seasons/alms-2019-20/title/lmp9')).status, 404);
  assert.equal((await portal.get('/seasons/alms-2019-20/title/lmp2?beforeRound=9')).status, 404);
});
