/**
 * The title-fight page in a real Chromium, on a desktop (1366×900) and a phone (375×800): the
 * Buriram finale of 2019–20. No sideways scroll on the phone and under three screens tall; the
 * chance bars keep their height; the round picker and the tabs; axe finds nothing; and the
 * what-if calculator, driven as a person would, gives the engine's final tables when the real
 * round-4 results are entered (the engine's tables computed here, not read from the page).
 * Screenshots go to test/browser/screenshots/ (ignored by git) on every run;
 * `PITWALL_SCREENSHOTS=docs/screenshots node --import tsx --test test/browser/title-fight.test.ts`
 * refreshes docs/screenshots/title-desktop.png and title-phone.png.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/http/server.ts';
import { startServer } from '../../src/http/server.ts';
import { parseSeasonFile } from '../../src/formats/season-file.ts';
import { fromMilli } from '../../src/domain/points.ts';
import type { StandingsKind } from '../../src/domain/vocabulary.ts';
import { labelOf, tableOf } from '../../src/domain/title-maths.ts';
import { racedWhatIf } from '../../src/domain/title-what-if.ts';
import { pickId, pickValue } from '../../src/browser/title-what-if.ts';
import { launchChromium, needsChromium } from '../support/chromium.ts';
import { assertAccessible } from '../support/axe.ts';

const SCREENSHOTS = process.env.PITWALL_SCREENSHOTS
  ? resolve(process.env.PITWALL_SCREENSHOTS)
  : fileURLToPath(new URL('./screenshots/', import.meta.url));
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 800 };
const FINALE = '/seasons/alms-2019-20/title/lmp2?beforeRound=4';

let server: RunningServer;
let browser: Browser;
let dataDir: string;

before(async () => {
  if (needsChromium.skip) return; // the tests are skipped: nothing to set up
  dataDir = await mkdtemp(join(tmpdir(), 'pitwall-title-'));
  process.env.LOG_LEVEL = 'silent';
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dataDir, 'db') });
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
});
after(async () => {
  if (needsChromium.skip) return;
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const url = (path: string) => `${server.url.replace('localhost', '127.0.0.1')}${path}`;

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const failed: string[] = [];
  page.on('pageerror', (error) => failed.push(error.message));
  page.on('requestfailed', (request) => failed.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  const response = await page.goto(url(path));
  assert.equal(response?.status(), 200, path);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(failed, [], `${path}: no script error, no failed request`);
  return page;
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test(
  'the finale on a desktop and a phone: fits, short on the phone, bars not stretched, accessible',
  needsChromium,
  async () => {
    for (const [name, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const page = await open(FINALE, viewport);
      const rows = await page.$$eval('#contenders tbody tr', (trs) =>
        trs.map((tr) => `${tr.querySelector('th')?.textContent?.trim()} ${tr.querySelector('td.points')?.textContent}`),
      );
      assert.deepEqual(rows, [
        'G-Drive Racing with Algarve 65',
        'Thunderhead Carlin Racing 56',
        'Eurasia Motorsport #36 55',
      ]);
      const needs = await page.$$eval('#needs li', (lis) => lis.map((li) => li.textContent ?? ''));
      assert.equal(needs.length, 3, 'one sentence per contender');
      assert.match(needs[0] ?? '', /^G-Drive is champion with 2nd or better/);
      assert.ok(await page.isVisible('#needs'), `${name}: the sentences are on screen`);
      // A bar keeps its own small height; the row does not stretch it.
      const bars = await page.$$eval('.chance-bar', (svgs) => svgs.map((s) => s.getBoundingClientRect().height));
      assert.equal(bars.length, 3);
      for (const height of bars) assert.ok(height > 4 && height <= 12, `${name}: a bar ${height}px tall`);
      assert.ok(await noSidewaysScroll(page), `${name}: no sideways page scroll`);
      if (name === 'phone') {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        assert.ok(height < 3 * PHONE.height, `the phone page is ${height}px tall: under three screens (2400px)`);
      }
      await page.screenshot({ path: join(SCREENSHOTS, `title-${name}.png`), fullPage: true });
      // Every part checked, the closed ones opened.
      await page.click('#cases > summary');
      await page.click('.what-if-others > summary');
      assert.ok(await noSidewaysScroll(page), `${name}: no sideways page scroll with every case open`);
      await assertAccessible(page, `${FINALE} (${name})`);
      await page.close();
    }
  },
);

test(
  "the what-if calculator, given the real round-4 results, shows the engine's final tables",
  needsChromium,
  async () => {
    const file = fileURLToPath(new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url));
    const parsed = parseSeasonFile(await readFile(file, 'utf8'), file);
    assert.ok(parsed.ok);
    const season = parsed.value;
    const real = racedWhatIf(season, 'LMP2', 4);
    assert.ok(real?.pole, 'round 4 was raced, its pole known');
    for (const kind of ['teams', 'drivers'] as const satisfies readonly StandingsKind[]) {
      const page = await open(`${FINALE}${kind === 'drivers' ? '&kind=drivers' : ''}`, PHONE);
      await page.click('.what-if-others > summary');
      const cars = await page.$$eval('.what-if select[id^="pick-"]', (selects) => selects.map((s) => s.id.slice(5)));
      assert.equal(cars.length, 7, 'every LMP2 car of the finale can be picked');
      // Start from something else than what happened: everyone on any free place, another pole.
      for (const car of cars) await page.selectOption(`#${pickId(car)}`, 'auto');
      await page.selectOption('#what-if-pole', '26');
      const before = await page.textContent('#what-if-verdict');
      // Then enter Buriram as it was: class positions (championship places) and Carlin's pole.
      for (const [car, pick] of Object.entries(real.picks)) await page.selectOption(`#${pickId(car)}`, pickValue(pick));
      await page.selectOption('#what-if-pole', real.pole);
      await page.waitForFunction(
        (previous) => document.getElementById('what-if-verdict')?.textContent !== previous,
        before,
      );
      const shown = await page.$$eval('#what-if-table tbody tr', (trs) =>
        trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')),
      );
      const engine = tableOf(season, 'LMP2', kind);
      assert.deepEqual(
        shown.map(([position, label, points]) => [position, label, points]),
        engine.map((r) => [String(r.position), labelOf(season, 'LMP2', r), String(fromMilli(r.points))]),
        `${kind}: the calculator's table is the engine's final table`,
      );
      const champions = engine.filter((r) => r.position === 1).map((r) => labelOf(season, 'LMP2', r));
      const verdict = (await page.textContent('#what-if-verdict')) ?? '';
      for (const champion of champions) assert.ok(verdict.includes(champion), `${kind}: ${verdict}`);
      assert.match(
        verdict,
        kind === 'teams' ? /is champion with 83 points, 1 point ahead/ : /are champions with 83 points/,
      );
      // Two cars in one place is said, not computed.
      await page.selectOption(`#${pickId('26')}`, '1');
      assert.match((await page.textContent('#what-if-problems')) ?? '', /are both 1st/);
      await page.close();
    }
  },
);

test(
  'the round picker opens another moment; the tabs switch to the drivers, at the same moment',
  needsChromium,
  async () => {
    const page = await open('/seasons/alms-2019-20/title/lmp2', DESKTOP);
    assert.match(
      (await page.textContent('#title-decided')) ?? '',
      /The season is over: G-Drive Racing with Algarve won/,
    );
    await Promise.all([page.waitForURL(/beforeRound=3/), page.click('#title-moment a:has-text("3")')]);
    assert.match(
      (await page.textContent('#title-decided')) ?? '',
      /the fight as it stood before round 3, 4 Hours of Sepang/,
    );
    await Promise.all([page.waitForURL(/kind=drivers/), page.click('.title-tabs a:has-text("Drivers")')]);
    assert.match(page.url(), /beforeRound=3/);
    assert.match((await page.textContent('#contenders')) ?? '', /James French, Leonard Hoogenboom and Roman Rusinov/);
    assert.ok(await noSidewaysScroll(page));
    await page.close();
  },
);
