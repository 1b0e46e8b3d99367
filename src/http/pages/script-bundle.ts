/**
 * A page's script: a browser module and what it imports, bundled by esbuild into one ES module on
 * the first request that needs it, then kept in memory and served with a content-hash ETag and a
 * versioned URL, like the stylesheet.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Asset } from './assets.ts';
import { assetOf } from './assets.ts';

/**
 * The bundle of `entry`, served at `path`: built once per process (a failed build is retried on
 * the next call).
 * @example const liveScript = scriptBundle(new URL('../../live/client/live-page.ts', import.meta.url), '/assets/live.js');
 */
export function scriptBundle(entry: URL, path: string): () => Promise<Asset> {
  let pending: Promise<Asset> | undefined;
  const bundle = async (): Promise<Asset> => {
    const result = await build({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
    });
    const output = result.outputFiles[0];
    if (!output) throw new Error(`esbuild produced no output for ${path}`);
    return assetOf(path, output.contents);
  };
  return () => {
    pending ??= bundle().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
