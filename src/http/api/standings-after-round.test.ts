/** `?afterRound=N` on the standings routes: the championship as it stood after round N. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import type { ApiFixture } from '../../../test/support/api-fixture.ts';
import { openApiFixture } from '../../../test/support/api-fixture.ts';

let api: ApiFixture;
before(async () => {
  api = await openApiFixture();
});
after(() => api.close());

interface Document {
  rounds: { round: number }[];
  standings: { rows: { position: number; car: string; points: number; rounds: unknown[] }[] }[];
}

test('after round 3 of 2019-20, LMP2 stood G-Drive 65, Carlin 56, Eurasia 55 (stopandgo.tv before Sepang)', async () => {
  const response = await api.get('/api/v1/seasons/alms-2019-20/standings?class=LMP2&kind=teams&afterRound=3');
  assert.equal(response.status, 200);
  const body = (await response.json()) as Document;
  assert.deepEqual(
    body.rounds.map((r) => r.round),
    [1, 2, 3],
  );
  const rows = body.standings[0]!.rows;
  assert.deepEqual(
    rows.slice(0, 3).map((r) => [r.position, r.car, r.points]),
    [
      [1, '26', 65],
      [2, '45', 56],
      [3, '36', 55],
    ],
  );
  assert.ok(rows.every((r) => r.rounds.length === 3));
  // The season's own table moves on after round 4.
  const full = (await (
    await api.get('/api/v1/seasons/alms-2019-20/standings?class=LMP2&kind=teams')
  ).json()) as Document;
  assert.deepEqual(
    full.standings[0]!.rows.slice(0, 2).map((r) => [r.car, r.points]),
    [
      ['26', 83],
      ['45', 82],
    ],
  );
});

test('the CSV variant has the columns of the rounds so far, and says so in its file name', async () => {
  const response = await api.get('/api/v1/seasons/alms-2019-20/standings.csv?class=LMP2&kind=teams&afterRound=1');
  assert.equal(response.status, 200);
  assert.match(
    response.headers.get('content-disposition') ?? '',
    /alms-2019-20-standings-lmp2-teams-after-round-1\.csv/,
  );
  const [first] = parse<Record<string, string>>(await response.text(), { columns: true });
  assert.ok(first && 'r1_points' in first);
  assert.ok(!Object.keys(first).some((name) => name.startsWith('r2_')));
});

test('a round the season does not have is a 400 that lists its rounds', async () => {
  for (const bad of ['9', '0', 'two']) {
    const response = await api.get(`/api/v1/seasons/alms-2019-20/standings?afterRound=${bad}`);
    assert.equal(response.status, 400, bad);
    const body = (await response.json()) as { message?: string; error?: { message?: string } };
    assert.match(JSON.stringify(body), /afterRound/, bad);
  }
  const nine = await (await api.get('/api/v1/seasons/alms-2019-20/standings.csv?afterRound=9')).text();
  assert.match(nine, /has no round 9; its rounds are 1, 2, 3, 4/);
});

test('the OpenAPI document declares afterRound on both standings routes', async () => {
  const document = (await (await api.get('/api/openapi.json')).json()) as {
    paths: Record<string, { get: { parameters: { name: string; in: string }[] } }>;
  };
  for (const path of ['/v1/seasons/{id}/standings', '/v1/seasons/{id}/standings.csv']) {
    const parameters = document.paths[path]?.get.parameters ?? [];
    assert.ok(
      parameters.some((p) => p.name === 'afterRound' && p.in === 'query'),
      path,
    );
  }
});

test('each round is its own answer in the response store (afterRound is a parameter the route reads)', async () => {
  const points = async (round: number) => {
    const body = (await (
      await api.get(`/api/v1/seasons/alms-2019-20/standings?class=LMP2&kind=teams&afterRound=${round}&bust=${round}`)
    ).json()) as Document;
    return body.standings[0]!.rows.find((r) => r.car === '26')?.points;
  };
  assert.deepEqual([await points(1), await points(2), await points(1)], [25, 50, 25]);
});

test('the command and the API give the same document for the same question, byte for byte', async () => {
  const bin = new URL('../../../bin/pitwall.js', import.meta.url).pathname;
  const bundled = new URL('../../../data/seasons/alms-2019-20.yaml', import.meta.url).pathname;
  for (const [args, query] of [
    [['--after-round', '2'], 'afterRound=2'],
    [['--class', 'GT', '--kind', 'drivers'], 'class=GT&kind=drivers'],
  ] as const) {
    const run = spawnSync(process.execPath, [bin, 'standings', bundled, '--format', 'json', ...args], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    const served = await (await api.get(`/api/v1/seasons/alms-2019-20/standings?${query}`)).text();
    // The command indents its JSON for people; the same document, compact, is the API's bytes.
    assert.equal(JSON.stringify(JSON.parse(run.stdout)), served, query);
  }
});
