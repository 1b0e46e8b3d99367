/**
 * `npm run bench`: loads the standings API and the standings page with wrk on 127.0.0.1, and in
 * the same run nginx serving the same bytes from files (open_file_cache on) — the physical limit
 * of this machine — and prints requests/s, p50/p99 latency and the ratio to nginx.
 * Bounded: a fixed duration per load, loopback only.
 */
import { execFile, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const DURATION = process.env.BENCH_SECONDS ?? '8';
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

async function wrk(url: string): Promise<Load> {
  const { stdout } = await run('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${DURATION}s`, '--latency', url]);
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

/** A port nothing listens on now, for nginx (which cannot be told to pick one). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no free port');
  return address.port;
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
    { name: 'standings API', path: '/api/v1/seasons/alms-2019-20/standings', file: 'standings.json', target: 0.6 },
    { name: 'standings page', path: '/seasons/alms-2019-20/standings', file: 'standings.html', target: 0.5 },
  ];
  await run('mkdir', ['-p', join(dir, 'www')]);
  for (const t of targets) {
    const response = await fetch(base + t.path);
    if (!response.ok) throw new Error(`${t.path} answered ${response.status}`);
    await writeFile(join(dir, 'www', t.file), Buffer.from(await response.arrayBuffer()));
  }
  const nginxPort = await freePort();
  const stopNginx = await startNginx(dir, nginxPort);
  console.log(`wrk, ${CONNECTIONS} connections, 2 threads, ${DURATION}s each, 127.0.0.1\n`);
  let failed = false;
  try {
    for (const t of targets) {
      const pitwall = await wrk(base + t.path);
      const nginx = await wrk(`http://127.0.0.1:${nginxPort}/${t.file}`);
      const ratio = pitwall.requestsPerSecond / nginx.requestsPerSecond;
      const ok = ratio >= t.target && (t.name !== 'standings API' || pitwall.p99Ms < 5);
      failed ||= !ok;
      console.log(`${t.name}`);
      console.log(`  pitwall ${fmt(pitwall)}`);
      console.log(`  nginx   ${fmt(nginx)}`);
      console.log(
        `  ratio   ${ratio.toFixed(2)}x nginx (target >= ${t.target}x${t.name === 'standings API' ? ', p99 < 5 ms' : ''}) ${ok ? 'ok' : 'MISSED'}\n`,
      );
    }
  } finally {
    await stopNginx();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
