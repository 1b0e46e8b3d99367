/**
 * A query string the route does not read must not make a new stored entry nor a new render
 * (`?bust=1`, `?bust=2`… once forced 20,000 simulated seasons each), and the expensive work
 * behind pages and API answers is kept by what it is computed from, not by URL.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import type { Office } from '../app/office.ts';
import { openOffice } from '../app/office.ts';
import { openTestDatabase } from '../../test/support/database.ts';
import { rawRequest, sendRaw } from '../../test/support/raw-http.ts';
import { BUNDLED, importSeason } from '../../test/support/api-fixture.ts';
import { apiRoutes } from './api/routes.ts';
import { Computed } from './computed.ts';
import { fastPath } from './fast-path.ts';
import { pageRoutes } from './pages/routes.tsx';
import { ResponseStore } from './response-store.ts';

const SEASON = '/seasons/alms-2019-20';
const API = '/api/v1/seasons/alms-2019-20';

let office: Office;
let store: ResponseStore;
let computed: Computed;
let app: Hono;
let server: Server;
let port: number;
before(async () => {
  office = await openOffice(await openTestDatabase());
  await importSeason(office, BUNDLED);
  // The parts createHttpParts puts together, held here so that the test can count what they keep.
  store = new ResponseStore();
  computed = new Computed();
  const today = () => '2026-01-01';
  app = new Hono();
  app.route('/api', apiRoutes(office, { store, today, computed }));
  app.route('/', pageRoutes(office, { store, today, computed }));
  server = createServer(fastPath({ app, store, today }, office, new Set<ServerResponse>()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await office.close();
});

async function get(path: string): Promise<{ status: number; etag: string | null; body: string }> {
  const response = await app.request(path);
  return { status: response.status, etag: response.headers.get('etag'), body: await response.text() };
}

describe('the stored entry of a URL', () => {
  test('unknown query parameters: the same entry and bytes as the bare path, on pages and API alike', async () => {
    for (const path of [
      '/',
      `${SEASON}`,
      `${SEASON}/standings`,
      `${SEASON}/rounds/1`,
      `${API}/standings`,
      `${API}/entries`,
      '/api',
    ]) {
      const bare = await get(path);
      assert.equal(bare.status, 200, path);
      const entries = store.size;
      for (let n = 1; n <= 20; n++) {
        const busted = await get(`${path}?bust=${n}&utm_source=x${n}`);
        assert.equal(busted.etag, bare.etag, `${path}?bust=${n}`);
        assert.equal(busted.body, bare.body);
      }
      assert.equal(store.size, entries, `${path}: no entry for ?bust=`);
    }
  });

  test('the parameters a route reads, in any order and among unknown ones, are one entry; other values another', async () => {
    const first = await get(`${API}/standings?class=LMP2&kind=teams`);
    const entries = store.size;
    const shuffled = await get(`${API}/standings?x=1&kind=teams&y=2&class=LMP2`);
    assert.equal(shuffled.etag, first.etag);
    assert.equal(store.size, entries);
    const other = await get(`${API}/standings?class=GT&kind=teams`);
    assert.notEqual(other.etag, first.etag);
    assert.equal(store.size, entries + 1);
    const page = await get(`${SEASON}/standings?class=lmp2`);
    assert.equal((await get(`${SEASON}/standings?bust=3&class=lmp2`)).etag, page.etag);
    assert.notEqual((await get(`${SEASON}/standings?class=gt`)).body, page.body);
  });

  test('pages that are not there are not stored: free-form paths cannot crowd out the pages', async () => {
    const entries = store.size;
    for (let n = 0; n < 30; n++) assert.equal((await get(`/nowhere-${n}?bust=${n}`)).status, 404);
    assert.equal((await get(`${SEASON}/rounds/99`)).status, 404);
    assert.equal(store.size, entries);
  });

  test("the server's fast path keys a request the way the app does: ?bust= is answered from the stored bytes", async () => {
    const path = `${API}/calendar.ics`;
    const bare = await sendRaw(port, rawRequest(path));
    assert.equal(bare.status, 200);
    const entries = store.size;
    for (let n = 0; n < 10; n++) {
      const busted = await sendRaw(port, rawRequest(`${path}?bust=${n}`));
      assert.deepEqual(busted.body, bare.body);
    }
    assert.equal(store.size, entries);
  });
});

describe('the work behind the title fight', () => {
  test('?bust= on the title page and every way to ask the same question simulate once', async () => {
    const before = { ...computed.computedCount };
    const page = await get(`${SEASON}/title/lmp2`);
    assert.equal(page.status, 200);
    assert.match(page.body, /%/, 'the page shows chances');
    const entries = store.size;
    for (let n = 0; n < 10; n++) assert.equal((await get(`${SEASON}/title/lmp2?bust=${n}`)).etag, page.etag);
    assert.equal(store.size, entries, 'one entry');
    // Other URLs, the same question: the class spelled otherwise, the default written out, the API.
    for (const path of [
      `${SEASON}/title/LMP2`,
      `${SEASON}/title/lmp2?kind=teams`,
      `${API}/title/LMP2`,
      `${API}/title/LMP2?kind=teams&bust=1`,
    ]) {
      assert.equal((await get(path)).status, 200, path);
    }
    assert.equal(computed.computedCount.scenarios - before.scenarios, 1, 'the last round analysed once');
    assert.equal(computed.computedCount.odds - before.odds, 1, '20,000 seasons simulated once');
  });
});

describe("the stewards' decisions' before/after", () => {
  test('folded once per revision for every page and answer that shows it', async () => {
    const issued = await office.issueDecision(
      'alms-2019-20',
      { round: 2, kind: 'drop-positions', car: '26', positions: 2, reason: 'Causing a collision' },
      'Stella Steward',
    );
    assert.ok(issued.ok, JSON.stringify(issued));
    const before = computed.computedCount.impacts;
    for (const path of [
      `${SEASON}/rounds/2`,
      `${SEASON}/rounds/2?asOf=2030-01-01T00:00:00Z`,
      `${SEASON}/rounds/1`,
      `${API}/rounds/2/results`,
      `${API}/rounds/2/results?asOf=2030-01-01T00:00:00Z`,
      `${API}/decisions`,
    ]) {
      const answer = await get(path);
      assert.equal(answer.status, 200, path);
      if (path.includes('rounds/2')) assert.match(answer.body, /#26 P1 → P3/, path);
    }
    assert.equal(computed.computedCount.impacts - before, 1);
  });
});
