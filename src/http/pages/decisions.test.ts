import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiFixture } from '../../../test/support/api-fixture.ts';
import { openApiFixture } from '../../../test/support/api-fixture.ts';

let portal: ApiFixture;
before(async () => {
  portal = await openApiFixture();
});
after(() => portal.close());

test('the results page shows the provisional state and each decision with its effect', async () => {
  const page = async () => (await portal.get('/seasons/alms-2019-20/rounds/2')).text();
  assert.doesNotMatch(await page(), /Provisional results/);
  assert.doesNotMatch(await page(), /Stewards' decisions/);

  assert.ok((await portal.office.setResultsState('alms-2019-20', 2, 'provisional', 'Tim Keeper')).ok);
  const issued = await portal.office.issueDecision(
    'alms-2019-20',
    { round: 2, kind: 'drop-positions', car: '26', positions: 2, reason: 'Causing a collision', regulation: 'Art. 10' },
    'Stella Steward',
  );
  assert.ok(issued.ok, JSON.stringify(issued));
  const html = await page();
  assert.match(html, /Provisional results/);
  assert.match(html, /Stewards(&#39;|')? decisions/);
  assert.match(html, /#26: dropped 2 places/);
  assert.match(html, /Causing a collision/);
  assert.match(html, /Stella Steward/);
  assert.match(html, /#26 P1 → P3, −10 points/);
  const timed = await portal.office.issueDecision(
    'alms-2019-20',
    { round: 2, kind: 'time-penalty', car: '36', timeMs: 60_000, reason: 'Pit-lane speeding' },
    'Stella Steward',
  );
  assert.ok(!timed.ok);
  assert.match(timed.error.message, /#36 has no total time in round 2's classification/);
});

test('the standings page as of a moment before a decision shows the table as it stood', async () => {
  const decisions = await portal.office.decisions('alms-2019-20');
  const first = decisions[0]!;
  const before = new Date(Date.parse(first.at) - 60_000).toISOString();
  const then = await (await portal.get(`/seasons/alms-2019-20/standings?class=lmp2&asOf=${before}`)).text();
  const now = await (await portal.get('/seasons/alms-2019-20/standings?class=lmp2')).text();
  assert.match(then, /As it stood at/);
  assert.doesNotMatch(now, /As it stood at/);
  assert.notEqual(then, now);
  assert.equal((await portal.get('/seasons/alms-2019-20/standings?asOf=not-a-time')).status, 404);
});
