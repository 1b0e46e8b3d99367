import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openOfficials } from '../../app/officials.ts';
import type { RunningServer } from '../server.ts';
import { startServer } from '../server.ts';
import { PASSWORD } from '../../../test/support/race-control.ts';

/** Over real HTTP: the server's fast path answers stored bytes before the app sees a request. */
let server: RunningServer;
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pitwall-auth-server-'));
  process.env.LOG_LEVEL = 'silent';
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'db') });
  const added = await openOfficials(server.office.db).add({ name: 'Ana', role: 'admin', password: PASSWORD });
  assert.ok(added.ok);
});
after(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

const url = (path: string) => server.url.replace('localhost', '127.0.0.1') + path;
const request = (path: string, init: RequestInit = {}) => fetch(url(path), { redirect: 'manual', ...init });

test('an official’s page is never replayed to anyone else', async () => {
  const form = await request('/login');
  const nonce = /pitwall_login=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const login = await request('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `pitwall_login=${nonce}` },
    body: new URLSearchParams({ _csrf: csrf, name: 'Ana', password: PASSWORD }).toString(),
  });
  assert.equal(login.status, 303);
  const session = /pitwall_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';

  for (let i = 0; i < 2; i += 1) {
    const page = await request('/admin', { headers: { cookie: `pitwall_session=${session}` } });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Signed in as <strong>Ana<\/strong>/);
  }
  const anonymous = await request('/admin');
  assert.equal(anonymous.status, 303);
  assert.equal(anonymous.headers.get('location'), '/login?next=%2Fadmin');
  assert.equal(anonymous.headers.get('cache-control'), 'no-store');
});
