/**
 * The live page's script: src/live/client/live-page.ts (and the shared delta module it imports)
 * bundled by esbuild into one ES module, on the first request that needs it, then kept in memory
 * and served at `/assets/live.js` with a content-hash ETag and a versioned URL, like the stylesheet.
 *
 * @example
 * const script = await liveScript();
 * html`<script type="module" src="${script.href}"></script>`;
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Asset } from './assets.ts';
import { assetOf } from './assets.ts';

export const LIVE_SCRIPT_PATH = '/assets/live.js';

const ENTRY = fileURLToPath(new URL('../../live/client/live-page.ts', import.meta.url));

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
  if (!output) throw new Error('esbuild produced no output for the live page script');
  return assetOf(LIVE_SCRIPT_PATH, output.contents);
}

/** The bundled script, built once per process (a failed build is retried on the next call). */
export function liveScript(): Promise<Asset> {
  pending ??= bundle().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}
