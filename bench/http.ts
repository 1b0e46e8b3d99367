/**
 * `npm run bench`: loads the standings API and the standings page with wrk on 127.0.0.1, and in
 * the same run nginx serving the same bytes from files (open_file_cache on) — the physical limit
 * of this machine — and prints requests/s, p50/p99 latency and the ratio to nginx. Each is loaded
 * as it is sent uncompressed and as it is sent to a browser (Accept-Encoding: br): nginx then serves
 * Pitwall's own Brotli bytes from a file, as `brotli_static` would. Targets (issue 15): the API at
 * >= 0.7x nginx's requests/s with p99 <= 1.3x nginx's, the page at >= 0.8x.
 * Beside them, a bare `node:http` server serving the same bytes from memory
 * (bench/http-node-server.ts): the most one Node process does here, so that what Pitwall costs
 * over Node is told apart from what Node costs over nginx.
 * This machine is shared and its speed drifts by a third from one minute to the next, so each
 * load is warmed up on both servers (Node's compiler, nginx's file cache), then run on them in
 * turn ROUNDS times, and the median of each is compared: a slow spell hits both.
 * Bounded: a fixed duration per load, loopback only. BENCH_SECONDS (4) per run, BENCH_ROUNDS (3).
 */
import { freePort } from './free-port.ts';
import { readyPort } from './ready-port.ts';
import { execFile, spawn } from 'node:child_process';
import { request } from 'node:http';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const DURATION = process.env.BENCH_SECONDS ?? '4';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;

interface Load {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!match) throw new Error(`wrk printed a latency I cannot read: "${value}"`);
  const n = Number(match[1]);
  return match[2] === 'us' ? n / 1000 : match[2] === 's' ? n * 1000 : n;
}

async function wrk(url: string, encoding: string | undefined, seconds = DURATION): Promise<Load> {
  const header = encoding ? ['-H', `Accept-Encoding: ${encoding}`] : [];
  const { stdout } = await run('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', ...header, url]);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1];
  const p50 = /^\s+50%\s+(\S+)/m.exec(stdout)?.[1];
  const p99 = /^\s+99%\s+(\S+)/m.exec(stdout)?.[1];
  if (!rps || !p50 || !p99) throw new Error(`unexpected wrk output:\n${stdout}`);
  if (/Non-2xx/.test(stdout)) throw new Error(`wrk saw errors loading ${url}:\n${stdout}`);
  return { requestsPerSecond: Number(rps), p50Ms: toMs(p50), p99Ms: toMs(p99) };
}

async function need(command: string, pkg: string): Promise<void> {
  try {
    await run('sh', ['-c', `command -v ${command}`]);
  } catch {
    console.error(`bench: "${command}" is missing; install it with: apt-get install -y ${pkg}`);
    process.exit(1);
  }
}

/** The real server, `pitwall serve`, in a process of its own as in production. */
async function startPitwall(dir: string, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const bin = new URL('../bin/pitwall.js', import.meta.url).pathname;
  const { DATABASE_URL: _embedded, ...env } = process.env;
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: { ...env, PORT: String(port), PITWALL_DATA: join(dir, 'db'), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${url}/api/v1/seasons`)).ok) break;
    } catch {
      if (attempt > 200 || child.exitCode !== null) throw new Error('pitwall serve did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** The bytes as sent (fetch would decode them) and the coding they are in. */
function rawGet(url: string, encoding: string | undefined): Promise<{ body: Buffer; coding: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}`));
        else resolve({ body: Buffer.concat(chunks), coding: res.headers['content-encoding'] });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** bench/http-node-server.ts on the files of `www`: the most one Node process serves. */
async function startNode(www: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const script = new URL('./http-node-server.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', script, www], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await readyPort(child, 'the bare Node server');
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function startNginx(dir: string, port: number): Promise<() => Promise<void>> {
  const conf = join(dir, 'nginx.conf');
  await writeFile(
    conf,
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  open_file_cache max=100 inactive=60s;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { application/json json; text/html html; }
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    # Pitwall's Brotli bytes, served as brotli_static serves a .br file beside the original.
    location ~ \\.json\\.br$ { types { } default_type application/json; add_header Content-Encoding br; add_header Vary Accept-Encoding; }
    location ~ \\.html\\.br$ { types { } default_type text/html; add_header Content-Encoding br; add_header Vary Accept-Encoding; }
  }
}
`,
  );
  const nginx = spawn('nginx', ['-c', conf, '-p', dir], { stdio: 'inherit' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  return async () => {
    nginx.kill('SIGQUIT');
    await new Promise((resolve) => nginx.once('exit', resolve));
  };
}

/** Each figure's median over the runs. */
function median(loads: readonly Load[]): Load {
  const mid = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  return {
    requestsPerSecond: mid(loads.map((l) => l.requestsPerSecond)),
    p50Ms: mid(loads.map((l) => l.p50Ms)),
    p99Ms: mid(loads.map((l) => l.p99Ms)),
  };
}

const fmt = (l: Load) =>
  `${l.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${l.p50Ms.toFixed(2).padStart(6)} ms   p99 ${l.p99Ms.toFixed(2).padStart(6)} ms`;

async function main(): Promise<void> {
  await need('wrk', 'wrk');
  await need('nginx', 'nginx');
  const dir = await mkdtemp(join(tmpdir(), 'pitwall-bench-'));
  await chmod(dir, 0o755); // nginx's workers (user nobody when started as root) must read it
  const server = await startPitwall(dir, await freePort());
  const base = server.url;
  const targets = [
    { name: 'standings API', path: '/api/v1/seasons/alms-2019-20/standings', file: 'standings.json', target: 0.7 },
    { name: 'standings page', path: '/seasons/alms-2019-20/standings', file: 'standings.html', target: 0.8 },
  ];
  const loads = targets.flatMap((t) => [
    { ...t, encoding: undefined, file: t.file },
    { ...t, name: `${t.name}, Brotli`, encoding: 'br', file: `${t.file}.br` },
  ]);
  await run('mkdir', ['-p', join(dir, 'www')]);
  for (const load of loads) {
    const { body, coding } = await rawGet(base + load.path, load.encoding);
    if (coding !== load.encoding) throw new Error(`${load.path} came in ${coding ?? 'identity'}, not ${load.encoding}`);
    await writeFile(join(dir, 'www', load.file), body);
    console.log(`${load.path}${load.encoding ? ` (${load.encoding})` : ''}: ${body.length} bytes`);
  }
  const nginxPort = await freePort();
  const stopNginx = await startNginx(dir, nginxPort);
  const bare = await startNode(join(dir, 'www'));
  console.log(
    `\nwrk, ${CONNECTIONS} connections, 2 threads, 127.0.0.1; after a 2 s warm-up, ${ROUNDS} runs of ${DURATION} s ` +
      `on each server in turn, medians\n`,
  );
  let failed = false;
  try {
    for (const load of loads) {
      const urls = {
        pitwall: base + load.path,
        node: `${bare.url}/${load.file}`,
        nginx: `http://127.0.0.1:${nginxPort}/${load.file}`,
      };
      for (const url of Object.values(urls)) await wrk(url, load.encoding, '2');
      const runs: { pitwall: Load; node: Load; nginx: Load }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        runs.push({
          pitwall: await wrk(urls.pitwall, load.encoding),
          node: await wrk(urls.node, load.encoding),
          nginx: await wrk(urls.nginx, load.encoding),
        });
      }
      const pitwall = median(runs.map((r) => r.pitwall));
      const node = median(runs.map((r) => r.node));
      const nginx = median(runs.map((r) => r.nginx));
      const ratio = pitwall.requestsPerSecond / nginx.requestsPerSecond;
      const p99 = pitwall.p99Ms / nginx.p99Ms;
      const api = load.path.startsWith('/api/');
      const ok = ratio >= load.target && (!api || p99 <= 1.3);
      failed ||= !ok;
      console.log(`${load.name}`);
      console.log(`  pitwall ${fmt(pitwall)}`);
      console.log(`  node    ${fmt(node)}   (bare node:http, the same bytes from memory)`);
      console.log(`  nginx   ${fmt(nginx)}`);
      console.log(
        `  ratio   ${ratio.toFixed(2)}x nginx's req/s (target >= ${load.target}x), p99 ${p99.toFixed(2)}x nginx's` +
          `${api ? ' (target <= 1.3x)' : ''} ${ok ? 'ok' : 'MISSED'}`,
      );
      console.log(
        `          ${(pitwall.requestsPerSecond / node.requestsPerSecond).toFixed(2)}x bare Node's req/s, ` +
          `bare Node ${(node.requestsPerSecond / nginx.requestsPerSecond).toFixed(2)}x nginx's\n`,
      );
    }
  } finally {
    await stopNginx();
    await bare.stop();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
