/**
 * Race control's entry list in a real Chromium, on a phone: a timekeeper signs in, adds a car
 * that joins at round 4, renames its team, and each page fits the screen with nothing axe-core
 * can fault; the public entry list has the car at once.
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
import { assertAccessible } from '../support/axe.ts';
import { launchChromium, needsChromium } from '../support/chromium.ts';

const PASSWORD = 'correct horse battery staple';
const PHONE = { width: 375, height: 800 };
const ENTRIES = '/admin/seasons/alms-2019-20/entries';
let server: RunningServer;
let browser: Browser;
let dataDir: string;

before(async () => {
  if (needsChromium.skip) return; // the tests are skipped: nothing to set up
  dataDir = await mkdtemp(join(tmpdir(), 'pitwall-entry-list-'));
  process.env.LOG_LEVEL = 'silent';
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dataDir, 'db') });
  const added = await openOfficials(server.office.db).add({
    name: 'Kim Keeper',
    role: 'timekeeper',
    password: PASSWORD,
  });
  assert.ok(added.ok);
  browser = await launchChromium();
});
after(async () => {
  if (needsChromium.skip) return;
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const base = () => server.url.replace('localhost', '127.0.0.1');

async function fitsAndPasses(page: Page, label: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `${label} is ${width}px wide on a ${PHONE.width}px phone`);
  await assertAccessible(page, label);
}

test('a timekeeper on a phone adds car #98 from round 4 and renames its team', needsChromium, async () => {
  const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
  await page.goto(`${base()}${ENTRIES}`);
  assert.match(page.url(), /\/login/);
  await page.fill('#login-name', 'Kim Keeper');
  await page.fill('#login-password', PASSWORD);
  await Promise.all([page.waitForURL(/\/admin/), page.click('form.auth-form button[type=submit]')]);
  await page.goto(`${base()}${ENTRIES}`);
  await fitsAndPasses(page, 'the entry list');

  await page.getByLabel('Car number').fill('98');
  await page.getByLabel('Class').selectOption('LMP2');
  await page.getByLabel('Team', { exact: true }).fill('Orchid Racing');
  await page.getByLabel('Entered from').selectOption('4');
  await page.getByLabel('Driver 1: name').fill('Wei CHEN');
  await page.getByLabel('Driver 1: FIA rating').selectOption('Bronze');
  await page.getByLabel('Driver 1: nationality (ISO alpha-3, e.g. GBR)').fill('CHN');
  await page.getByLabel('Driver 2: name').fill('Lars HOLM');
  await page.getByLabel('Driver 2: FIA rating').selectOption('Gold');
  await Promise.all([page.waitForURL(/entries\/98\?notice=/), page.click('button:has-text("Add the car")')]);
  assert.equal(
    (await page.textContent('p.notice'))?.trim(),
    '#98 added to LMP2 from round 4: Orchid Racing, Wei CHEN, Lars HOLM',
  );
  await fitsAndPasses(page, "the car's page");

  await page.getByLabel('New team name').fill('Orchid Racing by Apex');
  await Promise.all([page.waitForURL(/notice=/), page.click('button:has-text("Rename the team")')]);
  assert.match((await page.textContent('h1')) ?? '', /#98 Orchid Racing by Apex/);

  const entries = (await (await fetch(`${base()}/api/v1/seasons/alms-2019-20/entries`)).json()) as {
    car: string;
    team: string;
    drivers: { name: string; rounds: number[] }[];
  }[];
  const added = entries.find((e) => e.car === '98');
  assert.deepEqual(
    [added?.team, added?.drivers.map((d) => [d.name, d.rounds])],
    [
      'Orchid Racing by Apex',
      [
        ['Wei CHEN', [4]],
        ['Lars HOLM', [4]],
      ],
    ],
  );
  await page.close();
});
