/**
 * The title-fight page's own assets: its script — src/browser/title-what-if-page.ts with the
 * domain modules it computes with, bundled by esbuild on the first request that needs it, as the
 * live page's is (./live-script.ts) — and its stylesheet, a file of its own beside the site's.
 *
 * @example
 * const script = await titleScript();
 * html`<script type="module" src="${script.href}"></script>`;
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Asset } from './assets.ts';
import { assetOf } from './assets.ts';

export const TITLE_SCRIPT_PATH = '/assets/title.js';
export const TITLE_STYLESHEET_PATH = '/assets/title.css';

const ENTRY = fileURLToPath(new URL('../../browser/title-what-if-page.ts', import.meta.url));

// Read once at start-up, like the site's stylesheet.
export const TITLE_STYLESHEET = assetOf(TITLE_STYLESHEET_PATH, readFileSync(new URL('./title.css', import.meta.url)));

let pending: Promise<Asset> | undefined;

async function bundle(): Promise<Asset> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the title-fight page script');
  return assetOf(TITLE_SCRIPT_PATH, output.contents);
}

/** The bundled script, built once per process (a failed build is retried on the next call). */
export function titleScript(): Promise<Asset> {
  pending ??= bundle().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}
