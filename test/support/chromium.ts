import { accessSync, constants } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { need } from './needs.ts';

/** Debian's Chromium, or the one PITWALL_CHROMIUM names: playwright's own browser download is not used. */
export const CHROMIUM = process.env.PITWALL_CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const GET_IT = 'apt-get install chromium, or set PITWALL_CHROMIUM to its path';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Options of a browser test: `test(name, needsChromium, fn)`; skipped without a Chromium, except on CI. */
export const needsChromium = need(executable(CHROMIUM), `needs Chromium, none at ${CHROMIUM}: ${GET_IT}`);

/** A headless Chromium; without one it throws and says what to install (on CI the browser tests fail so). */
export async function launchChromium(): Promise<Browser> {
  if (!executable(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: ${GET_IT}`);
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  } catch (error) {
    throw new Error(
      `Chromium at ${CHROMIUM} did not start: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
}
