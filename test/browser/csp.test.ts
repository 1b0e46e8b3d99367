/**
 * The Content-Security-Policy in a real Chromium: every kind of page, the live page with its
 * script following the stream, the API reference, and race control (sign-in, a decision posted
 * through the form) load and work with nothing blocked — no `securitypolicyviolation` event and
 * no console report of one.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../../src/http/server.ts';
import { startServer } from '../../src/http/server.ts';
import { openOfficials } from '../../src/app/officials.ts';
import { parseSeasonFile, serializeSeasonFile } from '../../src/formats/season-file.ts';
import { launchChromium, needsChromium } from '../support/chromium.ts';

const PASSWORD = 'correct horse battery staple';
const SEASON = '/seasons/alms-2019-20';
/** The same season before Buriram was run: its live page follows the stream (a classified round's shows the finish). */
const BEFORE_BURIRAM = 'alms-2019-20-before-buriram';
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let dataDir: string;
/** Every violation reported, by the page's event or on the console. */
const violations: string[] = [];

before(async () => {
  if (needsChromium.skip) return; // the tests are skipped: nothing to set up
  dataDir = await mkdtemp(join(tmpdir(), 'pitwall-csp-'));
  process.env.LOG_LEVEL = 'silent';
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dataDir, 'db') });
  assert.ok(
    (await openOfficials(server.office.db).add({ name: 'Stella Steward', role: 'steward', password: PASSWORD })).ok,
  );
  const bundled = parseSeasonFile(
    await readFile(new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url), 'utf8'),
    'alms-2019-20.yaml',
  );
  assert.ok(bundled.ok);
  const beforeBuriram = { ...bundled.value, id: BEFORE_BURIRAM, races: bundled.value.races.filter((r) => r.round < 4) };
  assert.ok((await server.office.importSeasonFile(serializeSeasonFile(beforeBuriram), 'before-buriram.yaml')).ok);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Installed by the browser itself, outside the page's policy: it reports what the policy blocks.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
});
after(async () => {
  if (needsChromium.skip) return;
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const base = () => server.url.replace('localhost', '127.0.0.1');

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/content security policy|csp violation/i.test(message.text())) violations.push(`${path}: ${message.text()}`);
  });
  const response = await page.goto(base() + path);
  assert.equal(response?.status(), 200, path);
  assert.match(response?.headers()['content-security-policy'] ?? '', /default-src 'self'/, path);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  return page;
}

test('every kind of public page loads with nothing blocked by the policy', needsChromium, async () => {
  const paths = [
    '/',
    '/history',
    SEASON,
    `${SEASON}/rounds/1`,
    `${SEASON}/standings`,
    `${SEASON}/standings/lmp2/drivers`,
    `${SEASON}/title/lmp2?beforeRound=4`,
    '/drivers/roman-rusinov',
    '/api',
  ];
  for (const path of paths) {
    const page = await open(path);
    // The stylesheet applied: the policy let it in.
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.match(font, /system-ui|sans-serif/, `${path}: styled`);
    await page.close();
  }
  const title = await open(`${SEASON}/title/lmp2?beforeRound=4`);
  const bar = await title.$eval('.chance-bar rect', (rect) => rect.getBoundingClientRect().width);
  assert.ok(bar > 0, 'the chance bars are drawn');
  await title.close();
  assert.deepEqual(violations, []);
});

test("the live page's own script runs and follows the stream under the policy", needsChromium, async () => {
  const page = await open(`/seasons/${BEFORE_BURIRAM}/rounds/4/live`);
  await page.waitForSelector('#live-connection[data-state="live"]', { timeout: 15_000 });
  await page.close();
  assert.deepEqual(violations, []);
});

test('race control works under the policy: sign in, issue a decision through the form', needsChromium, async () => {
  const page = await open('/login?next=%2Fadmin%2Fseasons%2Falms-2019-20%2Frounds%2F1');
  await page.fill('input[name="name"]', 'Stella Steward');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([
    page.waitForURL(/\/admin\/seasons\/alms-2019-20\/rounds\/1$/),
    page.click('button[type="submit"]'),
  ]);
  await page.selectOption('select[name="kind"]', 'drop-positions');
  await page.fill('input[name="car"]', '26');
  await page.fill('input[name="positions"]', '1');
  await page.fill('input[name="reason"]', 'Leaving the track and gaining an advantage');
  await Promise.all([page.waitForURL(/notice=/), page.click('button:has-text("Issue decision")')]);
  assert.match((await page.textContent('.notice')) ?? '', /Decision r1-\w+ issued/);
  await page.close();
  assert.deepEqual(violations, []);
});
