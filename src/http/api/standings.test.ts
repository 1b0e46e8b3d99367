import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { seasonStandings } from '../../domain/standings.ts';
import { standingsDocument } from '../../formats/standings-json.ts';
import type { ApiFixture } from '../../../test/support/api-fixture.ts';
import { openApiFixture } from '../../../test/support/api-fixture.ts';

let api: ApiFixture;
before(async () => {
  api = await openApiFixture();
});
after(() => api.close());

/** What `pitwall standings --format json` prints, parsed: the contract the API must equal. */
const cliDocument = (filter: (t: { class: string; kind: string }) => boolean = () => true): unknown =>
  JSON.parse(JSON.stringify(standingsDocument(api.alms, seasonStandings(api.alms).filter(filter))));

describe('GET /api/v1/seasons/{id}/standings', () => {
  test('is exactly standingsDocument() for the whole season', async () => {
    const response = await api.get('/api/v1/seasons/alms-2019-20/standings');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(await response.json(), cliDocument());
  });

  test('class and kind filter the tables', async () => {
    const both = await api.get('/api/v1/seasons/alms-2019-20/standings?class=GT%20Am&kind=drivers');
    assert.deepEqual(
      await both.json(),
      cliDocument((t) => t.class === 'GT Am' && t.kind === 'drivers'),
    );
    const kind = await api.get('/api/v1/seasons/alms-2019-20/standings?kind=teams');
    const body = (await kind.json()) as { standings: { class: string; kind: string }[] };
    assert.deepEqual(
      body,
      cliDocument((t) => t.kind === 'teams'),
    );
    assert.equal(body.standings.length, 5);
  });

  test('the LMP2 teams champion is G-Drive #26 (the published table)', async () => {
    const response = await api.get('/api/v1/seasons/alms-2019-20/standings?class=LMP2&kind=teams');
    const body = (await response.json()) as { standings: { rows: { position: number; car: string }[] }[] };
    assert.deepEqual(body.standings[0]?.rows[0]?.car, '26');
  });

  test('400 for an unknown class, naming the classes of the season', async () => {
    const response = await api.get('/api/v1/seasons/alms-2019-20/standings?class=Hypercar');
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'bad-request');
    assert.match(body.error.message, /Hypercar/);
    for (const known of ['LMP2', 'LMP2 Am', 'LMP3', 'GT', 'GT Am'])
      assert.ok(body.error.message.includes(`'${known}'`));
  });

  test('400 for an unknown kind, naming teams and drivers', async () => {
    const response = await api.get('/api/v1/seasons/alms-2019-20/standings?kind=constructors');
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { code: string; message: string; issues: { path: string }[] } };
    assert.equal(body.error.code, 'bad-request');
    assert.match(body.error.message, /teams/);
    assert.match(body.error.message, /drivers/);
    assert.deepEqual(
      body.error.issues.map((i) => i.path),
      ['query.kind'],
    );
  });

  test('404 for an unknown season', async () => {
    const response = await api.get('/api/v1/seasons/nope/standings');
    assert.equal(response.status, 404);
    assert.deepEqual(Object.keys(((await response.json()) as { error: object }).error).sort(), ['code', 'message']);
  });
});

describe('GET /api/v1/seasons/{id}/standings.csv', () => {
  test('parses as CSV: a header, then one record per standings row', async () => {
    const response = await api.get('/api/v1/seasons/alms-2019-20/standings.csv');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(response.headers.get('content-disposition'), 'attachment; filename="alms-2019-20-standings.csv"');
    const records = parse<Record<string, string>>(await response.text(), { columns: true });
    const tables = seasonStandings(api.alms);
    assert.equal(
      records.length,
      tables.reduce((n, t) => n + t.rows.length, 0),
    );
    assert.deepEqual(Object.keys(records[0] ?? {}).slice(0, 7), [
      'class',
      'kind',
      'position',
      'car',
      'team',
      'driver',
      'nationality',
    ]);
  });

  test('rows agree with the JSON standings', async () => {
    const csv = await api.get('/api/v1/seasons/alms-2019-20/standings.csv?class=LMP2&kind=drivers');
    assert.equal(
      csv.headers.get('content-disposition'),
      'attachment; filename="alms-2019-20-standings-lmp2-drivers.csv"',
    );
    const records = parse<Record<string, string>>(await csv.text(), { columns: true });
    const json = (await (await api.get('/api/v1/seasons/alms-2019-20/standings?class=LMP2&kind=drivers')).json()) as {
      standings: { rows: { position: number; driver: string; points: number }[] }[];
    };
    const rows = json.standings[0]?.rows ?? [];
    assert.equal(records.length, rows.length);
    rows.forEach((row, i) => {
      assert.equal(records[i]?.driver, row.driver);
      assert.equal(Number(records[i]?.position), row.position);
      assert.equal(Number(records[i]?.points), row.points);
      assert.equal(records[i]?.class, 'LMP2');
      assert.equal(records[i]?.kind, 'drivers');
    });
  });

  test('400 for an unknown class', async () => {
    const response = await api.get('/api/v1/seasons/alms-2019-20/standings.csv?class=F1');
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'bad-request');
  });
});
