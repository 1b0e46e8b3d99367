/** The title-fight page in a real Chromium: the Buriram finale of 2019-20, on a desktop and a phone. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../src/http/server.ts';
import { startServer } from '../../src/http/server.ts';
import { launchChromium, needsChromium } from '../support/chromium.ts';

let server: RunningServer;
let browser: Browser;
let dataDir: string;

before(async () => {
  if (needsChromium.skip) return; // the tests are skipped: nothing to set up
  dataDir = await mkdtemp(join(tmpdir(), 'pitwall-title-'));
  process.env.LOG_LEVEL = 'silent';
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dataDir, 'db') });
  browser = await launchChromium();
});
after(async () => {
  if (needsChromium.skip) return;
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test(
  'the LMP2 title fight before Buriram shows the contenders, their needs and chances, on desktop and phone',
  needsChromium,
  async () => {
    const url = `${server.url.replace('localhost', '127.0.0.1')}/seasons/alms-2019-20/title/lmp2?beforeRound=4&pole=1`;
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 375, height: 812 },
    ]) {
      const page = await browser.newPage({ viewport });
      const response = await page.goto(url);
      assert.equal(response?.status(), 200);
      const rows = await page.$$eval('#contenders tbody tr', (trs) =>
        trs.map(
          (tr) =>
            `${tr.querySelector('th')?.textContent?.trim()} ${tr.querySelector('td.points')?.textContent?.trim()}`,
        ),
      );
      assert.deepEqual(rows, [
        'G-Drive Racing with Algarve 65',
        'Thunderhead Carlin Racing 57',
        'Eurasia Motorsport #36 55',
      ]);
      assert.match((await page.textContent('#contenders')) ?? '', /champion if it finishes 2nd or better/);
      const chances = await page.$$eval('.chance-text', (spans) =>
        spans.map((s) => Number.parseFloat(s.textContent ?? '')),
      );
      assert.equal(chances.length, 3);
      assert.ok(chances[0]! > chances[1]!, 'the leader has the best chance');
      assert.ok(await page.isVisible('figure.chart svg'), 'the progression chart is shown');
      assert.ok(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
        `no sideways page scroll at ${viewport.width}px`,
      );
      await page.close();
    }
    // Drivers: co-drivers are contenders together, and the rule for ties is said in words.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${url}&kind=drivers`);
    const french = await page.$$eval('#contenders tbody tr', (trs) =>
      trs.map((tr) => tr.textContent ?? '').find((text) => text.includes('James French')),
    );
    assert.match(french ?? '', /Can win, with Leonard Hoogenboom and Roman Rusinov/);
    assert.match(
      (await page.textContent('#ties')) ?? '',
      /Crewmates share the title; between different cars, the title is shared/,
    );
    await page.close();
  },
);
