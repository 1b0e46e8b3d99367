/**
 * The `pitwall` command as plain JavaScript, bundled from `src/` by esbuild on first use and kept
 * in `node_modules/.cache/pitwall/`, so that a command does not pay for tsx's module hooks (a
 * thread of their own, one round trip per module: a third of `pitwall standings FILE`, and some
 * 40 MB of the server's memory). The bundle is named by the sources it was built from: an edited
 * file makes a new one. Each module's `import.meta.url` stays its source file's, so files found
 * beside a module (migrations, data, styles, browser scripts) are found as from the sources.
 * Installed packages are left to Node, but for a few of plain JavaScript that the command line
 * uses (`BUNDLED_PACKAGES`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = join(ROOT, 'src');
const CACHE = join(ROOT, 'node_modules', '.cache', 'pitwall');
const ENTRY = join(SOURCES, 'cli', 'main.ts');
/** Bundles kept besides the current one (another branch's, used a moment ago) however old. */
const KEEP = 3;
/**
 * Older ones are removed once unused this long: a server started from one loads some of its
 * modules only when first needed, so its bundle must outlive a few edits of the sources.
 */
const UNUSED_MS = 7 * 24 * 3600 * 1000;

/**
 * Every file under `folder` but tests, with its size and modification time.
 * @param {string} folder
 * @param {string[]} into
 * @returns {string[]}
 */
function sourceStamps(folder, into = []) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) sourceStamps(path, into);
    else if (!entry.name.includes('.test.')) {
      const { size, mtimeMs } = statSync(path);
      into.push(`${path}\0${size}\0${mtimeMs}`);
    }
  }
  return into;
}

/**
 * Packages bundled in: plain JavaScript that reads no file of its own, and whose objects no
 * package left outside shares with ours (zod's schemas pass through @hono/zod-openapi and
 * zod-to-openapi, Hono's apps through its Node server: each goes in with the others, or none
 * does). Node would resolve and read each of their files one by one (yaml alone is some 70,
 * zod 99). The database (WebAssembly and data files) and pino (worker threads) are left to Node.
 */
const BUNDLED_PACKAGES = new Set([
  'yaml',
  'js-yaml',
  'commander',
  'string-width',
  'csv-parse',
  'csv-stringify',
  'zod',
  'hono',
  '@hono/node-server',
  '@hono/zod-openapi',
  '@hono/zod-validator',
  '@asteasolutions/zod-to-openapi',
]);

/**
 * @param {string} specifier a bare import
 * @returns {string} the package's name
 */
const packageOf = (specifier) => specifier.split('/', specifier.startsWith('@') ? 2 : 1).join('/');

/** The bundle's name: the sources, the project's manifest and lock, esbuild's and Node's versions. */
function bundleName() {
  const hash = createHash('sha256');
  for (const stamp of sourceStamps(SOURCES)) hash.update(`${stamp}\n`);
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'bin/cli-bundle.js']) {
    if (existsSync(join(ROOT, file))) hash.update(readFileSync(join(ROOT, file)));
  }
  hash.update(process.version);
  return `cli-${hash.digest('hex').slice(0, 16)}`;
}

/** @param {string} dir */
async function build(dir) {
  const { build: esbuild } = await import('esbuild');
  const text = /** @param {string} path */ async (path) => {
    const source = await readFile(path, 'utf8');
    return source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href));
  };
  await esbuild({
    entryPoints: { main: ENTRY },
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: join(ROOT, 'tsconfig.json'),
    sourcemap: 'linked',
    minifyWhitespace: true,
    minifySyntax: true,
    sourcesContent: false,
    logLevel: 'silent',
    // Some bundled packages are CommonJS, and `require` what they need.
    banner: {
      js: "import { createRequire as pitwallCreateRequire } from 'node:module'; const require = pitwallCreateRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'packages',
        setup(on) {
          // The sources' imports of other packages are left to Node; a bundled package's own
          // imports are bundled with it, resolved from where it is installed.
          on.onResolve({ filter: /^[^./]/ }, (args) =>
            args.importer.startsWith(SOURCES) && !BUNDLED_PACKAGES.has(packageOf(args.path))
              ? { external: true }
              : undefined,
          );
        },
      },
      {
        name: 'zod-locales',
        setup(on) {
          // zod's messages in 60 languages (370 KB, a quarter of what a command loads): Pitwall
          // words its own messages, and zod keeps English, which it imports on its own.
          on.onResolve({ filter: /[/\\]locales[/\\]index\.js$/ }, (args) =>
            /[/\\]zod[/\\]/.test(args.importer) ? { path: args.path, namespace: 'zod-locales' } : undefined,
          );
          on.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
        },
      },
      {
        name: 'source-urls',
        setup(on) {
          on.onLoad({ filter: /\.tsx?$/ }, async (args) => ({
            contents: await text(args.path),
            loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts',
          }));
        },
      },
    ],
  });
}

/**
 * Bundles beyond the newest few and unused for a week removed, and builds left half-done by a
 * process that stopped.
 * @param {string} current
 */
function prune(current) {
  const dirs = readdirSync(CACHE, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith('cli-') && entry.name !== current)
    .map((entry) => ({
      name: entry.name,
      path: join(CACHE, entry.name),
      at: statSync(join(CACHE, entry.name)).mtimeMs,
    }));
  const stale = dirs.filter((dir) => dir.name.endsWith('.tmp') && dir.at < Date.now() - 60_000);
  const built = dirs.filter((dir) => !dir.name.endsWith('.tmp')).sort((a, b) => b.at - a.at);
  const unused = built.slice(KEEP).filter((dir) => dir.at < Date.now() - UNUSED_MS);
  for (const old of [...stale, ...unused]) rmSync(old.path, { recursive: true, force: true });
}

/**
 * The URL of the bundled command's entry, built now if the sources changed since; undefined when
 * it cannot be (a read-only install): the caller then runs the sources through tsx.
 * @returns {Promise<string | undefined>}
 */
export async function bundledCommand() {
  try {
    const name = bundleName();
    const dir = join(CACHE, name);
    const main = join(dir, 'main.js');
    if (!existsSync(main)) {
      mkdirSync(CACHE, { recursive: true });
      // Built aside and renamed into place: commands started at once each build, and the first wins.
      const building = `${dir}.${process.pid}.tmp`;
      rmSync(building, { recursive: true, force: true });
      await build(building);
      try {
        renameSync(building, dir);
      } catch {
        rmSync(building, { recursive: true, force: true });
        if (!existsSync(main)) return undefined;
      }
      prune(name);
    } else {
      // Its time of last use, which keeps it from being pruned while in use.
      const now = new Date();
      utimesSync(dir, now, now);
    }
    return pathToFileURL(main).href;
  } catch {
    return undefined;
  }
}
