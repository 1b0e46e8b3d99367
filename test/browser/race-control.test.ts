/**
 * Race control in a real Chromium: a steward signs in, penalises the Buriram winner, publishes the
 * results, and the public standings page changes. The round starts provisional, as after a timing
 * import; the penalty (#45 dropped one place) is the kind of decision Shanghai 2019 saw.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/http/server.ts';
import { startServer } from '../../src/http/server.ts';
import { openOfficials } from '../../src/app/officials.ts';
import { launchChromium, needsChromium } from '../support/chromium.ts';

const PASSWORD = 'correct horse battery staple';
let server: RunningServer;
let browser: Browser;
let dataDir: string;

before(async () => {
  if (needsChromium.skip) return; // the tests are skipped: nothing to set up
  dataDir = await mkdtemp(join(tmpdir(), 'pitwall-race-control-'));
  process.env.LOG_LEVEL = 'silent';
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dataDir, 'db') });
  const added = await openOfficials(server.office.db).add({
    name: 'Stella Steward',
    role: 'steward',
    password: PASSWORD,
  });
  assert.ok(added.ok);
  assert.ok((await server.office.setResultsState('alms-2019-20', 4, 'provisional', 'Tim Keeper')).ok);
  browser = await launchChromium();
});
after(async () => {
  if (needsChromium.skip) return;
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const base = () => server.url.replace('localhost', '127.0.0.1');

async function lmp2Teams(page: Page): Promise<string[]> {
  await page.goto(`${base()}/seasons/alms-2019-20/standings/lmp2/teams`);
  return page.$$eval('table tbody tr', (rows) =>
    rows.slice(0, 2).map((row) => {
      // The team cell starts with its flag: keep the name.
      const team = row.querySelector('th a')?.textContent?.trim() ?? '';
      const points = row.querySelector('td.points')?.textContent?.trim() ?? '';
      return `${team} ${points}`;
    }),
  );
}

test('a steward signs in, penalises, publishes, and the public standings change', needsChromium, async () => {
  const page = await browser.newPage();
  assert.deepEqual(await lmp2Teams(page), ['G-Drive Racing with Algarve 83', 'Thunderhead Carlin Racing 82']);
  await page.goto(`${base()}/seasons/alms-2019-20/rounds/4`);
  assert.match((await page.textContent('main')) ?? '', /Provisional results/);

  // Not signed in: race control sends to the login page.
  await page.goto(`${base()}/admin/seasons/alms-2019-20/rounds/4`);
  assert.match(page.url(), /\/login/);
  await page.fill('#login-name', 'Stella Steward');
  await page.fill('#login-password', PASSWORD);
  await Promise.all([page.waitForURL(/\/admin/), page.click('form.auth-form button[type=submit]')]);
  await page.goto(`${base()}/admin/seasons/alms-2019-20/rounds/4`);
  assert.equal(await page.textContent('#results-state'), 'provisional');

  await page.selectOption('select[name=kind]', 'drop-positions');
  await page.fill('input[name=car]', '45');
  await page.fill('input[name=positions]', '1');
  await page.fill('input[name=reason]', 'Track limits: overtaking off track');
  await page.fill('input[name=regulation]', 'Sporting Regulations, track limits');
  await Promise.all([page.waitForURL(/notice=/), page.click('button:has-text("Issue decision")')]);
  const notice = (await page.textContent('p.notice')) ?? '';
  assert.match(notice, /#26 P2 → P1, \+7 points/);
  assert.match(notice, /#45 P1 → P2, −7 points/);

  await Promise.all([page.waitForURL(/notice=/), page.click('button:has-text("Publish final")')]);
  assert.equal(await page.textContent('#results-state'), 'final');

  const publicPage = await browser.newPage();
  assert.deepEqual(await lmp2Teams(publicPage), ['G-Drive Racing with Algarve 90', 'Thunderhead Carlin Racing 75']);
  await publicPage.goto(`${base()}/seasons/alms-2019-20/rounds/4`);
  const results = (await publicPage.textContent('main')) ?? '';
  assert.doesNotMatch(results, /Provisional results/);
  assert.match(results, /Track limits: overtaking off track/);
  assert.match(results, /Stella Steward/);
});
