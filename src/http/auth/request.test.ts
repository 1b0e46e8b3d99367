import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { clientIp, isSecureRequest, safeNext } from './request.ts';

test('after signing in, only paths of this site are followed', () => {
  assert.equal(safeNext('/admin/officials?x=1'), '/admin/officials?x=1');
  for (const unsafe of ['//evil.example', '/\\evil.example', 'https://evil.example', 'admin', '/a b', '/é', 7]) {
    assert.equal(safeNext(unsafe), '/admin', String(unsafe));
  }
});

/** What the helpers say about a request with these headers. */
async function seen(url: string, headers: Record<string, string>, trustProxy: boolean) {
  const app = new Hono();
  app.get('*', (c) => c.json({ ip: clientIp(c, trustProxy), secure: isSecureRequest(c) }));
  return (await app.request(url, { headers })).json() as Promise<{ ip: string; secure: boolean }>;
}

test('the client address comes from the proxy only when told to trust one, and then its last hop', async () => {
  const headers = { 'x-forwarded-for': '10.0.0.1, 198.51.100.4' };
  assert.equal((await seen('http://pitwall.test/', headers, true)).ip, '198.51.100.4');
  assert.equal((await seen('http://pitwall.test/', headers, false)).ip, 'unknown', 'no socket under app.request');
});

test('TLS is seen directly or through X-Forwarded-Proto', async () => {
  assert.equal((await seen('http://pitwall.test/', {}, false)).secure, false);
  assert.equal((await seen('https://pitwall.test/', {}, false)).secure, true);
  assert.equal((await seen('http://pitwall.test/', { 'x-forwarded-proto': 'https' }, false)).secure, true);
});
