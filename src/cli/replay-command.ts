/**
 * `pitwall replay LAPFILE --season S --round N [--speed 20|max] [--from T] [--to T] [--url U]
 * [--token T]`: replays a recorded race (an Al Kamel lap analysis) to a Pitwall server's live
 * ingest endpoint (docs/live.md), one request per tick of replay time, as the timing system
 * would send it live. The lap file is read and checked before anything is sent. Progress goes to
 * standard error, the summary to standard output. Exit 0 when every tick was delivered, 1 on a
 * user error (bad file, bad option, credentials refused, unknown season or round, server gone),
 * 130 when interrupted (the summary is still printed).
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatRaceTime, parseDuration, parseRaceTime } from '../formats/race-time.ts';
import type { Tick, WireEvent } from '../live/replay-schedule.ts';
import { serverSettings } from './environment.ts';
import { UserError } from './user-error.ts';
import { readTimingFile } from './timing-file.ts';

/** More problems than this are counted, not printed: a file in the wrong shape has one per row. */
const PROGRESS_EVERY_MS = 10_000;
/** Waits before the retries of a request that failed transiently (network error, 408, 429, 5xx). */
const RETRY_DELAYS_MS = [250, 1_000, 2_000, 4_000, 8_000];
/** After this many ticks in a row that could not be delivered at all, the server is taken as gone. */
const MAX_FAILED_TICKS_IN_A_ROW = 3;
const REQUEST_TIMEOUT_MS = 30_000;

interface ReplayOptions {
  season: string;
  round: string;
  speed: string;
  from?: string;
  to?: string;
  url?: string;
  token?: string;
}

/** Everything the options say, checked. */
interface ReplayPlan {
  readonly file: string;
  readonly season: string;
  readonly round: number;
  /** Infinity: as fast as the server takes them. */
  readonly speed: number;
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly endpoint: string;
  readonly token: string;
}

export function addReplayCommand(program: Command): void {
  program
    .command('replay')
    .description("replay a lap analysis CSV to a server's live timing, in real time scaled by --speed")
    .argument('<lapfile>', 'Al Kamel lap analysis CSV (; or ,)')
    .requiredOption('--season <id>', 'season id, e.g. wec-2024')
    .requiredOption('--round <n>', 'round number')
    .addOption(
      new Option('--speed <x>', 'replay speed: 20 = twenty times real time; 0 or max = as fast as taken').default('20'),
    )
    .option('--from <time>', 'start at this race time (20h, 1h30m or 20:00:00); earlier laps are sent at once')
    .option('--to <time>', 'stop after this race time')
    .option('--url <url>', 'the server (default: http://localhost:$PORT, PORT default 3000)')
    .option('--token <token>', 'a token with the timing scope (default: $PITWALL_TOKEN)')
    .action(async (file: string, options: ReplayOptions) => {
      const plan = planOf(file, options);
      const events = await readEvents(plan);
      process.exitCode = await replay(plan, events);
    });
}

function planOf(file: string, options: ReplayOptions): ReplayPlan {
  const problems: string[] = [];
  const round = Number(options.round);
  if (!/^\d+$/.test(options.round) || round < 1)
    problems.push(`--round must be a round number such as 1, not "${options.round}"`);
  const speedText = options.speed.trim().toLowerCase();
  const speed = speedText === 'max' ? Number.POSITIVE_INFINITY : Number(speedText);
  if (speedText === '' || Number.isNaN(speed) || speed < 0 || (speed === Infinity && speedText !== 'max')) {
    problems.push(`--speed must be a positive number such as 20, or 0 or max, not "${options.speed}"`);
  }
  const fromMs = options.from === undefined ? undefined : raceTimeOf('--from', options.from, problems);
  const toMs = options.to === undefined ? undefined : raceTimeOf('--to', options.to, problems);
  if (fromMs !== undefined && toMs !== undefined && toMs < fromMs) problems.push('--to must not be before --from');
  let base = options.url;
  if (base === undefined) {
    const settings = serverSettings();
    if (!settings.ok) problems.push(settings.error);
    else {
      // The server of `pitwall serve` on this machine, wherever HOST put it.
      const { host, port } = settings.value;
      const local = ['0.0.0.0', '::'].includes(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      base = `http://${local}:${port}`;
    }
  }
  let endpoint = '';
  if (base !== undefined) {
    const url = URL.canParse(base) ? new URL(base) : undefined;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      problems.push(`--url must be an http(s) URL such as http://localhost:3000, not "${base}"`);
    } else {
      const path = `api/v1/admin/seasons/${encodeURIComponent(options.season)}/rounds/${round}/live/events`;
      endpoint = new URL(path, url.href.endsWith('/') ? url.href : `${url.href}/`).href;
    }
  }
  const token = options.token ?? process.env.PITWALL_TOKEN ?? '';
  if (token === '') {
    problems.push(
      'no token: give --token or set PITWALL_TOKEN (create one with `pitwall token add NAME --scope timing`)',
    );
  }
  if (problems.length > 0) throw new UserError(problems.map((p) => `replay: ${p}`));
  return {
    file,
    season: options.season,
    round,
    speed: speed === 0 ? Number.POSITIVE_INFINITY : speed,
    fromMs,
    toMs,
    endpoint,
    token,
  };
}

function raceTimeOf(option: string, text: string, problems: string[]): number | undefined {
  const ms = parseDuration(text) ?? parseRaceTime(text);
  if (ms === undefined) problems.push(`${option} must be a race time such as 20h, 1h30m or 20:00:00, not "${text}"`);
  return ms;
}

async function readEvents(plan: ReplayPlan): Promise<WireEvent[]> {
  const [{ parseLapAnalysisCsv }, { replayEvents, withinWindow }] = await Promise.all([
    import('../formats/timing/lap-analysis-csv.ts'),
    import('../live/replay-schedule.ts'),
  ]);
  const { file } = plan;
  const analysis = await readTimingFile(file, 'the lap file', parseLapAnalysisCsv, 'not replayed');
  const events = withinWindow(replayEvents(analysis.laps), { fromMs: plan.fromMs, toMs: plan.toMs });
  if (events.length === 0)
    throw new UserError([`${file}: no lap to replay${plan.toMs === undefined ? '' : ' before --to'}`]);
  return events;
}

/** What the ingest endpoint answers (docs/live.md); read defensively. */
interface IngestResponse {
  readonly accepted?: unknown;
  readonly rejected?: unknown;
  readonly lastEventId?: unknown;
}

interface Tally {
  sent: number;
  accepted: number;
  rejected: number;
  /** Events of ticks that could not be delivered after every retry. */
  undelivered: number;
  reasons: Map<string, number>;
  lastEventId?: string;
  raceTimeMs: number;
}

type Delivery = { readonly ok: true; readonly body: IngestResponse } | { readonly ok: false; readonly why: string };

/** Sends the ticks; returns the exit code. Throws UserError when the server refuses us for good. */
async function replay(plan: ReplayPlan, events: WireEvent[]): Promise<number> {
  const { ticks } = await import('../live/replay-schedule.ts');
  const schedule: Tick[] = ticks(events, plan.speed, 100, plan.fromMs ?? 0);
  const tally: Tally = { sent: 0, accepted: 0, rejected: 0, undelivered: 0, reasons: new Map(), raceTimeMs: 0 };
  const interrupt = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    process.stderr.write('\nreplay: interrupted; finishing the request under way (Ctrl-C again to quit at once)\n');
    interrupt.abort();
  };
  process.on('SIGINT', onSigint);
  const speedText = plan.speed === Number.POSITIVE_INFINITY ? 'as fast as taken' : `×${plan.speed}`;
  process.stderr.write(
    `replay: ${events.length} laps of ${plan.file} to ${plan.endpoint} (${speedText}, ${schedule.length} request${schedule.length === 1 ? '' : 's'})\n`,
  );
  const started = performance.now();
  let nextProgress = started + PROGRESS_EVERY_MS;
  let failedInARow = 0;
  try {
    for (const tick of schedule) {
      const waitMs = started + tick.atMs - performance.now();
      if (waitMs > 0) await sleep(waitMs, undefined, { signal: interrupt.signal }).catch(() => undefined);
      if (interrupt.signal.aborted) break;
      const delivery = await deliver(plan, tick.events, interrupt.signal);
      tally.raceTimeMs = tick.events.at(-1)?.elapsedMs ?? tally.raceTimeMs;
      if (delivery.ok) {
        failedInARow = 0;
        record(tally, tick.events, delivery.body);
      } else {
        failedInARow += 1;
        tally.undelivered += tick.events.length;
        process.stderr.write(`replay: ${tick.events.length} events not delivered: ${delivery.why}\n`);
        if (failedInARow >= MAX_FAILED_TICKS_IN_A_ROW) {
          throw new UserError([
            ...summary(plan, tally),
            `replay: stopped: ${failedInARow} requests in a row could not be delivered (${delivery.why})`,
          ]);
        }
      }
      if (performance.now() >= nextProgress) {
        nextProgress = performance.now() + PROGRESS_EVERY_MS;
        process.stderr.write(
          `replay: race time ${formatRaceTime(tally.raceTimeMs)}: ${tally.sent} events sent, ${tally.rejected} rejected\n`,
        );
      }
    }
  } finally {
    process.off('SIGINT', onSigint);
  }
  process.stdout.write(
    summary(plan, tally)
      .map((line) => `${line}\n`)
      .join(''),
  );
  if (interrupt.signal.aborted) return 130;
  return tally.undelivered > 0 ? 1 : 0;
}

function record(tally: Tally, events: readonly WireEvent[], body: IngestResponse): void {
  tally.sent += events.length;
  tally.accepted += typeof body.accepted === 'number' ? body.accepted : 0;
  const rejected = Array.isArray(body.rejected) ? (body.rejected as unknown[]) : [];
  tally.rejected += rejected.length;
  for (const item of rejected) {
    const { field, message } = (item ?? {}) as { field?: unknown; message?: unknown };
    const reason =
      [field, message].filter((part) => typeof part === 'string' && part !== '').join(': ') || 'no reason given';
    tally.reasons.set(reason, (tally.reasons.get(reason) ?? 0) + 1);
  }
  if (typeof body.lastEventId === 'string') tally.lastEventId = body.lastEventId;
}

function summary(plan: ReplayPlan, tally: Tally): string[] {
  const reasons = [...tally.reasons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return [
    `replayed ${plan.file} to ${plan.season} round ${plan.round} up to race time ${formatRaceTime(tally.raceTimeMs)}: ` +
      `${tally.sent} events sent, ${tally.accepted} accepted, ${tally.rejected} rejected` +
      (tally.undelivered > 0 ? `, ${tally.undelivered} not delivered` : '') +
      (tally.lastEventId === undefined ? '' : `; last event id ${tally.lastEventId}`),
    ...reasons.map(([reason, count]) => `  ${count} rejected: ${reason}`),
  ];
}

const isTransient = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * One tick's events in one request, retried with backoff while the failure may pass. 401, 403
 * and 404 (and any other refusal of the request itself) stop the replay with the server's word.
 */
async function deliver(plan: ReplayPlan, events: readonly WireEvent[], interrupt: AbortSignal): Promise<Delivery> {
  const body = JSON.stringify({ events });
  let why = '';
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
    if (attempt > 0) {
      const delay = RETRY_DELAYS_MS[attempt - 1] ?? 0;
      await sleep(delay, undefined, { signal: interrupt }).catch(() => undefined);
      if (interrupt.aborted) return { ok: false, why: `${why}; interrupted before retrying` };
    }
    let response: Response;
    try {
      response = await fetch(plan.endpoint, {
        method: 'POST',
        headers: { authorization: `Bearer ${plan.token}`, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      why = networkError(error);
      continue;
    }
    const text = await response.text().catch(() => '');
    if (response.ok) {
      try {
        return { ok: true, body: JSON.parse(text) as IngestResponse };
      } catch {
        return { ok: false, why: `the server answered ${response.status} with a body that is not JSON` };
      }
    }
    why = `HTTP ${response.status}${serverMessage(text)}`;
    if (!isTransient(response.status)) throw new UserError([refusal(plan, response.status, why)]);
  }
  return { ok: false, why: `${why} (after ${RETRY_DELAYS_MS.length} retries)` };
}

function refusal(plan: ReplayPlan, status: number, why: string): string {
  switch (status) {
    case 401:
      return `replay: the server refused the token (${why}): check --token or PITWALL_TOKEN`;
    case 403:
      return `replay: the token may not send timing (${why}): it needs the timing scope (pitwall token add NAME --scope timing)`;
    case 404:
      return `replay: no season "${plan.season}" round ${plan.round} on the server, or no live timing there (${why})`;
    default:
      return `replay: the server refused the request (${why})`;
  }
}

/** The `error`/`message` of a JSON error body, or a short piece of a text one. */
function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const message = body.message ?? body.error;
    if (typeof message === 'string' && message !== '') return `: ${message}`;
    if (message && typeof message === 'object' && 'message' in message && typeof message.message === 'string') {
      return `: ${message.message}`;
    }
  } catch {
    // not JSON
  }
  const short = text.trim().slice(0, 200);
  return short === '' ? '' : `: ${short}`;
}

function networkError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return `cannot reach the server (${cause.code})`;
  if (cause && typeof cause.message === 'string') return `cannot reach the server (${cause.message})`;
  return `cannot reach the server (${error instanceof Error ? error.message : String(error)})`;
}
