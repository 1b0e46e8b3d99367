/**
 * Stored pages are served to everyone, so nothing a client writes in its request line or Host
 * header may end up in them. Each hostile request is the first to ask for its page (so it is the
 * one whose answer is stored); the ordinary visitor after it must get the same bytes as on a
 * server nobody attacked.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Office } from '../app/office.ts';
import { openOffice } from '../app/office.ts';
import { openTestDatabase } from '../../test/support/database.ts';
import { rawRequest, sendRaw } from '../../test/support/raw-http.ts';
import { BUNDLED, importSeason } from '../../test/support/api-fixture.ts';
import { createHttpParts } from './app.ts';
import type { HttpParts } from './app.ts';
import { fastPath } from './fast-path.ts';

const PUBLIC_URL = 'https://pitwall.example.org';

let office: Office;
let parts: HttpParts;
let server: Server;
let port: number;
before(async () => {
  office = await openOffice(await openTestDatabase());
  await importSeason(office, BUNDLED);
  parts = createHttpParts(office, { publicUrl: PUBLIC_URL });
  server = createServer(fastPath(parts, office, new Set<ServerResponse>()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await office.close();
});

/** What an ordinary visitor gets from a server nobody attacked. */
async function unattacked(path: string): Promise<Buffer> {
  const response = await createHttpParts(office, { publicUrl: PUBLIC_URL }).app.request(path);
  assert.equal(response.status, 200, path);
  return Buffer.from(await response.arrayBuffer());
}

async function ordinary(path: string): Promise<Buffer> {
  const answer = await sendRaw(port, rawRequest(path, { host: `127.0.0.1:${port}` }));
  assert.equal(answer.status, 200, path);
  return answer.body;
}

/** Each way a client can name another host: in the request target, or in the Host header. */
function hostileRequests(path: string): Buffer[] {
  return [
    rawRequest(`http://evil.example${path}`),
    rawRequest(`https://evil.example:8443${path}`),
    rawRequest(`HTTP://EVIL.EXAMPLE${path}`),
    rawRequest(path, { host: 'evil.example' }),
    rawRequest(path, { host: 'evil.example:80' }),
    rawRequest(path, { host: 'EVIL.EXAMPLE' }),
    rawRequest(path, { host: 'evil.example.' }),
    rawRequest(path, { host: '' }),
    rawRequest(path, { host: null }),
    rawRequest(path, { host: 'evil.example/../x' }),
    rawRequest(path, { host: `evil.example${'x'.repeat(2_000)}` }),
    rawRequest(path, {
      host: 'localhost',
      headers: { 'X-Forwarded-Host': 'evil.example', Forwarded: 'host=evil.example' },
    }),
  ];
}

test('an absolute-URL request line or an odd Host never reaches a stored page: the next visitor gets the usual bytes', async () => {
  const paths = [
    '/api',
    '/api/openapi.json',
    '/api/v1/seasons',
    '/',
    '/seasons/alms-2019-20/standings',
    '/seasons/alms-2019-20/rounds/1',
  ];
  for (const path of paths) {
    for (const request of hostileRequests(path)) {
      const answer = await sendRaw(port, request);
      assert.ok(answer.status >= 200 && answer.status < 500, `${path}: ${answer.status}`);
      assert.doesNotMatch(answer.body.toString('utf8'), /evil\.example/i, path);
    }
    assert.deepEqual(await ordinary(path), await unattacked(path), path);
  }
});

test("the API page's links are relative, and its curl lines use the configured public URL", async () => {
  const page = (await ordinary('/api')).toString('utf8');
  assert.match(page, /<a href="\/api\/openapi\.json">/);
  const curls = [...page.matchAll(/curl -sN? '([^']+)'/g)].map((m) => m[1] ?? '');
  assert.ok(curls.length > 10, `${curls.length} curl lines`);
  for (const url of curls) assert.ok(url === `${PUBLIC_URL}/api` || url.startsWith(`${PUBLIC_URL}/api/`), url);
  assert.doesNotMatch(page, /127\.0\.0\.1|localhost/);
});

test('one stored copy whatever the Host: a page asked on other hosts is answered from the same entry', async () => {
  const path = '/api/v1/seasons/alms-2019-20/entries';
  const first = await sendRaw(port, rawRequest(path, { host: 'one.example' }));
  assert.equal(first.status, 200);
  const stored = parts.store.size;
  for (const host of ['two.example:8080', 'three.example', `127.0.0.1:${port}`]) {
    const again = await sendRaw(port, rawRequest(path, { host }));
    assert.deepEqual(again.body, first.body, host);
  }
  assert.equal(parts.store.size, stored);
});
