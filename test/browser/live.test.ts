/**
 * The live page in a real Chromium: the 24 Hours of Le Mans 2024 replayed from its lap file into
 * a fresh server, the page following the event stream. The order changes in place (same row
 * elements, no reload), the live championship shows points and change arrows, the finish gives the
 * official class winners and #20's NC, a phone gets no sideways page scroll, and a stopped server
 * shows in the connection state.
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
import { openOfficials } from '../../src/app/officials.ts';
import { parseLapAnalysisCsv } from '../../src/formats/timing/lap-analysis-csv.ts';
import { MAX_EVENTS_PER_REQUEST as BATCH, replayEvents } from '../../src/live/replay-schedule.ts';
import type { WireEvent } from '../../src/live/replay-schedule.ts';
import { assertAccessible } from '../support/axe.ts';
import { launchChromium, needsChromium } from '../support/chromium.ts';
import { LE_MANS_2024, leMans2024SeasonYaml } from '../support/le-mans-2024-season.ts';
import { needsRecordedRaces, timingBytes } from '../support/timing-fixtures.ts';

/** As in portal.test.ts: `PITWALL_SCREENSHOTS=docs/screenshots` refreshes the README's pictures. */
const SCREENSHOTS = process.env.PITWALL_SCREENSHOTS
  ? resolve(process.env.PITWALL_SCREENSHOTS)
  : fileURLToPath(new URL('./screenshots/', import.meta.url));

const { seasonId, round } = LE_MANS_2024;
const LIVE = `/seasons/${seasonId}/rounds/${round}/live`;
const INGEST = `/api/v1/admin/seasons/${seasonId}/rounds/${round}/live/events`;
const HOUR = 3_600_000;
/** The live page follows a recorded race. */
const needs = { ...needsChromium, ...needsRecordedRaces };
let server: RunningServer;
let browser: Browser;
let dataDir: string;
let token: string;
let events: WireEvent[];
let stopped = false;

before(async () => {
  if (needs.skip) return; // the tests are skipped: nothing to set up
  dataDir = await mkdtemp(join(tmpdir(), 'pitwall-live-'));
  process.env.LOG_LEVEL = 'silent';
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dataDir, 'db'), databaseUrl: undefined });
  const imported = await server.office.importSeasonFile(leMans2024SeasonYaml(), 'le-mans-2024.yaml');
  assert.ok(imported.ok, 'the Le Mans 2024 season file imports');
  const created = await openOfficials(server.office.db).createToken({ name: 'timing-test', scope: 'timing' });
  assert.ok(created.ok);
  token = created.value.token;
  const analysis = parseLapAnalysisCsv(timingBytes('leMans2024Laps'), 'le_mans_24h.csv');
  assert.ok(analysis.ok);
  events = replayEvents(analysis.value.laps);
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  if (needs.skip) return;
  await browser?.close();
  if (!stopped) await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Posts the events in batches; returns the id of the last event stored. */
async function post(batch: readonly WireEvent[]): Promise<string> {
  let lastEventId = '';
  for (let i = 0; i < batch.length; i += BATCH) {
    const response = await fetch(server.url + INGEST, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: batch.slice(i, i + BATCH) }),
    });
    const body = (await response.json()) as { accepted: number; rejected: unknown[]; lastEventId: string };
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.deepEqual(body.rejected, []);
    lastEventId = body.lastEventId;
  }
  return lastEventId;
}

/** Waits until the page shows the view after this event. */
async function shown(page: Page, eventId: string): Promise<void> {
  await page.waitForFunction((id) => document.getElementById('live')?.dataset.eventId === id, eventId, {
    timeout: 15_000,
  });
}

/** Car numbers of a class in the order the page lists them. */
const order = (page: Page, classId: string): Promise<string[]> =>
  page.$$eval(`.live-class[data-class="${classId}"] .live-race tbody tr`, (rows) =>
    rows.map((row) => row.getAttribute('data-car') ?? ''),
  );

test('the live page follows Le Mans 2024 in place, to the official class winners', needs, async () => {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const response = await page.goto(server.url + LIVE);
  assert.equal(response?.status(), 200);
  await page.evaluate(() => Object.assign(window, { pitwallMarker: 'still here' }));
  await page.waitForSelector('#live-connection[data-state="live"]');
  assert.equal(await page.textContent('#live-connection'), 'Live');

  // The first hour: positions appear.
  const firstHour = events.filter((e) => e.elapsedMs <= HOUR);
  await shown(page, await post(firstHour));
  const early = await order(page, 'HYPERCAR');
  assert.ok(early.length > 10, `Hypercars listed: ${early.length}`);
  const leader = early[0]!;
  const leaderRow = await page.$(`.live-class[data-class="HYPERCAR"] .live-race tr[data-car="${leader}"]`);
  assert.ok(leaderRow);
  assert.equal(await leaderRow.$eval('td.pos', (td) => td.textContent), '1');
  await page.evaluate(() => {
    const rows = document.querySelectorAll('.live-class[data-class="HYPERCAR"] .live-race tbody tr');
    const kept = new Map([...rows].map((tr) => [tr.getAttribute('data-car'), tr]));
    Object.assign(window, { pitwallRows: kept });
  });

  // The second hour: the order changes, the same row elements move.
  await shown(page, await post(events.filter((e) => e.elapsedMs > HOUR && e.elapsedMs <= 2 * HOUR)));
  const later = await order(page, 'HYPERCAR');
  assert.notDeepEqual(later, early, 'the Hypercar order changed');
  const sameRows = await page.evaluate(
    (cars) => {
      const kept = (window as unknown as { pitwallRows: Map<string, Element> }).pitwallRows;
      return cars.every(
        (car) => document.querySelector(`.live-class[data-class="HYPERCAR"] tr[data-car="${car}"]`) === kept.get(car),
      );
    },
    early.filter((car) => later.includes(car)),
  );
  assert.ok(sameRows, 'every Hypercar row is the element it was an hour before, moved');
  assert.ok(await leaderRow.evaluate((tr) => tr.isConnected), 'the leader row of the first hour is the same element');
  assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1);
  assert.equal(
    await page.evaluate(() => (window as unknown as { pitwallMarker?: string }).pitwallMarker),
    'still here',
  );

  await page.screenshot({ path: join(SCREENSHOTS, 'live.png') });
  await assertAccessible(page, 'the live page two hours in');

  // The live championship: points, and the change since before the race.
  const standings = await page.$$eval('.live-class[data-class="LMP2"] .live-teams tbody tr', (rows) =>
    rows.map((row) => ({
      points: row.querySelector('td.points')?.textContent ?? '',
      change: row.querySelector('td.change')?.textContent ?? '',
    })),
  );
  assert.ok(standings.length > 5);
  assert.equal(standings[0]?.points, '50', 'the LMP2 leader: 25 points, doubled at Le Mans (no pole known)');
  // The season's opener: everyone was level on 0 before it, so nobody gained or lost a place.
  assert.deepEqual(
    standings.map((r) => r.change),
    standings.map(() => '='),
  );
  await page.click('.live-class[data-class="LMP2"] .live-kinds button[data-kind="drivers"]');
  assert.ok(await page.isVisible('.live-class[data-class="LMP2"] .live-drivers'), 'the drivers table on request');
  assert.ok(await page.isHidden('.live-class[data-class="LMP2"] .live-teams'));
  assert.equal(
    await page.textContent('.live-class[data-class="LMP2"] .live-drivers tbody tr:first-child td.points'),
    '50',
  );
  assert.match(
    (await page.textContent('.live-class[data-class="LMP2"] .live-title')) ?? '',
    /^If the race ended now: .+ would be champion by \d+(\.\d+)? points?\.$/,
  );

  // The rest of the race: the official class winners, and #20 not classified.
  await shown(page, await post(events.filter((e) => e.elapsedMs > 2 * HOUR)));
  await page.waitForSelector('#live[data-final="true"]');
  const winners = await page.$$eval('.live-race tbody tr:first-child', (rows) =>
    rows.map((r) => r.getAttribute('data-car')),
  );
  assert.deepEqual(winners, ['50', '22', '91']);
  assert.equal(await page.textContent('.live-race tr[data-car="20"] td.status'), 'NC');
  assert.equal(await page.textContent('#live-flag'), 'Chequered');
  // The race is over: no "Live" light, and the championship as it stands.
  await page.waitForSelector('#live-connection[data-state="finished"]');
  assert.equal(await page.textContent('#live-connection'), 'Finished');
  assert.match(
    (await page.textContent('.live-class[data-class="LMP2"] .live-title')) ?? '',
    /^.+ champion by \d+(\.\d+)? points?\.$/,
  );

  // A phone: the panes stack, wide tables scroll inside their box, never the page.
  await page.setViewportSize({ width: 375, height: 812 });
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
    'no sideways page scroll at 375px',
  );

  // The script: a versioned URL cached for a year, and an ETag.
  const src = await page.getAttribute('script[type="module"]', 'src');
  assert.match(src ?? '', /^\/assets\/live\.js\?v=[\w-]{12}$/);
  const script = await fetch(server.url + src);
  assert.equal(script.status, 200);
  assert.match(script.headers.get('cache-control') ?? '', /immutable/);
  const etag = script.headers.get('etag') ?? '';
  const again = await fetch(server.url + src, { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);

  // An unknown round is the portal's 404 page; the shell points to the JSON API without JavaScript.
  const missing = await fetch(`${server.url}/seasons/${seasonId}/rounds/9/live`);
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /has no round 9/);
  const shell = await (await fetch(server.url + LIVE)).text();
  assert.match(shell, /<noscript>.*\/api\/v1\/seasons\/wec-2024\/rounds\/1\/live/s);

  // The server goes away: the page says so.
  stopped = true;
  await server.stop();
  await page.waitForSelector('#live-connection:is([data-state="reconnecting"], [data-state="offline"])', {
    timeout: 10_000,
  });
  await page.close();
});
