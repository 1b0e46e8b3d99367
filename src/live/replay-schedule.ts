/**
 * A recorded race as a live feed: the laps of a lap analysis turned into the ingest endpoint's
 * events (docs/live.md), in race-time order, and grouped into ticks of replay time for
 * `pitwall replay`. Pure: no I/O, no clock — the command does the waiting and the sending.
 *
 * @example
 * const events = replayEvents(analysis.laps);
 * for (const tick of ticks(events, 20)) console.log(tick.atMs, tick.events.length);
 */
import type { AnalysisLap } from '../formats/timing/lap-analysis-csv.ts';

/** The ingest endpoint takes at most this many events per request. */
export const MAX_EVENTS_PER_REQUEST = 1000;

/**
 * One lap crossing as the ingest endpoint takes it: the fields of `LapEvent`
 * (domain/lap-event.ts) without class and team, which come from the season's entry list. Optional
 * fields are left out when the timing has nothing; a missed sector is `null`.
 */
export interface WireEvent {
  readonly car: string;
  readonly driverName: string;
  readonly driverNumber?: number;
  readonly lap: number;
  readonly lapTimeMs: number;
  readonly sectorTimesMs?: readonly (number | null)[];
  readonly elapsedMs: number;
  readonly crossedInPit: boolean;
  readonly pitTimeMs?: number;
  readonly flag?: string;
}

/** A group of events sent together, `atMs` after the replay starts. */
export interface Tick {
  readonly atMs: number;
  readonly events: WireEvent[];
}

/** One lap of the analysis as the wire event. */
export function wireEvent(lap: AnalysisLap): WireEvent {
  return {
    car: lap.car,
    driverName: lap.driverName,
    driverNumber: lap.driverNumber,
    lap: lap.lap,
    lapTimeMs: lap.lapTimeMs,
    ...(lap.sectorTimesMs.some((s) => s !== undefined)
      ? { sectorTimesMs: lap.sectorTimesMs.map((s) => s ?? null) }
      : {}),
    elapsedMs: lap.elapsedMs,
    crossedInPit: lap.crossedInPit,
    ...(lap.pitTimeMs === undefined ? {} : { pitTimeMs: lap.pitTimeMs }),
    ...(lap.flag === undefined ? {} : { flag: lap.flag }),
  };
}

/**
 * Every lap as a wire event, in the order the cars crossed the line (race time; laps crossed at
 * the same time keep the file's order).
 */
export function replayEvents(laps: readonly AnalysisLap[]): WireEvent[] {
  // Array.prototype.sort is stable (ES2019).
  return laps.map(wireEvent).sort((a, b) => a.elapsedMs - b.elapsedMs);
}

/** A race-time window: laps crossed after `toMs` are not replayed. */
export interface ReplayWindow {
  /** Laps crossed before this race time are sent at once, so the live view starts complete. */
  readonly fromMs?: number;
  readonly toMs?: number;
}

/** The events crossed no later than the window's end (all of them without one). */
export function withinWindow(events: readonly WireEvent[], window: ReplayWindow = {}): WireEvent[] {
  const { toMs } = window;
  return toMs === undefined ? [...events] : events.filter((e) => e.elapsedMs <= toMs);
}

/**
 * The events (in race-time order) grouped by when they are due in replay time: an event crossed
 * at race time `t` is due `(t - fromMs) / speed` after the start, rounded up to the next multiple
 * of `tickMs`, so nothing is sent before it happened. Events before `fromMs` are due at once.
 * No tick holds more than MAX_EVENTS_PER_REQUEST events: a fuller one is split into several ticks
 * at the same `atMs`. `speed` `Infinity` (or 0) sends everything at once, as fast as it is taken.
 */
export function ticks(events: readonly WireEvent[], speed: number, tickMs = 100, fromMs = 0): Tick[] {
  if (Number.isNaN(speed) || speed < 0) throw new RangeError(`speed must be positive, 0 or Infinity (got ${speed})`);
  if (!(tickMs > 0) || !Number.isFinite(tickMs)) throw new RangeError(`tickMs must be positive (got ${tickMs})`);
  const fastest = speed === 0 || speed === Number.POSITIVE_INFINITY;
  const result: Tick[] = [];
  let current: Tick | undefined;
  for (const event of events) {
    const dueMs = fastest ? 0 : Math.max(0, event.elapsedMs - fromMs) / speed;
    const atMs = Math.ceil(dueMs / tickMs) * tickMs;
    if (!current || atMs > current.atMs || current.events.length >= MAX_EVENTS_PER_REQUEST) {
      // Events out of race-time order never move a tick back: they go with the current one.
      current = { atMs: Math.max(atMs, current?.atMs ?? 0), events: [] };
      result.push(current);
    }
    current.events.push(event);
  }
  return result;
}
