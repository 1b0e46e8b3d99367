/**
 * The portal in a real Chromium (Debian's /usr/bin/chromium driven by playwright-core): the real
 * server on a fresh database holding the bundled 2019-20 season, every page type, a click-through
 * from home to a driver, the phone layout, dark mode, and screenshots in docs/screenshots/.
 * Without a Chromium the tests are skipped and say what to install; on CI (CI=true) they fail so.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/http/server.ts';
import { startServer } from '../../src/http/server.ts';
import { launchChromium, needsChromium } from '../support/chromium.ts';

/**
 * Screenshots go to test/browser/screenshots/ (ignored by git) on every run, so a run leaves the
 * tree clean; `PITWALL_SCREENSHOTS=docs/screenshots npm test` refreshes the README's pictures.
 */
const SCREENSHOTS = process.env.PITWALL_SCREENSHOTS
  ? resolve(process.env.PITWALL_SCREENSHOTS)
  : fileURLToPath(new URL('./screenshots/', import.meta.url));
const SEASON = '/seasons/alms-2019-20';

let server: RunningServer;
let browser: Browser;
let dataDir: string;

before(async () => {
  if (needsChromium.skip) return; // the tests are skipped: nothing to set up
  dataDir = await mkdtemp(join(tmpdir(), 'pitwall-portal-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir });
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  if (needsChromium.skip) return;
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function open(path: string, options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  const response = await page.goto(server.url + path);
  assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
  return page;
}

/** The teams in the order the table lists them, with their points. */
async function tableRows(page: Page, tableId: string): Promise<{ team: string; points: string }[]> {
  return page.$$eval(`#${tableId} tbody tr`, (rows) =>
    rows.map((row) => ({
      team: row.querySelector('th')?.textContent?.trim() ?? '',
      points: row.querySelector('td.points')?.textContent?.trim() ?? '',
    })),
  );
}

test(
  'the LMP2 teams table: G-Drive Racing with Algarve on 83 above Thunderhead Carlin Racing on 82',
  needsChromium,
  async () => {
    const page = await open(`${SEASON}/standings/lmp2/teams`);
    const rows = await tableRows(page, 'lmp2-teams');
    const gDrive = rows.findIndex((r) => r.team.includes('G-Drive Racing with Algarve'));
    const carlin = rows.findIndex((r) => r.team.includes('Thunderhead Carlin Racing'));
    assert.equal(gDrive, 0);
    assert.equal(carlin, 1);
    assert.equal(rows[gDrive]?.points, '83');
    assert.equal(rows[carlin]?.points, '82');
    // The key opens on request, cells are coloured, the pole is bold, and the chart is drawn.
    await page.locator('details.legend summary').click();
    assert.ok(await page.getByText('Other points position').isVisible());
    const winnerCell = page.locator('#lmp2-teams tbody tr').first().locator('td.result').first();
    assert.equal(await winnerCell.textContent(), '1');
    assert.match((await winnerCell.getAttribute('class')) ?? '', /key-gold/);
    assert.ok((await page.locator('#lmp2-teams td.result.pole').count()) > 0);
    const poleWeight = await page
      .locator('#lmp2-teams td.result.pole')
      .first()
      .evaluate((el) => getComputedStyle(el).fontWeight);
    assert.ok(Number(poleWeight) >= 700, `pole cells are bold (font-weight ${poleWeight})`);
    assert.ok((await page.locator('svg.chart-svg path').count()) >= 3);
    const csv = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    assert.equal(csv, '/api/v1/seasons/alms-2019-20/standings.csv?class=LMP2&kind=teams');
    await page.screenshot({ path: join(SCREENSHOTS, 'standings-lmp2.png'), fullPage: true });
    await page.close();
  },
);

test('every page type renders its content', needsChromium, async () => {
  const checks: [string, RegExp[]][] = [
    ['/', [/2019–20 Asian Le Mans Series/, /Last round/, /G-Drive Racing with Algarve/]],
    [SEASON, [/Calendar/, /4 Hours of Shanghai/, /Entry list/, /Roman Rusinov/, /Gold/]],
    [`${SEASON}/rounds/1`, [/4 Hours of Shanghai/, /Overall winner/, /Pole/, /James French/]],
    [`${SEASON}/standings`, [/LMP2 Teams' Championship/, /GT Am Drivers' Championship/]],
    [`${SEASON}/standings?class=lmp3`, [/LMP3 Teams' Championship/, /Nielsen Racing/]],
    [`${SEASON}/standings/gt/drivers`, [/GT Drivers' Championship/, /Marcos Gomes/]],
    ['/drivers/roman-rusinov', [/Roman Rusinov/, /Career summary/, /Aurus 01/]],
    ['/teams/eurasia-motorsport', [/Eurasia Motorsport/, /Nick Cassidy/]],
    ['/history', [/Classes per season/, /United Autosports/, /2019–20/]],
  ];
  for (const [path, patterns] of checks) {
    const page = await open(path);
    const text = await page.locator('main').innerText();
    for (const pattern of patterns) assert.match(text, pattern, `${path} shows ${pattern}`);
    assert.equal(await page.locator('nav[aria-label="Main"]').count(), 1, `${path} has the main navigation`);
    await page.close();
  }
});

test('an unknown page is an HTML 404', needsChromium, async () => {
  const page = await browser.newPage();
  for (const path of ['/seasons/nope', `${SEASON}/rounds/9`, '/drivers/nobody', '/teams/nobody']) {
    const response = await page.goto(server.url + path);
    assert.equal(response?.status(), 404, path);
    assert.match(await page.locator('h1').innerText(), /Not found/);
  }
  await page.close();
});

test('home links lead to a driver page by clicking', needsChromium, async () => {
  const page = await open('/');
  await page.screenshot({ path: join(SCREENSHOTS, 'home.png'), fullPage: true });
  await page.getByRole('link', { name: 'Roman Rusinov' }).first().click();
  await page.waitForURL(/\/drivers\/roman-rusinov$/);
  assert.match(await page.locator('h1').innerText(), /Roman Rusinov/);
  await page.getByRole('link', { name: 'G-Drive Racing with Algarve' }).first().click();
  await page.waitForURL(/\/teams\/g-drive-racing-with-algarve$/);
  assert.match(await page.locator('h1').innerText(), /G-Drive Racing with Algarve/);
  await page.close();
});

test('on a 375px phone the page does not overflow sideways and the menu collapses', needsChromium, async () => {
  const phone = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
  for (const path of ['/', SEASON, `${SEASON}/rounds/4`, `${SEASON}/standings`, '/history', '/drivers/roman-rusinov']) {
    const page = await open(path, phone);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `${path} is ${width}px wide on a 375px phone`);
    if (path === `${SEASON}/standings`) {
      assert.equal(await page.locator('.nav-wide').isVisible(), false);
      await page.locator('.nav-menu summary').click();
      assert.ok(await page.locator('.nav-menu').getByRole('link', { name: 'History' }).isVisible());
      await page.locator('.nav-menu summary').click();
      await page.screenshot({ path: join(SCREENSHOTS, 'phone-standings.png') });
    }
    await page.close();
  }
});

test('dark mode follows the system setting', needsChromium, async () => {
  const light = await open(`${SEASON}/standings?class=lmp2`, { colorScheme: 'light' });
  const dark = await open(`${SEASON}/standings?class=lmp2`, { colorScheme: 'dark' });
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const luminance = (rgb: string) => {
    const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  assert.ok(luminance(await background(light)) > 200, 'light background');
  assert.ok(luminance(await background(dark)) < 50, 'dark background');
  const text = await dark.evaluate(() => getComputedStyle(document.body).color);
  assert.ok(luminance(text) > 180, 'light text on the dark background');
  await dark.screenshot({ path: join(SCREENSHOTS, 'dark-standings.png') });
  await light.close();
  await dark.close();
});
