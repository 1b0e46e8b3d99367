import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiFixture } from '../../../test/support/api-fixture.ts';
import { openApiFixture } from '../../../test/support/api-fixture.ts';

let api: ApiFixture;
before(async () => {
  api = await openApiFixture();
});
after(() => api.close());

const lmp2Teams = async (query = '') => {
  const body = await (await api.get(`/api/v1/seasons/alms-2019-20/standings?class=LMP2&kind=teams${query}`)).json();
  return body.standings[0].rows.slice(0, 2).map((r: { car: string; points: number }) => [r.car, r.points]);
};

test('a decision shows in the decisions list, in the round, and in the standings; "as of" shows before', async () => {
  assert.deepEqual(await (await api.get('/api/v1/seasons/alms-2019-20/decisions')).json(), []);
  const issued = await api.office.issueDecision(
    'alms-2019-20',
    {
      round: 4,
      kind: 'points-deduction',
      class: 'LMP2',
      car: '26',
      points: 2,
      reason: 'Unsafe release',
      regulation: 'Art. 12',
    },
    'Stella Steward',
  );
  assert.ok(issued.ok);
  const list = await (await api.get('/api/v1/seasons/alms-2019-20/decisions')).json();
  assert.equal(list.length, 1);
  assert.equal(list[0].kind, 'points-deduction');
  assert.equal(list[0].by, 'Stella Steward');
  assert.equal(list[0].regulation, 'Art. 12');
  assert.deepEqual(list[0].impact, ['#26 P2, −2 points']);

  const round4 = await (await api.get('/api/v1/seasons/alms-2019-20/rounds/4/results')).json();
  assert.equal(round4.state, 'final');
  assert.equal(round4.decisions.length, 1);

  assert.deepEqual(await lmp2Teams(), [
    ['45', 82],
    ['26', 81],
  ]);
  // Just before the decision, not a second before: the season may have been imported in that second.
  const before = new Date(Date.parse(issued.value.decision.at) - 1).toISOString();
  assert.deepEqual(await lmp2Teams(`&asOf=${before}`), [
    ['26', 83],
    ['45', 82],
  ]);
});

test('results=final leaves out provisional rounds', async () => {
  assert.ok((await api.office.setResultsState('alms-2019-20', 4, 'provisional', 'Tim Keeper')).ok);
  const round4 = await (await api.get('/api/v1/seasons/alms-2019-20/rounds/4/results')).json();
  assert.equal(round4.state, 'provisional');
  // Without round 4 and its decision (Carlin 1st + pole 26, G-Drive 2nd 18): 82 - 26 = 56, 83 - 18 = 65.
  assert.deepEqual(await lmp2Teams('&results=final'), [
    ['26', 65],
    ['45', 56],
  ]);
});

test('a bad asOf is a 400', async () => {
  const response = await api.get('/api/v1/seasons/alms-2019-20/standings?asOf=yesterday');
  assert.equal(response.status, 400);
  assert.equal((await response.json()).error.code, 'bad-request');
});
