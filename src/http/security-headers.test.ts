/**
 * Every response carries `X-Content-Type-Options: nosniff` and the Content-Security-Policy: pages,
 * API, assets, admin pages, errors — and the bytes the server's fast path replays from the store
 * without running the app. The pages hold nothing the policy would block.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openOffice } from '../app/office.ts';
import type { Office } from '../app/office.ts';
import { openTestDatabase } from '../../test/support/database.ts';
import { BUNDLED, importSeason } from '../../test/support/api-fixture.ts';
import { createHttpParts } from './app.ts';
import type { HttpParts } from './app.ts';
import { fastPath } from './fast-path.ts';
import { cacheKey } from './response-store.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

let office: Office;
let parts: HttpParts;
let server: Server;
let origin: string;

before(async () => {
  office = await openOffice(await openTestDatabase());
  await importSeason(office, BUNDLED);
  parts = createHttpParts(office);
  server = createServer(fastPath(parts, office, new Set<ServerResponse>()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await office.close();
});

const SEASON = '/seasons/alms-2019-20';
const PAGES = [
  '/',
  '/history',
  SEASON,
  `${SEASON}/rounds/1`,
  `${SEASON}/rounds/1/live`,
  `${SEASON}/standings`,
  `${SEASON}/standings/lmp2/teams`,
  `${SEASON}/title/lmp2?beforeRound=4`,
  '/drivers/roman-rusinov',
  '/api',
  '/login',
];
const OTHERS = [
  '/api/v1/seasons',
  '/api/v1/seasons/alms-2019-20/standings.csv',
  '/api/openapi.json',
  '/assets/pitwall.css',
  '/assets/live.js',
  '/admin',
  '/admin/officials',
  '/no/such/page',
  '/api/v1/no/such/route',
  '/api/v1/seasons/nope/standings',
];

function assertSecured(response: Response, where: string): void {
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff', where);
  assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, where);
}

test('every response, asked once and again (then from the stored bytes), carries nosniff and the policy', async () => {
  assert.match(CONTENT_SECURITY_POLICY, /^default-src 'self'; object-src 'none'; base-uri 'none'/);
  assert.match(CONTENT_SECURITY_POLICY, /frame-ancestors 'none'; form-action 'self'$/);
  for (const path of [...PAGES, ...OTHERS]) {
    for (const time of ['first', 'second']) {
      const response = await fetch(origin + path, { redirect: 'manual' });
      await response.arrayBuffer();
      assert.ok(response.status < 500, `${path}: ${response.status}`);
      assertSecured(response, `${path} (${time} time, ${response.status})`);
    }
  }
  // The second answers of the public pages came from the store, headers and all.
  for (const path of [...PAGES.filter((p) => p !== '/login'), '/api/v1/seasons']) {
    const stored = parts.store.get(office.revision(), cacheKey(parts.today(), path));
    assert.ok(stored, `${path} is stored`);
    assert.equal(stored.nodeHeaders['content-security-policy'], CONTENT_SECURITY_POLICY, path);
    assert.equal(stored.nodeHeaders['x-content-type-options'], 'nosniff', path);
  }
});

test('the pages hold no inline script, style or event handler for the policy to block', async () => {
  for (const path of PAGES) {
    const html = await (await fetch(origin + path)).text();
    assert.doesNotMatch(html, /<style/i, `${path}: a <style> element`);
    assert.doesNotMatch(html, /\sstyle=/i, `${path}: a style= attribute`);
    assert.doesNotMatch(html, /\son[a-z]+=/i, `${path}: an event handler attribute`);
    assert.doesNotMatch(html, /javascript:/i, path);
    // The portal's own bundles, and data a bundle reads (never run: JSON is no script type).
    for (const script of html.matchAll(/<script\b[^>]*>/gi)) {
      const data = /^<script type="application\/json" id="[\w-]+">$/.test(script[0]);
      if (!data) assert.match(script[0], /\ssrc="\/assets\/(live|title)\.js\?v=[\w-]+"/, `${path}: ${script[0]}`);
    }
    for (const data of html.matchAll(/<script type="application\/json"[^>]*>([^]*?)<\/script>/g)) {
      assert.doesNotThrow(() => JSON.parse(data[1] ?? ''), `${path}: its data is JSON`);
    }
    // What the page loads or posts to (links to follow are not the policy's business) is on this site.
    for (const load of html.matchAll(
      /<(?:link|script|img|form|iframe|object)\b[^>]*\s(?:href|src|action)="([^"]*)"/gi,
    )) {
      // A canonical link names the page's public address: nothing is loaded from it.
      if (/\srel="canonical"/.test(load[0])) continue;
      assert.match(load[1]!, /^\/(?!\/)/, `${path}: ${load[1]} is not a path on this site`);
    }
  }
});

test('the live stream, answered before the app, carries them too: the stream and its refusals', async () => {
  for (const path of [
    '/api/v1/seasons/alms-2019-20/rounds/4/live/stream',
    '/api/v1/seasons/nope/rounds/1/live/stream',
    '/api/v1/seasons/%E0%A4%A/rounds/1/live/stream',
  ]) {
    const controller = new AbortController();
    const response = await fetch(`${origin}${path}`, { signal: controller.signal });
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, path);
    controller.abort();
    await response.body?.cancel().catch(() => undefined);
  }
});
