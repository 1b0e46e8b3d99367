/**
 * The README's pictures of a round's results, taken in a real Chromium from a fresh server
 * holding the bundled 2019–20 season: `npm run screenshots` writes docs/screenshots/results.png
 * (desktop, 1366 px wide) and results-phone.png (375 px). Another folder: `npm run screenshots -- DIR`.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../src/http/server.ts';
import { launchChromium } from '../support/chromium.ts';

const OUT = resolve(process.argv[2] ?? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)));

interface Shot {
  readonly name: string;
  readonly path: string;
  readonly viewport: { readonly width: number; readonly height: number };
  readonly phone: boolean;
  /** Scrolled to the top of the window first: on a phone, the first table rather than the header. */
  readonly from?: string;
}

const SHOTS: readonly Shot[] = [
  { name: 'results.png', path: '/seasons/alms-2019-20/rounds/4', viewport: { width: 1366, height: 900 }, phone: false },
  {
    name: 'results-phone.png',
    path: '/seasons/alms-2019-20/rounds/4',
    viewport: { width: 375, height: 800 },
    phone: true,
    from: '#lmp2-results-heading',
  },
];

process.env.LOG_LEVEL ??= 'silent';
const dataDir = await mkdtemp(join(tmpdir(), 'pitwall-screenshots-'));
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dataDir, 'db') });
const browser = await launchChromium();
try {
  await mkdir(OUT, { recursive: true });
  for (const shot of SHOTS) {
    const page = await browser.newPage({
      viewport: shot.viewport,
      colorScheme: 'light',
      ...(shot.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    });
    await page.goto(server.url + shot.path, { waitUntil: 'load' });
    if (shot.from) await page.locator(shot.from).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(OUT, shot.name) });
    console.log(`${join(OUT, shot.name)} (${shot.path}, ${shot.viewport.width}×${shot.viewport.height})`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
