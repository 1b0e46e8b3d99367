/** A refusal quotes at most 80 characters of what was asked for, however long the path or query. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ApiFixture } from '../../../test/support/api-fixture.ts';
import { openApiFixture } from '../../../test/support/api-fixture.ts';

let api: ApiFixture;
before(async () => {
  api = await openApiFixture();
});
after(() => api.close());

const LONG = `x${'y'.repeat(8000)}`;

test('a long unknown season, driver, team, class or API path is quoted in 80 characters and an ellipsis', async () => {
  const cases: [string, number][] = [
    [`/api/v1/seasons/${LONG}`, 404],
    [`/api/v1/seasons/${LONG}/standings`, 404],
    [`/api/v1/drivers/${LONG}`, 404],
    [`/api/v1/teams/${LONG}`, 404],
    [`/api/v1/seasons/alms-2019-20/standings?class=${LONG}`, 400],
    [`/api/v1/seasons/alms-2019-20/standings.csv?class=${LONG}`, 400],
    [`/api/v1/${LONG}`, 404],
  ];
  for (const [path, status] of cases) {
    const response = await api.get(path);
    assert.equal(response.status, status, path.slice(0, 40));
    const { error } = (await response.json()) as { error: { message: string } };
    assert.match(error.message, /xy+…/, path.slice(0, 40));
    assert.ok(!error.message.includes('y'.repeat(80)), `${path.slice(0, 40)}: ${error.message.slice(0, 200)}`);
    assert.ok(error.message.length < 400, `${path.slice(0, 40)}: ${error.message.length} characters`);
  }
});
