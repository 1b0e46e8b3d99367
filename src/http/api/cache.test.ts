import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { after, before, describe, test } from 'node:test';
import { etagOf, matchesIfNoneMatch } from './cache.ts';
import type { ApiFixture } from '../../../test/support/api-fixture.ts';
import { BUNDLED, openApiFixture } from '../../../test/support/api-fixture.ts';

let api: ApiFixture;
before(async () => {
  api = await openApiFixture();
});
after(() => api.close());

const READS = [
  '/api',
  '/api/openapi.json',
  '/api/v1/seasons',
  '/api/v1/seasons/alms-2019-20',
  '/api/v1/seasons/alms-2019-20/entries',
  '/api/v1/seasons/alms-2019-20/rounds/1/results',
  '/api/v1/seasons/alms-2019-20/standings',
  '/api/v1/seasons/alms-2019-20/standings?class=LMP2',
  '/api/v1/seasons/alms-2019-20/standings.csv',
  '/api/v1/seasons/alms-2019-20/calendar.ics',
  '/api/v1/drivers/roman-rusinov',
  '/api/v1/teams/car-guy-racing',
];

describe('ETag and Cache-Control', () => {
  test('every read has a strong ETag of its bytes and Cache-Control: public, max-age=60', async () => {
    for (const path of READS) {
      const response = await api.get(path);
      assert.equal(response.status, 200, path);
      const body = new Uint8Array(await response.arrayBuffer());
      assert.equal(response.headers.get('etag'), etagOf(body), path);
      assert.match(response.headers.get('etag') ?? '', /^"[\w-]+"$/, `${path}: strong`);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=60', path);
    }
  });

  test('If-None-Match with the ETag gives 304 and no body, first time and from the cache', async () => {
    for (const path of READS) {
      const etag = (await api.get(path)).headers.get('etag') ?? '';
      const notModified = await api.get(path, { 'If-None-Match': etag });
      assert.equal(notModified.status, 304, path);
      assert.equal(await notModified.text(), '');
      assert.equal(notModified.headers.get('etag'), etag);
      assert.equal(notModified.headers.get('cache-control'), 'public, max-age=60');
    }
  });

  test('a list of tags, a weakened tag and * match; another tag does not', () => {
    const etag = '"abc"';
    assert.ok(matchesIfNoneMatch('"x", "abc"', etag));
    assert.ok(matchesIfNoneMatch('W/"abc"', etag));
    assert.ok(matchesIfNoneMatch('*', etag));
    assert.ok(!matchesIfNoneMatch('"abcd"', etag));
    assert.ok(!matchesIfNoneMatch(undefined, etag));
  });

  test('a stale tag gets the full response', async () => {
    const response = await api.get('/api/v1/seasons', { 'If-None-Match': '"stale"' });
    assert.equal(response.status, 200);
    assert.ok((await response.json()) instanceof Array);
  });

  test('HEAD answers the same headers as GET, without a body', async () => {
    const path = '/api/v1/seasons/alms-2019-20/standings';
    const get = await api.get(path);
    const head = await api.app.request(path, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('etag'), get.headers.get('etag'));
    assert.equal(await head.text(), '');
  });

  test('the cache answers with the same bytes, and differing queries are different entries', async () => {
    const path = '/api/v1/seasons/alms-2019-20/standings';
    const first = await (await api.get(path)).text();
    const second = await (await api.get(path)).text();
    assert.equal(second, first);
    const filtered = await (await api.get(`${path}?kind=drivers`)).text();
    assert.notEqual(filtered, first);
  });
});

describe('over real HTTP (@hono/node-server)', () => {
  test('If-None-Match, read from the headers Node parsed, gives 304', async () => {
    const server = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/seasons/alms-2019-20/standings`;
    try {
      for (let i = 0; i < 2; i++) {
        // The first round trip fills the cache, the second is a hit.
        const full = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } });
        assert.equal(full.status, 200);
        assert.equal(full.headers.get('content-encoding'), null);
        const etag = full.headers.get('etag') ?? '';
        const body = new Uint8Array(await full.arrayBuffer());
        assert.equal(etag, etagOf(body));
        const notModified = await fetch(url, { headers: { 'If-None-Match': etag } });
        assert.equal(notModified.status, 304);
        assert.equal(notModified.headers.get('etag'), etag);
        // Compressed for a client that takes gzip (fetch does), under an ETag of its own.
        const gzip = await fetch(url);
        assert.equal(gzip.headers.get('content-encoding'), 'gzip');
        assert.equal(gzip.headers.get('vary'), 'accept-encoding');
        assert.notEqual(gzip.headers.get('etag'), etag);
        assert.deepEqual(new Uint8Array(await gzip.arrayBuffer()), body);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('a new revision of the data', () => {
  test('changes the bytes and ETags; an old ETag gets the full response', async () => {
    const before = await api.get('/api/v1/seasons');
    const etag = before.headers.get('etag') ?? '';
    assert.equal(((await before.json()) as unknown[]).length, 2);
    const missing = await api.get('/api/v1/seasons/alms-2020');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('cache-control'), 'no-store');

    const renamed = (await readFile(BUNDLED, 'utf8'))
      .replace(/^id: alms-2019-20$/m, 'id: alms-2020')
      .replace(/^season: "2019-20"$/m, 'season: "2020"');
    assert.ok((await api.office.importSeasonFile(renamed, 'alms-2020.yaml')).ok);

    const after = await api.get('/api/v1/seasons', { 'If-None-Match': etag });
    assert.equal(after.status, 200);
    assert.notEqual(after.headers.get('etag'), etag);
    assert.equal(((await after.json()) as unknown[]).length, 3);
    assert.equal((await api.get('/api/v1/seasons/alms-2020')).status, 200);
  });
});

describe('errors', () => {
  test('an unknown route under /api is a JSON 404', async () => {
    const response = await api.get('/api/v2/whatever');
    assert.equal(response.status, 404);
    assert.deepEqual(await response.json(), {
      error: { code: 'not-found', message: 'No API route /api/v2/whatever; see /api for the list.' },
    });
  });

  test('writing is refused: 405, JSON', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await api.app.request('/api/v1/seasons', { method });
      assert.equal(response.status, 405, method);
      assert.equal(response.headers.get('allow'), 'GET, HEAD');
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'method-not-allowed');
    }
  });

  test('every error has the same shape and is not cached', async () => {
    for (const [path, status, code] of [
      ['/api/v1/seasons/nope', 404, 'not-found'],
      ['/api/v1/seasons/alms-2019-20/rounds/0/results', 400, 'bad-request'],
      ['/api/v1/seasons/alms-2019-20/standings?kind=x', 400, 'bad-request'],
      ['/api/v1/drivers/nobody', 404, 'not-found'],
    ] as const) {
      const response = await api.get(path);
      assert.equal(response.status, status, path);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('etag'), null);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, code);
      assert.equal(typeof body.error.message, 'string');
    }
  });
});
