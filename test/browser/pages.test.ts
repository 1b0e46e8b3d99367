/**
 * Every public page in a real Chromium, on a desktop (1366×900) and a phone (375×800): no sideways
 * page scroll on the phone, no request that fails (flags, favicon, stylesheet), no axe-core
 * violation; then what each page must tell: the standings' pinned columns, a round's results with
 * what its sources give and why the rest is missing, each class's winners, the finish of a
 * classified round on its live page, the history without maintainers' notes, the API page inside
 * the site, one spelling of season names, and canonical and Open Graph tags from PUBLIC_URL.
 * Without a Chromium the tests are skipped and say what to install; on CI they fail so.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/http/server.ts';
import { startServer } from '../../src/http/server.ts';
import { parseSeasonFile, serializeSeasonFile } from '../../src/formats/season-file.ts';
import { assertAccessible } from '../support/axe.ts';
import { launchChromium, needsChromium } from '../support/chromium.ts';

const SEASON = '/seasons/alms-2019-20';
const PUBLIC_URL = 'https://pitwall.example.org/office';
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 800 };

/** The pages a fan reaches, by name. */
const PAGES: Readonly<Record<string, string>> = {
  home: '/',
  season: SEASON,
  standings: `${SEASON}/standings`,
  'standings table': `${SEASON}/standings/lmp2/teams`,
  results: `${SEASON}/rounds/4`,
  team: '/teams/eurasia-motorsport',
  driver: '/drivers/roman-rusinov',
  history: '/history',
  'live, finished': `${SEASON}/rounds/4/live`,
  api: '/api',
};

let server: RunningServer;
let browser: Browser;
let dataDir: string;

before(async () => {
  if (needsChromium.skip) return; // the tests are skipped: nothing to set up
  dataDir = await mkdtemp(join(tmpdir(), 'pitwall-pages-'));
  process.env.LOG_LEVEL = 'silent';
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dataDir, 'db'), publicUrl: PUBLIC_URL });
  browser = await launchChromium();
});

after(async () => {
  if (needsChromium.skip) return;
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const base = () => server.url.replace('localhost', '127.0.0.1');

/** Opens the page; `failures` collects every request that failed or answered 400 or more. */
async function open(path: string, viewport = DESKTOP): Promise<{ page: Page; failures: string[] }> {
  const page = await browser.newPage({ viewport, ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}) });
  const failures: string[] = [];
  page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.url()}: ${response.status()}`);
  });
  const response = await page.goto(base() + path, { waitUntil: 'load' });
  assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
  return { page, failures };
}

for (const [name, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  test(`every page on a ${name}: fits, loads every image, and axe finds nothing`, needsChromium, async () => {
    for (const [label, path] of Object.entries(PAGES)) {
      const { page, failures } = await open(path, viewport);
      const images = await page.$$eval('img', (imgs) =>
        imgs.map((img) => ({ src: img.getAttribute('src'), ok: img.complete && img.naturalWidth > 0 })),
      );
      assert.deepEqual(
        images.filter((img) => !img.ok),
        [],
        `${label}: every image is drawn`,
      );
      assert.deepEqual(failures, [], `${label}: no request failed`);
      assert.equal(await page.locator('main').count(), 1, `${label} has one <main>`);
      assert.equal(await page.locator('nav[aria-label="Main"]').count(), 1, `${label} has the site's navigation`);
      if (viewport === PHONE) {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= PHONE.width, `${label} is ${width}px wide on a ${PHONE.width}px phone`);
      }
      await assertAccessible(page, `${label} (${name})`);
      await page.close();
    }
  });
}

test('the favicon and the flags are served by Pitwall itself', needsChromium, async () => {
  const { page } = await open(`${SEASON}/standings/lmp2/teams`);
  const icon = await page.getAttribute('link[rel="icon"]', 'href');
  for (const href of [icon, '/favicon.ico']) {
    const response = await fetch(base() + href);
    assert.equal(response.status, 200, `${href}`);
    assert.match(response.headers.get('content-type') ?? '', /^image\//);
  }
  const flags = await page.$$eval('img.flag', (imgs) => imgs.map((img) => img.getAttribute('src') ?? ''));
  assert.ok(flags.length > 5, `flags shown: ${flags.length}`);
  for (const src of flags) assert.match(src, /^\/assets\/flags\/[a-z]{2}\.svg\?v=/);
  assert.equal(await page.getAttribute('img.flag[alt="Russia"]', 'title'), 'Russia');
  await page.close();
});

test(
  'on a phone the standings keep position, car and points in view while the rounds scroll',
  needsChromium,
  async () => {
    const { page } = await open(`${SEASON}/standings/lmp2/teams`, PHONE);
    const inView = () =>
      page.$eval('#lmp2-teams tbody tr', (row) =>
        ['td.pos', 'td.pin-car', 'th.name', 'td.points'].map((selector) => {
          const box = row.querySelector(selector)?.getBoundingClientRect();
          return box !== undefined && box.width > 0 && box.left >= 0 && box.right <= window.innerWidth;
        }),
      );
    assert.deepEqual(await inView(), [true, true, true, true], 'before scrolling the table');
    const scroller = page.locator('.table-scroll', { has: page.locator('#lmp2-teams') });
    const scrolls = await scroller.evaluate((el) => el.scrollWidth > el.clientWidth);
    assert.ok(scrolls, 'the rounds do not fit a phone: the table scrolls');
    await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    assert.deepEqual(await inView(), [true, true, true, true], 'scrolled to its end, the pinned columns stay');
    assert.ok(
      await page.getByText('Swipe sideways for every round').first().isVisible(),
      'the phone is told it scrolls',
    );
    // The colour key is folded away until asked for.
    assert.equal(await page.getByText('Other points position').isVisible(), false);
    await page.locator('details.legend summary').click();
    assert.ok(await page.getByText('Other points position').isVisible());
    // Numbers sit under their headings.
    const align = await page.$eval('#lmp2-teams thead th.pin-end', (th) => getComputedStyle(th).textAlign);
    assert.equal(align, 'right');
    await page.close();
  },
);

test('a round gives what its sources give, and says what they do not', needsChromium, async () => {
  const { page } = await open(`${SEASON}/rounds/4`);
  const row = (car: string) =>
    page.$eval(`#lmp2-results tbody tr:has(.car-number:text-is("#${car}"))`, (tr) =>
      [...tr.querySelectorAll('td, th')].map((cell) => cell.textContent?.trim() ?? ''),
    );
  const headings = await page.$$eval('#lmp2-results thead th', (ths) => ths.map((th) => th.textContent?.trim()));
  assert.deepEqual(headings, ['Pos.', 'Car', 'Team', 'Drivers', 'Laps', 'Gap', 'Status', 'Points']);
  const winner = await row('45');
  assert.equal(winner[0], '1');
  assert.equal(winner[4], '157');
  assert.equal(winner[5], '', 'the leader has no gap');
  const k2 = await row('96');
  assert.deepEqual([k2[0], k2[4], k2[5]], ['3', '155', '+2 laps']);
  const gDrive = await row('26');
  assert.deepEqual([gDrive[4], gDrive[5]], ['—', '—'], 'G-Drive: laps not in the sources');
  assert.equal(
    await page.getAttribute('#lmp2-results tbody tr:has(.car-number:text-is("#26")) td:nth-child(5) abbr', 'title'),
    'Laps: not in the sources',
  );
  assert.match((await page.textContent('#lmp2-results caption')) ?? '', /not in the sources \(laps for 3 of 7 cars\)/);
  const note = (await page.textContent('.data-note')) ?? '';
  assert.match(note, /No overall positions: without every car's laps/);
  assert.match(note, /No race times/);
  assert.match(note, /No fastest laps/);
  // Each class names its pole.
  const poles = await page.$$eval('.class-pole', (ps) => ps.map((p) => p.textContent?.replace(/\s+/g, ' ').trim()));
  assert.deepEqual(poles.slice(0, 4), [
    'Pole: #45 Thunderhead Carlin Racing',
    'Pole: #25 Rick Ware Racing',
    'Pole: #2 Nielsen Racing',
    'Pole: #75 T2 Motorsports',
  ]);
  await page.close();
});

test('the calendar lists each class winner of each round', needsChromium, async () => {
  const { page } = await open(SEASON);
  const winners = await page.$$eval('table.calendar tbody tr.calendar-winners', (rows) =>
    rows.map((row) =>
      [...row.querySelectorAll('.class-winners li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
    ),
  );
  assert.equal(winners.length, 4, 'a row of winners under each round run');
  assert.deepEqual(winners[0], [
    'LMP2 #26 G-Drive Racing with Algarve',
    'LMP2 Am #59 RLR MSport',
    'LMP3 #13 Inter Europol Competition',
    "GT #77 D'station Racing AMR",
    'GT Am No finisher',
  ]);
  assert.deepEqual(winners[3], [
    'LMP2 #45 Thunderhead Carlin Racing',
    'LMP2 Am #25 Rick Ware Racing',
    'LMP3 #12 ACE1 Villorba Corse',
    'GT #27 HubAuto Corsa',
    'GT Am No entries',
  ]);
  await page.close();
});

test('the live page of a classified round is its finish and the title as it was won', needsChromium, async () => {
  const { page } = await open(`${SEASON}/rounds/4/live`);
  assert.equal(await page.textContent('.live-connection'), 'Finished');
  assert.equal(await page.locator('[data-state="live"]').count(), 0, 'no "Live" dot');
  assert.equal(await page.locator('script').count(), 0, 'nothing to follow: no script');
  const lmp2 = page.locator('.live-class').first();
  assert.equal(
    (await lmp2.locator('.live-title').first().textContent())?.trim(),
    'G-Drive Racing with Algarve champion by 1 point.',
  );
  const standings = await lmp2
    .locator('.live-standings')
    .first()
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td, th')].map((cell) => cell.textContent?.trim() ?? '')),
    );
  // Before Buriram without its pole point: G-Drive 65, Carlin 56 (57 with the pole it took there).
  assert.deepEqual(standings[0]?.slice(2), ['G-Drive Racing with Algarve #26', '83', '65']);
  assert.deepEqual(standings[1]?.slice(2), ['Thunderhead Carlin Racing #45', '82', '56']);
  const classification = await lmp2
    .locator('.live-final tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-car')));
  assert.deepEqual(classification, ['45', '26', '96', '1', '36', '33', '34']);
  await page.close();
});

test('the history shows no maintainers’ notes and groups drivers by class', needsChromium, async () => {
  const { page } = await open('/history');
  const text = await page.locator('main').innerText();
  for (const internal of [/seed/i, /shared\//, /\.yaml/, /spelling/i, /Wikipedia article/]) {
    assert.doesNotMatch(text, internal, `no maintainers' note (${internal})`);
  }
  const empty = await page.$$eval('main td, main th', (cells) =>
    cells.filter((cell) => cell.textContent?.trim() === '').map((cell) => cell.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(empty, [], 'every cell has a value or says why not');
  assert.equal(await page.locator('tr.unattributed').count(), 0, 'no drivers lumped across classes');
  await page.close();
});

test('the API reference lives inside the site', needsChromium, async () => {
  const { page } = await open('/api', PHONE);
  assert.match(await page.locator('main h1').innerText(), /Pitwall API/);
  assert.equal(await page.locator('header.site-header').count(), 1);
  await page.close();
});

test(
  'season names are spelt one way, and every page has its description, canonical and Open Graph tags',
  needsChromium,
  async () => {
    for (const [label, path] of Object.entries(PAGES)) {
      const { page } = await open(path);
      const text = await page.locator('body').innerText();
      assert.doesNotMatch(text, /(?<![\w-])\d{4}-\d{2}(?![\w-])/, `${label}: a season with a hyphen`);
      const meta = await page.evaluate(() => ({
        description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
        canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
        ogTitle: document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '',
        ogUrl: document.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? '',
      }));
      assert.ok(meta.description.length > 20, `${label}: a description`);
      assert.ok(meta.ogTitle.length > 0, `${label}: og:title`);
      assert.equal(meta.canonical, PUBLIC_URL + path, `${label}: canonical`);
      assert.equal(meta.ogUrl, meta.canonical, `${label}: og:url`);
      await page.close();
    }
    // Only the parameters a page reads make its canonical address.
    const { page } = await open(`${SEASON}/standings?class=lmp3&utm_source=x`);
    assert.equal(
      await page.getAttribute('link[rel="canonical"]', 'href'),
      `${PUBLIC_URL}${SEASON}/standings?class=lmp3`,
    );
    await page.close();
  },
);

test('on race day the home, season and round pages lead to the live page', needsChromium, async () => {
  // The season as it stood on the morning of its finale, the finale moved to today.
  const today = new Date().toISOString().slice(0, 10);
  const bundled = parseSeasonFile(
    await readFile(new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url), 'utf8'),
    'alms-2019-20.yaml',
  );
  assert.ok(bundled.ok);
  const raceDay = {
    ...bundled.value,
    id: 'race-day',
    rounds: bundled.value.rounds.map((r) => (r.round === 4 ? { ...r, date: today } : r)),
    races: bundled.value.races.filter((r) => r.round < 4),
  };
  assert.ok((await server.office.importSeasonFile(serializeSeasonFile(raceDay), 'race-day.yaml')).ok);
  const live = '/seasons/race-day/rounds/4/live';
  for (const path of ['/seasons/race-day', '/seasons/race-day/rounds/4']) {
    const { page } = await open(path);
    const link = page.locator(`main a[href="${live}"]`).first();
    assert.ok(await link.isVisible(), `${path} links to the live page`);
    assert.match((await link.innerText()) ?? '', /live/i);
    assert.doesNotMatch(await page.locator('main').innerText(), /has not been run yet/);
    await page.close();
  }
  // The season racing today is the latest: the home page shows it.
  const { page } = await open('/');
  assert.equal(await page.locator(`main a[href="${live}"]`).count(), 1, 'the home page links to the race');
  assert.match(await page.locator('main').innerText(), /Racing today/);
  await page.close();
  // The live page itself follows the stream, as a race in progress.
  const { page: livePage } = await open(live);
  await livePage.waitForSelector('#live-connection[data-state="live"]', { timeout: 15_000 });
  assert.equal(await livePage.textContent('#live-connection'), 'Live');
  await assertAccessible(livePage, 'live page, racing');
  await livePage.close();
});
