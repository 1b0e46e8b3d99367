/**
 * `npm run bench` (issue 15): the embedded default on a small server, and the `pitwall` command.
 *
 * - `pitwall serve` on PGlite in a new data directory (it loads the bundled season), then again on
 *   the same directory (a restart): the time from spawning it to its first answer, and its
 *   resident memory (VmRSS of /proc/PID/status) then; after 60 s of mixed reads (a crawl of the
 *   portal's and the API's pages, then those pages again and again with query variants, 404s and
 *   304s, several at a time), its memory again.
 * - `pitwall standings FILE` (a command on a season file alone) and `pitwall import FILE` into the
 *   database of the running server, each the median of five runs; beside them, in the same run,
 *   `node` and `node` with tsx doing nothing (the floor any command stands on), and the command
 *   run from the sources through tsx instead of the bundle (PITWALL_TSX=1).
 *
 * Targets: 250 MB after start, 300 MB after the reads, 2 s to the first answer on a new data
 * directory (with the template `npm install` makes: bin/prepare.js) and on a restart;
 * 0.5 s for the command on a file, 1 s for the import. Exit code 1 on a miss.
 * Environment: BENCH_MIXED_SECONDS (60).
 */
import { freePort } from './free-port.ts';
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MIXED_SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
const PITWALL = new URL('../bin/pitwall.js', import.meta.url).pathname;
const SEASON = new URL('../data/seasons/alms-2019-20.yaml', import.meta.url).pathname;
const MB = 1024 * 1024;

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

async function rss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb) * 1024;
}

function embeddedEnv(dataDir: string): NodeJS.ProcessEnv {
  const { DATABASE_URL: _server, ...env } = process.env;
  return { ...env, PITWALL_DATA: dataDir, LOG_LEVEL: 'warn' };
}

interface Serving {
  readonly pid: number;
  readonly base: string;
  /** From spawning the process to its first answer. */
  readonly startMs: number;
  stop(): Promise<void>;
}

/** `pitwall serve` as in production (`npm start`), timed to its first answer. */
async function serve(dataDir: string): Promise<Serving> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [PITWALL, 'serve'], {
    env: { ...embeddedEnv(dataDir), PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (;;) {
    try {
      if ((await fetch(`${base}/api/v1/seasons`)).ok) break;
    } catch {
      if (child.exitCode !== null || performance.now() - started > 120_000)
        throw new Error('pitwall serve did not start');
      await sleep(10);
    }
  }
  const startMs = performance.now() - started;
  if (child.pid === undefined) throw new Error('pitwall serve has no pid');
  return {
    pid: child.pid,
    base,
    startMs,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      children.delete(child);
    },
  };
}

const HREF = /href="(\/[^"#]*)"/g;

/** The portal's pages as a visitor finds them from the home page, and the API's reads: at most `limit`. */
async function crawl(base: string, limit: number): Promise<string[]> {
  const found = new Set<string>([
    '/',
    '/api',
    '/api/openapi.json',
    '/api/v1/seasons',
    '/api/v1/seasons/alms-2019-20',
    '/api/v1/seasons/alms-2019-20/entries',
    '/api/v1/seasons/alms-2019-20/standings',
    '/api/v1/seasons/alms-2019-20/standings?kind=drivers',
    '/api/v1/seasons/alms-2019-20/standings.csv',
    '/api/v1/seasons/alms-2019-20/calendar.ics',
  ]);
  const queue = [...found];
  while (queue.length > 0 && found.size < limit) {
    const path = queue.shift() ?? '/';
    const response = await fetch(base + path);
    const type = response.headers.get('content-type') ?? '';
    const text = await response.text();
    if (!type.startsWith('text/html')) continue;
    for (const [, href] of text.matchAll(HREF)) {
      const link = (href ?? '').replaceAll('&amp;', '&');
      if (link.startsWith('/assets/') || link.includes('/live') || found.has(link) || found.size >= limit) continue;
      found.add(link);
      queue.push(link);
    }
  }
  return [...found];
}

/** Reads for `seconds`, `concurrency` at a time: the pages, variants no route reads, 404s and 304s. */
async function mixedReads(base: string, paths: readonly string[], seconds: number, concurrency = 4): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let count = 0;
  const etags = new Map<string, string>();
  const reader = async (offset: number) => {
    for (let i = offset; performance.now() < until; i += concurrency) {
      const path = paths[i % paths.length] ?? '/';
      const kind = i % 10;
      const url =
        kind === 7
          ? `${path}${path.includes('?') ? '&' : '?'}bust=${i}`
          : kind === 8
            ? `/seasons/no-such-season-${i}`
            : path;
      const headers: Record<string, string> = { 'accept-encoding': i % 3 === 0 ? 'gzip' : 'br, gzip' };
      const held = etags.get(path);
      if (kind === 9 && held) headers['if-none-match'] = held;
      const response = await fetch(base + url, { headers });
      await response.arrayBuffer();
      const etag = response.headers.get('etag');
      if (etag) etags.set(path, etag);
      count += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, k) => reader(k)));
  return count;
}

/** Wall time of a command, median of `runs` (after one run not counted). */
async function commandMs(args: readonly string[], env: NodeJS.ProcessEnv, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    await run(process.execPath, args, { env, maxBuffer: 16 * MB });
    if (i > 0) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'pitwall-bench-startup-'));
  const dataDir = join(dir, 'db');
  const checks: { name: string; figure: string; ok: boolean }[] = [];
  const check = (name: string, figure: string, ok: boolean) => checks.push({ name, figure, ok });
  console.log(
    `embedded server and command line: PGlite in ${dir}; load average ${loadavg()[0]?.toFixed(1)} before the run\n`,
  );
  try {
    // The first command after the sources change bundles them (bin/cli-bundle.js); not timed below.
    const bundling = performance.now();
    await run(process.execPath, [PITWALL, '--help'], { env: embeddedEnv(dataDir) });
    console.log(`  first command (bundles the sources if they changed) ${s(performance.now() - bundling)}`);
    const first = await serve(dataDir);
    const firstRss = await rss(first.pid);
    await first.stop();
    console.log(`  serve, new data directory   first answer ${s(first.startMs)}   RSS ${mb(firstRss)}`);

    const server = await serve(dataDir);
    const startRss = await rss(server.pid);
    console.log(`  serve, restart              first answer ${s(server.startMs)}   RSS ${mb(startRss)}`);
    const paths = await crawl(server.base, 400);
    const reads = await mixedReads(server.base, paths, MIXED_SECONDS);
    const readRss = await rss(server.pid);
    console.log(
      `  after ${MIXED_SECONDS} s of mixed reads     ${reads} reads of ${paths.length} pages   RSS ${mb(readRss)}`,
    );
    check(
      'RSS after start with the bundled season <= 250 MB',
      mb(Math.max(firstRss, startRss)),
      Math.max(firstRss, startRss) <= 250 * MB,
    );
    check(`RSS after ${MIXED_SECONDS} s of mixed reads <= 300 MB`, mb(readRss), readRss <= 300 * MB);
    check('first start (new data directory) to first answer <= 2 s', s(first.startMs), first.startMs <= 2000);
    check('restart to first answer <= 2 s', s(server.startMs), server.startMs <= 2000);

    const env = embeddedEnv(dataDir);
    const node = await commandMs(['-e', ''], env);
    const tsx = await commandMs(['--import', 'tsx', '-e', ''], env);
    const throughTsx = await commandMs([PITWALL, 'standings', SEASON], { ...env, PITWALL_TSX: '1' });
    const help = await commandMs([PITWALL, '--help'], env);
    const standings = await commandMs([PITWALL, 'standings', SEASON], env);
    const imported = await commandMs([PITWALL, 'import', SEASON], env);
    await server.stop();
    console.log(`\n  node doing nothing                       ${s(node)}`);
    console.log(`  node with tsx doing nothing              ${s(tsx)}`);
    console.log(`  pitwall --help                           ${s(help)}`);
    console.log(`  pitwall standings FILE                   ${s(standings)}`);
    console.log(`  the same through tsx (PITWALL_TSX=1)     ${s(throughTsx)}`);
    console.log(`  pitwall import FILE (through the server) ${s(imported)}`);
    check('a command on a season file <= 0.5 s', s(standings), standings <= 500);
    check('import into the database of a running server <= 1 s', s(imported), imported <= 1000);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log('');
  for (const c of checks) console.log(`  ${c.ok ? 'PASS' : 'MISS'}  ${c.name}: ${c.figure}`);
  console.log('');
  process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
}

await main();
