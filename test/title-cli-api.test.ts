/**
 * Issue 14: `pitwall scenarios … --format json` and `GET /api/v1/seasons/{id}/title/{class}` are
 * one use-case (src/app/title-fight.ts) and answer the same question with the same bytes —
 * including a finished season, where both ask about its last round (how the title was decided).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ApiFixture } from './support/api-fixture.ts';
import { BUNDLED, openApiFixture } from './support/api-fixture.ts';

const run = promisify(execFile);
const BIN = new URL('../bin/pitwall.js', import.meta.url).pathname;

let api: ApiFixture;
before(async () => {
  api = await openApiFixture();
});
after(() => api.close());

interface Question {
  readonly classId: string;
  readonly kind: 'teams' | 'drivers';
  readonly beforeRound?: number;
  readonly pole?: boolean;
}

async function both(q: Question): Promise<{ cli: string; api: string; status: number }> {
  const args = ['scenarios', BUNDLED.pathname, '--class', q.classId, '--kind', q.kind, '--format', 'json'];
  if (q.beforeRound !== undefined) args.push('--before-round', String(q.beforeRound));
  if (q.pole) args.push('--with-pole');
  const { stdout } = await run(process.execPath, [BIN, ...args], { maxBuffer: 16 * 1024 * 1024 });
  const query = new URLSearchParams({ kind: q.kind });
  if (q.beforeRound !== undefined) query.set('beforeRound', String(q.beforeRound));
  if (q.pole) query.set('pole', '1');
  const response = await api.get(`/api/v1/seasons/alms-2019-20/title/${encodeURIComponent(q.classId)}?${query}`);
  return { cli: stdout, api: await response.text(), status: response.status };
}

const QUESTIONS: readonly Question[] = [
  { classId: 'LMP2', kind: 'teams' },
  { classId: 'LMP2', kind: 'drivers' },
  { classId: 'LMP2', kind: 'teams', beforeRound: 4 },
  { classId: 'LMP2', kind: 'teams', beforeRound: 4, pole: true },
  { classId: 'LMP3', kind: 'drivers', beforeRound: 3 },
  { classId: 'GT Am', kind: 'teams', beforeRound: 1 },
];

for (const q of QUESTIONS) {
  const said = `${q.classId} ${q.kind}${q.beforeRound ? ` before round ${q.beforeRound}` : ' (finished season: the default)'}${q.pole ? ', pole known' : ''}`;
  test(`the CLI and the API give the same bytes: ${said}`, async () => {
    const { cli, api: body, status } = await both(q);
    assert.equal(status, 200);
    assert.equal(body, cli);
    const doc = JSON.parse(body);
    assert.equal(doc.beforeRound, q.beforeRound ?? 4, 'a finished season is asked about before its last round');
    assert.equal(doc.poleKnown, q.pole === true);
    assert.ok(doc.contenders.length > 0);
    for (const row of doc.contenders) {
      assert.equal(typeof row.commentary, 'string');
      assert.equal(row.titleChance === null, q.kind === 'drivers', 'chances are simulated for the teams');
    }
  });
}
