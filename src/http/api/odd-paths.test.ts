/**
 * A path or query the public writes as it likes is a 4xx, never a 500: a NUL in a season id (it
 * would reach PostgreSQL), rounds written `1e0`, `0x1`, `1.0` or `01` (one round, one URL).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiFixture } from '../../../test/support/api-fixture.ts';
import { openApiFixture } from '../../../test/support/api-fixture.ts';

let api: ApiFixture;
before(async () => {
  api = await openApiFixture();
});
after(() => api.close());

test('a season id no season can have is a 404, as of any moment too', async () => {
  for (const path of [
    '/api/v1/seasons/a%00b',
    '/api/v1/seasons/a%00b/standings?asOf=2020-01-01T00:00:00Z',
    '/api/v1/seasons/a%00b/decisions',
    '/api/v1/seasons/a%00b/rounds/1/results?asOf=2020-01-01T00:00:00Z',
    '/seasons/a%00b?asOf=2020-01-01T00:00:00Z',
    '/seasons/a%00b/standings/lmp2/teams?asOf=2020-01-01T00:00:00Z',
    `/api/v1/seasons/${'x'.repeat(5000)}/standings?asOf=2020-01-01T00:00:00Z`,
  ]) {
    const response = await api.app.request(path);
    assert.equal(response.status, 404, path.slice(0, 80));
  }
});

test('a round is written in digits only', async () => {
  for (const round of ['1e0', '0x1', '1.0', '01', '-1', '0', ' 1']) {
    const response = await api.get(`/api/v1/seasons/alms-2019-20/rounds/${encodeURIComponent(round)}/results`);
    assert.equal(response.status, 400, round);
    const standings = await api.get(`/api/v1/seasons/alms-2019-20/standings?afterRound=${encodeURIComponent(round)}`);
    assert.equal(standings.status, 400, `afterRound=${round}`);
  }
  assert.equal((await api.get('/api/v1/seasons/alms-2019-20/rounds/1/results')).status, 200);
  assert.equal((await api.get('/api/v1/seasons/alms-2019-20/standings?afterRound=2')).status, 200);
});
