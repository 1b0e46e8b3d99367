/**
 * The timing system of the live bench (bench/live.ts): posts Le Mans 2024 to the server's ingest
 * endpoint as `pitwall replay` would, in a process of its own as at a real race — never delayed
 * by the 10,000 clients the bench's load process reads. Run by live.ts with its arguments as JSON
 * (`{ base, token, firstSeq }`); prints what it posted, with each event's arrival (its due time,
 * epoch milliseconds: the clock the clients read too), as JSON.
 */
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseLapAnalysisCsv } from '../src/formats/timing/lap-analysis-csv.ts';
import { MAX_EVENTS_PER_REQUEST, replayEvents } from '../src/live/replay-schedule.ts';
import type { WireEvent } from '../src/live/replay-schedule.ts';
import { LE_MANS_2024 } from '../test/support/le-mans-2024-season.ts';
import { timingBytes } from '../test/support/timing-fixtures.ts';
import { now } from './live-client.ts';

export const SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 20);
export const SPEED = Number(process.env.BENCH_LIVE_SPEED ?? 100);
export const TICK_MS = 100;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export interface Latency {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly count: number;
}

export function latency(values: number[]): Latency {
  const sorted = Float64Array.from(values).sort();
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    count: sorted.length,
  };
}

/** The Le Mans 2024 laps as the ingest endpoint takes them, in race-time order. */
export function raceEvents(): WireEvent[] {
  const parsed = parseLapAnalysisCsv(timingBytes('leMans2024Laps'), 'le_mans_24h.csv');
  if (!parsed.ok) throw new Error(`the Le Mans 2024 lap file does not read: ${parsed.error.length} problems`);
  return replayEvents(parsed.value.laps);
}

export interface Replay {
  /** Arrival (due time) of each stored event, by seq. */
  readonly arrival: Float64Array;
  readonly started: number;
  readonly ended: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly posts: number;
  readonly lastSeq: number;
  /** How late posts went out after their due time (the server still busy with the previous one). */
  readonly postLag: Latency;
  readonly postTime: Latency;
}

/** Posts the race at SPEED for SECONDS, one request at a time, each with every event due. */
export async function replay(
  base: string,
  token: string,
  events: readonly WireEvent[],
  firstSeq: number,
): Promise<Replay> {
  const { seasonId, round } = LE_MANS_2024;
  const url = `${base}/api/v1/admin/seasons/${seasonId}/rounds/${round}/live/events`;
  const durationMs = SECONDS * 1000;
  const dueMs = events.map((e) => Math.ceil(e.elapsedMs / SPEED / TICK_MS) * TICK_MS);
  const arrival = new Float64Array(firstSeq + events.length + 2);
  const lags: number[] = [];
  const times: number[] = [];
  let accepted = 0;
  let rejected = 0;
  let posts = 0;
  let lastSeq = firstSeq;
  let next = 0;
  const started = now();
  while (next < events.length && (dueMs[next] ?? Infinity) < durationMs) {
    const wait = started + (dueMs[next] ?? 0) - now();
    if (wait > 0) await sleep(wait);
    const elapsed = now() - started;
    const batch: WireEvent[] = [];
    const due: number[] = [];
    while (
      next < events.length &&
      batch.length < MAX_EVENTS_PER_REQUEST &&
      (dueMs[next] ?? Infinity) <= elapsed &&
      (dueMs[next] ?? Infinity) < durationMs
    ) {
      batch.push(events[next] as WireEvent);
      due.push(started + (dueMs[next] ?? 0));
      next += 1;
    }
    // A timer may fire a fraction of a millisecond before its time: nothing is due yet, and a
    // timing system sends no empty batch (it would delay the next one by its round trip).
    if (batch.length === 0) continue;
    const sent = now();
    lags.push(sent - (due[0] ?? sent));
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: batch }),
    });
    const text = await response.text();
    times.push(now() - sent);
    if (!response.ok) throw new Error(`ingest answered ${response.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as { accepted: number; rejected: unknown[]; lastEventId: string };
    const seq = Number(body.lastEventId.slice(body.lastEventId.indexOf('.') + 1));
    posts += 1;
    accepted += body.accepted;
    rejected += body.rejected.length;
    // The accepted events are stored as seqs (seq - accepted, seq], in order. With rejections we
    // cannot tell which are which: every one then counts from the batch's oldest arrival.
    for (let k = 0; k < body.accepted; k++) {
      const at = body.rejected.length === 0 ? due[k] : due[0];
      arrival[seq - body.accepted + 1 + k] = at ?? sent;
    }
    lastSeq = seq;
  }
  return {
    arrival,
    started,
    ended: now(),
    accepted,
    rejected,
    posts,
    lastSeq,
    postLag: latency(lags),
    postTime: latency(times),
  };
}

/** As live.ts runs it: the arguments in argv[2], the replay on stdout, arrivals as [seq, at] pairs. */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { base, token, firstSeq } = JSON.parse(process.argv[2] ?? '{}') as {
    base: string;
    token: string;
    firstSeq: number;
  };
  const done = await replay(base, token, raceEvents(), firstSeq);
  const arrivals: [number, number][] = [];
  done.arrival.forEach((at, seq) => {
    if (at > 0) arrivals.push([seq, at]);
  });
  process.stdout.write(JSON.stringify({ ...done, arrival: arrivals }));
}
