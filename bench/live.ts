/**
 * `npm run bench`, live timing (issue 6): replays the real Le Mans 2024 lap file at high speed
 * into `pitwall serve` while 10,000 SSE clients follow the race, and reports events ingested per
 * second, p50/p99 from an event's arrival to its delta reaching the clients, server memory per
 * client and CPU. In the same run a bare `node:http` server (bench/live-baseline-server.ts)
 * writes the very bytes the clients received, at the same pace, to as many sockets — the physical
 * limit of this machine — and the ratios are printed. Targets (issue 15): event -> client p99 at
 * most 1.25x the bare server's and p50 at most 1.5x, < 20 KB per client, every client gets every
 * frame; exit 1 on a miss. BENCH_LIVE_INTERVAL_MS sets the server's coalescing window, to
 * measure it. Loopback only; bounded: a fixed replay time, a fixed number of clients, and a
 * global timeout that stops everything.
 *
 * Layout, on 2 cores: the server under test in its own process, as in production; this process
 * is the load: it holds every client socket (bench/live-client.ts: raw sockets that read only
 * frame ids — EventSource or undici per client would cost more than the server). One load
 * process, not several, because the server must get most of a core and the load the other; the
 * baseline faces the very same load, so what the load costs is in both. The events are posted by
 * a small process of its own (bench/live-timing-system.ts), as by a timing system at a race: a
 * post is not held up while the load process reads a frame from 10,000 sockets.
 *
 * Latency: an event's arrival is when it was due to be sent (its race time scaled by the speed,
 * rounded up to the 100 ms tick the timing system posts in, as `pitwall replay` does). Posts go
 * one at a time, in order (the race state wants laps in order); when the server is slow, the
 * events due meanwhile go together in the next post and their wait counts — measuring from the
 * actual send would hide a slow ingest (coordinated omission). A frame reaching a client carries
 * every event after the last one that client had: its latency is its arrival minus the arrival
 * of the oldest of those, so any wait for the coalescing window counts in full. p50/p99 are
 * over every frame of every client, after a warm-up: the frames of events due in the first 2 s
 * after the first event (the server's first batches and passes, each a cold path once: six frames
 * of the ~90) are sent and received but not counted, for either server; the p99 with them is
 * printed too. The race's first laps are due 2.2 s into the replay, so a warm-up counted from the
 * replay's start would leave nothing out.
 *
 * Speed ×100 (20 s of race per 200 ms of replay, ~500 laps in 20 s): a 24-hour race
 * in under a quarter of an hour. At ×500 (~10 KB deltas) the server's core is saturated by the
 * writes alone at 10,000 clients (measured: 101 % of a core, the baseline 80 %), so the run would
 * measure the machine, not Pitwall; BENCH_LIVE_SPEED=500 shows it.
 * Memory is the server's RSS growth over the clients (connected with their snapshot, and after
 * the replay; the larger is held to the target). A third check: every client got the last frame
 * with no reconnection, or the latencies would leave some out.
 *
 * Rounds: a round is Pitwall, then the bare server with Pitwall's frames of that round, each on
 * a new store. A round's p99 is set by its few slowest frames, and on this machine one round's
 * ratio swings by a third or more from one minute to the next; so three rounds run, and the figures are
 * over every frame of both (each round's own ratios are printed too).
 *
 * Environment: BENCH_LIVE_CLIENTS (10000), BENCH_LIVE_SECONDS (replay time, 20),
 * BENCH_LIVE_SPEED (race time per replay time, 100), BENCH_LIVE_ROUNDS (3), BENCH_LIVE_WARMUP_MS (2000),
 * BENCH_LIVE_TIMEOUT_SECONDS (600: a round takes 60-90 s; the margin is for a busy machine).
 */
import { freePort } from './free-port.ts';
import { readyPort } from './ready-port.ts';
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { LE_MANS_2024, leMans2024SeasonYaml } from '../test/support/le-mans-2024-season.ts';
import { now, SseClient } from './live-client.ts';
import type { Replay } from './live-timing-system.ts';
import { latency, raceEvents, SECONDS, SPEED, TICK_MS } from './live-timing-system.ts';
import type { FrameSink } from './live-client.ts';

const run = promisify(execFile);
const CLIENTS = Number(process.env.BENCH_LIVE_CLIENTS ?? 10_000);
const TIMEOUT_SECONDS = Number(process.env.BENCH_LIVE_TIMEOUT_SECONDS ?? 600);
/** The first seconds of events, not counted for either server (as bench/http.ts warms up before it counts). */
const WARMUP_MS = Number(process.env.BENCH_LIVE_WARMUP_MS ?? 2000);
/** Rounds of Pitwall then the bare server, their latencies pooled: one round's p99 is a few frames'. */
const ROUNDS = Number(process.env.BENCH_LIVE_ROUNDS ?? 3);
const INTERVAL_MS = process.env.BENCH_LIVE_INTERVAL_MS;
/** Clients connect this many at a time, each wave waiting for every snapshot. */
const WAVE = 500;
/** Event -> client, against the bare server's fan-out of the same frames (issue 15). */
const TARGET_P99_RATIO = 1.25;
const TARGET_P50_RATIO = 1.5;
const TARGET_BYTES_PER_CLIENT = 20 * 1024;
/** File descriptors each process needs: one per client, and some to spare. */
const FDS_NEEDED = CLIENTS + 1024;

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Raises this process's open-files limit (children inherit it) by running itself again under it. */
async function ensureFileLimit(): Promise<void> {
  const { stdout } = await run('sh', ['-c', 'ulimit -n; ulimit -Hn']);
  const [soft, hard] = stdout
    .trim()
    .split('\n')
    .map((v) => (v === 'unlimited' ? Infinity : Number(v)));
  if ((soft ?? 0) >= FDS_NEEDED) return;
  if ((hard ?? 0) < FDS_NEEDED || process.env.BENCH_LIVE_REEXEC) {
    console.error(`bench: ${CLIENTS} clients need ${FDS_NEEDED} open files; raise the limit: ulimit -n ${FDS_NEEDED}`);
    process.exit(1);
  }
  const child = spawn(
    'sh',
    [
      '-c',
      `ulimit -n ${FDS_NEEDED} && exec "$0" "$@"`,
      process.execPath,
      ...process.execArgv,
      ...process.argv.slice(1),
    ],
    { stdio: 'inherit', env: { ...process.env, BENCH_LIVE_REEXEC: '1' } },
  );
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
  process.exit(code);
}

// ---------------------------------------------------------------------------------------------
// Processes

const PITWALL = new URL('../bin/pitwall.js', import.meta.url).pathname;

/** Where the server under test keeps its data: a database of its own, dropped at the end. */
let databaseUrl: string | undefined;

function pitwallEnv(dir: string): NodeJS.ProcessEnv {
  const { DATABASE_URL: _given, PITWALL_LIVE_INTERVAL_MS: _default, ...env } = process.env;
  return {
    ...env,
    PITWALL_DATA: join(dir, 'db'),
    LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    // The coalescing window to measure, when not the server's own (BENCH_LIVE_INTERVAL_MS).
    ...(INTERVAL_MS ? { PITWALL_LIVE_INTERVAL_MS: INTERVAL_MS } : {}),
  };
}

function storeLabel(): string {
  const given = process.env.DATABASE_URL;
  return given ? `PostgreSQL (${new URL(given).host})` : 'PGlite (embedded)';
}

/**
 * With DATABASE_URL (as in production, and as .ci/run sets it) the server stores the events on
 * that PostgreSQL server, in a database created for the round; without it, in embedded PGlite in
 * the round's folder, whose queries run on the server's own thread.
 */
async function createStore(): Promise<{ drop(): Promise<void> }> {
  const given = process.env.DATABASE_URL;
  if (!given) return { drop: () => Promise.resolve() };
  const name = `pitwall_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: given });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(given);
  url.pathname = `/${name}`;
  databaseUrl = url.href;
  return {
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Imports the Le Mans 2024 season and creates a timing token, with the CLI, before the server holds the store. */
async function prepareStore(dir: string): Promise<string> {
  const file = join(dir, 'le-mans-2024.yaml');
  await writeFile(file, leMans2024SeasonYaml());
  const env = pitwallEnv(dir);
  await run(process.execPath, [PITWALL, 'import', file], { env });
  const { stdout } = await run(process.execPath, [PITWALL, 'token', 'add', 'bench', '--scope', 'timing'], { env });
  const token = stdout.trim();
  if (!token) throw new Error('pitwall token add printed no token');
  return token;
}

interface Served {
  readonly pid: number;
  readonly port: number;
  stop(): Promise<void>;
}

function track(child: ChildProcess): () => Promise<void> {
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => children.delete(child));
  return async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };
}

/** The real server, `pitwall serve`, in a process of its own as in production. */
async function startPitwall(dir: string): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [PITWALL, 'serve'], {
    env: { ...pitwallEnv(dir), PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = track(child);
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/seasons`)).ok) break;
    } catch {
      if (attempt > 300 || child.exitCode !== null) throw new Error('pitwall serve did not start');
      await sleep(100);
    }
  }
  if (child.pid === undefined) throw new Error('pitwall serve has no pid');
  return { pid: child.pid, port, stop };
}

async function startBaseline(): Promise<Served> {
  const script = new URL('./live-baseline-server.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = track(child);
  const port = await readyPort(child, 'the baseline server');
  if (child.pid === undefined) throw new Error('the baseline server has no pid');
  return { pid: child.pid, port, stop };
}

const CLOCK_TICKS = 100; // USER_HZ: /proc/PID/stat counts CPU time in 1/100 s on Linux

/** Resident memory of a process, bytes. */
async function rss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb) * 1024;
}

/** CPU time (user + system) of a process so far, seconds. */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime: fields 14 and 15
}

const selfCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

// ---------------------------------------------------------------------------------------------
// Clients and measurements

/** Every frame every client received while measuring: the previous seq it had, the new one, when. */
class Frames implements FrameSink {
  measuring = false;
  readonly previous: number[] = [];
  readonly seqs: number[] = [];
  readonly at: number[] = [];
  bytes = 0;
  private readonly last = new Map<SseClient, number>();

  frame(client: SseClient, id: string, at: number): void {
    const seq = Number(id.slice(id.indexOf('.') + 1));
    const previous = this.last.get(client) ?? -1;
    this.last.set(client, seq);
    if (!this.measuring) return;
    this.previous.push(previous);
    this.seqs.push(seq);
    this.at.push(at);
  }

  /** The seq each client has now. */
  lowest(): number {
    let lowest = Infinity;
    for (const seq of this.last.values()) lowest = Math.min(lowest, seq);
    return lowest;
  }

  /** First arrival of each frame over all clients. */
  firsts(): Map<number, number> {
    const first = new Map<number, number>();
    for (let i = 0; i < this.seqs.length; i++) {
      const seq = this.seqs[i] ?? 0;
      const at = this.at[i] ?? 0;
      if (at < (first.get(seq) ?? Infinity)) first.set(seq, at);
    }
    return first;
  }
}

/** Connects every client, a wave at a time; the first one records the bytes it gets. */
async function connectAll(port: number, path: string, sink: Frames): Promise<SseClient[]> {
  const clients: SseClient[] = [];
  for (let start = 0; start < CLIENTS; start += WAVE) {
    const wave: SseClient[] = [];
    for (let i = start; i < Math.min(CLIENTS, start + WAVE); i++) wave.push(new SseClient(port, path, sink));
    if (start === 0 && wave[0]) wave[0].recorded = [];
    clients.push(...wave);
    await Promise.all(wave.map((c) => c.open()));
  }
  return clients;
}

async function closeAll(clients: readonly SseClient[]): Promise<void> {
  for (const client of clients) client.close();
  await sleep(500); // let both ends tear the sockets down before the next phase
}

/** Each frame's arrival minus the first arrival of that frame at any client: the fan-out alone. */
function fanOut(frames: Frames, fromSeq: number): number[] {
  const firsts = frames.firsts();
  return frames.seqs.flatMap((seq, i) => (seq >= fromSeq ? [(frames.at[i] ?? 0) - (firsts.get(seq) ?? 0)] : []));
}

// ---------------------------------------------------------------------------------------------
// The race

/** The race posted by the timing system, a process of its own (bench/live-timing-system.ts). */
async function timingSystem(base: string, token: string, firstSeq: number): Promise<Replay> {
  const script = new URL('./live-timing-system.ts', import.meta.url).pathname;
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', script, JSON.stringify({ base, token, firstSeq })],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const done = JSON.parse(stdout) as Omit<Replay, 'arrival'> & { arrival: [number, number][] };
  const arrival = new Float64Array(done.lastSeq + 2);
  for (const [seq, at] of done.arrival) arrival[seq] = at;
  return { ...done, arrival };
}

/** Waits until every client has the frame with this seq (or the time is up). */
async function settle(frames: Frames, seq: number, withinMs = 5000): Promise<boolean> {
  const until = now() + withinMs;
  while (frames.lowest() < seq) {
    if (now() > until) return false;
    await sleep(50);
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Phases

interface Phase {
  /** Event -> client of every frame at every client after the warm-up, ms. */
  readonly latencies: number[];
  /** The same, the warm-up's frames too: shown, not held to the targets. */
  readonly coldLatencies: number[];
  /** Each frame's arrival at each client after its first arrival at any, ms. */
  readonly fanOuts: number[];
  readonly bytesPerClientConnected: number;
  readonly bytesPerClientAfter: number;
  readonly serverCpu: number;
  readonly loadCpu: number;
  readonly framesPerClient: number;
  readonly drops: number;
  readonly settled: boolean;
}

interface PitwallPhase extends Phase {
  readonly replay: Replay;
  /** The first seq counted: the first event due after the warm-up. */
  readonly fromSeq: number;
  readonly greeting: Buffer;
  readonly frames: { atMs: number; bytes: Buffer; seq: number }[];
  readonly bytesPerFrame: number;
}

async function pitwallPhase(dir: string, token: string): Promise<PitwallPhase> {
  const server = await startPitwall(dir);
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const { seasonId, round } = LE_MANS_2024;
    const live = await fetch(`${base}/api/v1/seasons/${seasonId}/rounds/${round}/live`);
    if (!live.ok) throw new Error(`GET live answered ${live.status}: ${(await live.text()).slice(0, 300)}`);
    const { eventId } = (await live.json()) as { eventId: string };
    const firstSeq = Number(eventId.slice(eventId.indexOf('.') + 1));
    await sleep(1000); // the race is loaded and its first frame published
    const frames = new Frames();
    const before = await rss(server.pid);
    const t = now();
    const clients = await connectAll(server.port, `/api/v1/seasons/${seasonId}/rounds/${round}/live/stream`, frames);
    const recorder = clients[0];
    if (!recorder) throw new Error('no clients');
    console.log(`  pitwall: ${CLIENTS} clients connected and got the snapshot in ${((now() - t) / 1000).toFixed(1)} s`);
    await sleep(1000);
    const connected = await rss(server.pid);
    const startFrames = clients.reduce((n, c) => n + c.frames, 0);
    const serverCpu0 = await cpuSeconds(server.pid);
    const loadCpu0 = selfCpuSeconds();
    frames.measuring = true;
    const replayed = await timingSystem(base, token, firstSeq);
    const settled = await settle(frames, replayed.lastSeq);
    frames.measuring = false;
    const serverCpu = (await cpuSeconds(server.pid)) - serverCpu0;
    const loadCpu = selfCpuSeconds() - loadCpu0;
    const after = await rss(server.pid);
    // The first event due after the warm-up, which starts with the first event (the race's first
    // laps are due some 2 s into the replay): frames from it on are counted.
    const firstDue = replayed.arrival.find((at) => at > 0) ?? replayed.started;
    let fromSeq = replayed.arrival.findIndex((at) => at >= firstDue + WARMUP_MS);
    if (fromSeq < 0) fromSeq = replayed.lastSeq + 1;
    const values: number[] = [];
    const coldValues: number[] = [];
    for (let i = 0; i < frames.seqs.length; i++) {
      const seq = frames.seqs[i] ?? 0;
      const previous = frames.previous[i] ?? 0;
      if (seq <= previous) continue; // nothing new in it (cannot happen with one feed)
      const arrival = replayed.arrival[previous + 1] ?? 0;
      if (arrival <= 0) continue;
      coldValues.push((frames.at[i] ?? 0) - arrival);
      if (seq >= fromSeq) values.push((frames.at[i] ?? 0) - arrival);
    }
    const firsts = frames.firsts();
    // What the recording client got: before the replay (the greeting: retry and snapshot), then
    // each frame, paced as the server published it (its first arrival at any client).
    const recordedFrames = recorder.recordedFrames();
    const greeting = Buffer.concat(recordedFrames.filter((f) => f.at < replayed.started).map((f) => f.bytes));
    const recorded = recordedFrames
      .filter((f) => f.at >= replayed.started)
      .map((f) => {
        const seq = Number(f.id.slice(f.id.indexOf('.') + 1));
        return { seq, atMs: (firsts.get(seq) ?? f.at) - replayed.started, bytes: f.bytes };
      });
    const framesPerClient = (clients.reduce((n, c) => n + c.frames, 0) - startFrames) / CLIENTS;
    const drops = clients.reduce((n, c) => n + c.drops, 0);
    await closeAll(clients);
    return {
      latencies: values,
      coldLatencies: coldValues,
      fanOuts: fanOut(frames, fromSeq),
      fromSeq,
      bytesPerClientConnected: (connected - before) / CLIENTS,
      bytesPerClientAfter: (after - before) / CLIENTS,
      serverCpu: serverCpu / ((replayed.ended - replayed.started) / 1000),
      loadCpu: loadCpu / ((replayed.ended - replayed.started) / 1000),
      framesPerClient,
      drops,
      settled,
      replay: replayed,
      greeting,
      frames: recorded,
      bytesPerFrame: recorded.reduce((n, f) => n + f.bytes.length, 0) / Math.max(1, recorded.length),
    };
  } finally {
    await server.stop();
  }
}

async function baselinePhase(pitwall: PitwallPhase): Promise<Phase> {
  const server = await startBaseline();
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const setup = await fetch(`${base}/setup`, {
      method: 'POST',
      body: JSON.stringify({ greeting: pitwall.greeting.toString('base64') }),
    });
    if (!setup.ok) throw new Error(`baseline /setup answered ${setup.status}`);
    const frames = new Frames();
    const before = await rss(server.pid);
    const t = now();
    const clients = await connectAll(server.port, '/stream', frames);
    console.log(
      `  baseline: ${CLIENTS} clients connected and got the snapshot in ${((now() - t) / 1000).toFixed(1)} s`,
    );
    await sleep(1000);
    const connected = await rss(server.pid);
    const startFrames = clients.reduce((n, c) => n + c.frames, 0);
    const serverCpu0 = await cpuSeconds(server.pid);
    const loadCpu0 = selfCpuSeconds();
    const startAt = now() + 200;
    frames.measuring = true;
    const play = await fetch(`${base}/play`, {
      method: 'POST',
      body: JSON.stringify({
        startAt,
        frames: pitwall.frames.map((f) => ({ atMs: f.atMs, bytes: f.bytes.toString('base64') })),
      }),
    });
    if (!play.ok) throw new Error(`baseline /play answered ${play.status}`);
    const lastAt = pitwall.frames.at(-1)?.atMs ?? 0;
    await sleep(Math.max(0, startAt + lastAt - now()));
    const lastSeq = pitwall.frames.at(-1)?.seq ?? 0;
    const settled = await settle(frames, lastSeq);
    const windowS = (now() - startAt) / 1000;
    frames.measuring = false;
    const serverCpu = (await cpuSeconds(server.pid)) - serverCpu0;
    const loadCpu = selfCpuSeconds() - loadCpu0;
    const after = await rss(server.pid);
    const scheduled = new Map(pitwall.frames.map((f) => [f.seq, startAt + f.atMs]));
    const values: number[] = [];
    const coldValues: number[] = [];
    for (let i = 0; i < frames.seqs.length; i++) {
      const seq = frames.seqs[i] ?? 0;
      const at = scheduled.get(seq);
      if (at === undefined) continue;
      coldValues.push((frames.at[i] ?? 0) - at);
      if (seq >= pitwall.fromSeq) values.push((frames.at[i] ?? 0) - at);
    }
    const framesPerClient = (clients.reduce((n, c) => n + c.frames, 0) - startFrames) / CLIENTS;
    const drops = clients.reduce((n, c) => n + c.drops, 0);
    await closeAll(clients);
    const replayS = (pitwall.replay.ended - pitwall.replay.started) / 1000;
    return {
      latencies: values,
      coldLatencies: coldValues,
      fanOuts: fanOut(frames, pitwall.fromSeq),
      bytesPerClientConnected: (connected - before) / CLIENTS,
      bytesPerClientAfter: (after - before) / CLIENTS,
      serverCpu: serverCpu / Math.max(replayS, windowS),
      loadCpu: loadCpu / Math.max(replayS, windowS),
      framesPerClient,
      drops,
      settled,
    };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------

const ms = (v: number) => `${v.toFixed(1)} ms`;
const kb = (v: number) => `${(v / 1024).toFixed(1)} KB`;
const pct = (v: number) => `${(v * 100).toFixed(0)} %`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}x` : '-');

async function main(): Promise<void> {
  await ensureFileLimit();
  const events = raceEvents();
  const dir = await mkdtemp(join(tmpdir(), 'pitwall-bench-live-'));
  const timeout = setTimeout(() => {
    console.error(`bench: live: not done within ${TIMEOUT_SECONDS} s; stopped`);
    rmSync(dir, { recursive: true, force: true });
    process.exit(1); // the exit handler kills the servers
  }, TIMEOUT_SECONDS * 1000);
  try {
    console.log(
      `live timing: ${CLIENTS} SSE clients, Le Mans 2024 replayed at x${SPEED} for ${SECONDS} s, ${storeLabel()} ` +
        `(${events.filter((e) => Math.ceil(e.elapsedMs / SPEED / TICK_MS) * TICK_MS < SECONDS * 1000).length} laps), ` +
        `127.0.0.1; ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)} before the run; ` +
        `${ROUNDS} rounds, each Pitwall then the bare server; frames counted after a ${WARMUP_MS / 1000} s warm-up`,
    );
    const rounds: Round[] = [];
    for (let k = 1; k <= ROUNDS; k++) {
      // Each round on a store of its own: the same race from its start, not its laps again.
      const store = await createStore();
      try {
        const roundDir = join(dir, `round-${k}`);
        await mkdir(roundDir);
        const token = await prepareStore(roundDir);
        const pitwall = await pitwallPhase(roundDir, token);
        const baseline = await baselinePhase(pitwall);
        rounds.push({ pitwall, baseline });
      } finally {
        await store.drop();
      }
    }
    report(rounds);
  } finally {
    clearTimeout(timeout);
    await rm(dir, { recursive: true, force: true });
  }
}

interface Round {
  readonly pitwall: PitwallPhase;
  readonly baseline: Phase;
}

/** The rounds' phases as one: every latency pooled, the worst memory and delivery, the mean CPU. */
function pooled(phases: readonly Phase[]): Phase {
  const mean = (of: (p: Phase) => number) => phases.reduce((n, p) => n + of(p), 0) / phases.length;
  return {
    latencies: phases.flatMap((p) => p.latencies),
    coldLatencies: phases.flatMap((p) => p.coldLatencies),
    fanOuts: phases.flatMap((p) => p.fanOuts),
    bytesPerClientConnected: Math.max(...phases.map((p) => p.bytesPerClientConnected)),
    bytesPerClientAfter: Math.max(...phases.map((p) => p.bytesPerClientAfter)),
    serverCpu: mean((p) => p.serverCpu),
    loadCpu: mean((p) => p.loadCpu),
    framesPerClient: Math.min(...phases.map((p) => p.framesPerClient)),
    drops: phases.reduce((n, p) => n + p.drops, 0),
    settled: phases.every((p) => p.settled),
  };
}

function report(rounds: readonly Round[]): void {
  const first = rounds[0];
  if (!first) throw new Error('no rounds');
  const pitwall = pooled(rounds.map((r) => r.pitwall));
  const baseline = pooled(rounds.map((r) => r.baseline));
  const [pitwallLatency, baselineLatency] = [latency(pitwall.latencies), latency(baseline.latencies)];
  const [pitwallFanOut, baselineFanOut] = [latency(pitwall.fanOuts), latency(baseline.fanOuts)];
  const [pitwallCold, baselineCold] = [latency(pitwall.coldLatencies), latency(baseline.coldLatencies)];
  for (const [k, round] of rounds.entries()) {
    const r = round.pitwall.replay;
    const seconds = (r.ended - r.started) / 1000;
    const [a, b] = [latency(round.pitwall.latencies), latency(round.baseline.latencies)];
    console.log(
      `\n  round ${k + 1}: ${r.accepted} events accepted (${r.rejected} rejected) in ${r.posts} posts over ${seconds.toFixed(1)} s: ` +
        `${(r.accepted / seconds).toFixed(0)} events/s; post p50 ${ms(r.postTime.p50)}, p99 ${ms(r.postTime.p99)}; ` +
        `late posts p50 ${ms(r.postLag.p50)}, p99 ${ms(r.postLag.p99)}\n` +
        `    event -> client p50 ${ms(a.p50)} (bare server ${ms(b.p50)}, ${ratio(a.p50, b.p50)}), ` +
        `p99 ${ms(a.p99)} (bare server ${ms(b.p99)}, ${ratio(a.p99, b.p99)})`,
    );
  }
  /** A figure of both, printed with `format`, and their ratio. */
  const compared = (name: string, a: number, b: number, format: (v: number) => string, withRatio = true) =>
    [name, format(a), format(b), withRatio ? ratio(a, b) : ''] as const;
  const of = (name: string, value: (phase: Phase) => number, format: (v: number) => string, withRatio = true) =>
    compared(name, value(pitwall), value(baseline), format, withRatio);
  const rows = [
    compared('event -> client p50', pitwallLatency.p50, baselineLatency.p50, ms),
    compared('event -> client p99', pitwallLatency.p99, baselineLatency.p99, ms),
    compared('event -> client max', pitwallLatency.max, baselineLatency.max, ms),
    compared('p99 with the warm-up', pitwallCold.p99, baselineCold.p99, ms),
    compared('fan-out p50 (first->each)', pitwallFanOut.p50, baselineFanOut.p50, ms),
    compared('fan-out p99', pitwallFanOut.p99, baselineFanOut.p99, ms),
    of('memory/client, connected', (p) => p.bytesPerClientConnected, kb),
    of('memory/client, after', (p) => p.bytesPerClientAfter, kb),
    of('server CPU (of one core)', (p) => p.serverCpu, pct),
    of('load process CPU', (p) => p.loadCpu, pct, false),
    of(
      'frames per client',
      (p) => p.framesPerClient,
      (v) => v.toFixed(1),
      false,
    ),
    of('client reconnections', (p) => p.drops, String, false),
  ];
  const { frames, bytesPerFrame } = first.pitwall;
  if (process.env.BENCH_LIVE_DEBUG) {
    console.log(frames.map((f) => `${f.seq}:${f.atMs.toFixed(0)}ms:${f.bytes.length}`).join(' '));
  }
  const oneLap = frames
    .filter((f, i) => i > 0 && f.seq - (frames[i - 1]?.seq ?? 0) === 1)
    .map((f) => f.bytes.length)
    .sort((a, b) => a - b);
  console.log(
    `\n  frames (round 1): ${frames.length} deltas, ${kb(bytesPerFrame)} each on average; ` +
      `${oneLap.length} of one lap of one car: median ${oneLap[Math.floor(oneLap.length / 2)] ?? '-'} bytes, ` +
      `largest ${oneLap.at(-1) ?? '-'} bytes (frame with id and event lines)\n`,
  );
  console.log(`  every round's frames at every client together:`);
  console.log(`  ${''.padEnd(28)}${'pitwall'.padStart(12)}${'baseline'.padStart(12)}${'ratio'.padStart(9)}`);
  for (const [name, a, b, c] of rows)
    console.log(`  ${name.padEnd(28)}${a.padStart(12)}${b.padStart(12)}${c.padStart(9)}`);
  const memory = Math.max(pitwall.bytesPerClientConnected, pitwall.bytesPerClientAfter);
  const p99 = pitwallLatency.p99 / baselineLatency.p99;
  const p50 = pitwallLatency.p50 / baselineLatency.p50;
  const checks = [
    {
      name: `p99 event -> client <= ${TARGET_P99_RATIO}x the bare server's: ${p99.toFixed(2)}x`,
      ok: p99 <= TARGET_P99_RATIO,
    },
    {
      name: `p50 event -> client <= ${TARGET_P50_RATIO}x the bare server's: ${p50.toFixed(2)}x`,
      ok: p50 <= TARGET_P50_RATIO,
    },
    { name: `memory per client < ${TARGET_BYTES_PER_CLIENT / 1024} KB`, ok: memory < TARGET_BYTES_PER_CLIENT },
    { name: 'every client got every frame', ok: pitwall.settled && pitwall.drops === 0 },
  ];
  console.log('');
  for (const c of checks) console.log(`  ${c.ok ? 'PASS' : 'MISS'}  ${c.name}`);
  if (!baseline.settled) console.log('  (the baseline clients did not all get the last frame within 5 s)');
  console.log('');
  process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
}

await main();
