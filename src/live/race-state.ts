/**
 * The live state of a race, as a pure reducer over timing events (a car crossing the line): the
 * running classification, overall and per class, and at the flag the final one. No clock, no I/O.
 */
import type { Status } from '../domain/vocabulary.ts';
import type { Entry, Season } from '../domain/season.ts';
import { isEnteredFor } from '../domain/season.ts';
import type { PitTimeReading } from '../domain/drive-time.ts';
import type { LapEvent } from '../domain/lap-event.ts';
import { ACO_CLASSIFICATION, classifyFinish, runningOrder } from '../domain/classification-rules.ts';

/** One driver's time at the wheel of a car so far (see domain/drive-time.ts for how it is counted). */
export interface DriverTime {
  readonly driveTimeMs: number;
  /** The longest stint so far, the current one included. */
  readonly longestStintMs: number;
  /** The driver's number in the crew, when the timing gives it. */
  readonly number?: number;
}

export interface CarState {
  readonly car: string;
  readonly class: string;
  readonly team: string;
  readonly driver: string;
  readonly laps: number;
  readonly elapsedMs: number;
  readonly lastLapMs: number;
  readonly bestLapMs: number;
  readonly pitStops: number;
  /** True once the car has crossed the line under the chequered flag. */
  readonly finished: boolean;
  /** Sector times of the last lap (null where the timing missed one), and the car's best of each. */
  readonly sectorsMs: readonly (number | null)[];
  readonly bestSectorsMs: readonly (number | null)[];
  /** The last crossing was in the pit lane (an in-lap). */
  readonly inPit: boolean;
  /** Per driver name as the timing prints it, in the order they first drove. */
  readonly drivers: Readonly<Record<string, DriverTime>>;
  /** The current stint (of `driver`): its first lap and its drive time so far. */
  readonly stintFromLap: number;
  readonly stintMs: number;
}

export const REJECTION_REASONS = ['lap-backwards', 'duplicate-lap', 'unknown-car'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface RaceState {
  readonly cars: Readonly<Record<string, CarState>>;
  /** Events refused, by reason: never a crash, always counted. */
  readonly rejected: Readonly<Record<RejectionReason, number>>;
  /** Events applied (refused ones are not counted here). */
  readonly events: number;
  /** Flag at the line on the latest crossing (by race time); null before any. */
  readonly flag: string | null;
  /** Race time of the latest crossing applied. */
  readonly elapsedMs: number;
  /** Race time at which the chequered flag was first seen (a crossing with FF); null before. */
  readonly chequeredAtMs: number | null;
  /** Per class: the fastest time of each sector by anyone of the class so far. */
  readonly bestSectors: Readonly<Record<string, readonly (number | null)[]>>;
}

export const EMPTY_RACE: RaceState = {
  cars: {},
  rejected: { 'lap-backwards': 0, 'duplicate-lap': 0, 'unknown-car': 0 },
  events: 0,
  flag: null,
  elapsedMs: 0,
  chequeredAtMs: null,
  bestSectors: {},
};

/** What the race knows beyond the timing: who is entered, and how pit time counts as driving. */
export interface RaceContext {
  /** The entry of a car number, or undefined for a car not entered (its events are refused). */
  entryOf(car: string): { readonly class: string; readonly team: string } | undefined;
  /** Whether the pit lane counts as driving (domain/drive-time.ts); `counted` when absent. */
  readonly pitTime?: PitTimeReading;
}

/**
 * The context of a round of a season: the cars entered in the season, with class and team from
 * their entry (when a number has several entries, the one with a driver entered for the round),
 * and the season's pit-time reading of its drive-time rules.
 */
export function raceContext(season: Season, round: number): RaceContext {
  const entries = new Map<string, Entry>();
  for (const entry of season.entries) {
    const known = entries.get(entry.car);
    const forRound = entry.drivers.some((d) => isEnteredFor(d, round));
    if (!known || (forRound && !known.drivers.some((d) => isEnteredFor(d, round)))) entries.set(entry.car, entry);
  }
  const pitTime = season.driveTimeRules?.pitTime;
  return {
    entryOf: (car) => {
      const entry = entries.get(car);
      return entry && { class: entry.class, team: entry.team };
    },
    ...(pitTime ? { pitTime } : {}),
  };
}

const validTime = (ms: number | null | undefined): number | null =>
  typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : null;

/** The better (lower) of each sector; a sector missing on one side keeps the other. */
function bestOf(before: readonly (number | null)[] | undefined, lap: readonly (number | null)[]) {
  if (!before) return lap;
  const length = Math.max(before.length, lap.length);
  let changed = before.length !== length;
  const best: (number | null)[] = [];
  for (let i = 0; i < length; i += 1) {
    const a = before[i] ?? null;
    const b = lap[i] ?? null;
    const value = a === null ? b : b === null ? a : Math.min(a, b);
    if (value !== a) changed = true;
    best.push(value);
  }
  return changed ? best : before;
}

function refuse(state: RaceState, reason: RejectionReason): RaceState {
  return { ...state, rejected: { ...state.rejected, [reason]: state.rejected[reason] + 1 } };
}

/**
 * The state after one more crossing. A lap already seen, or one going backwards, is counted and
 * ignored; so, with a context, is a car not entered. Drive time follows domain/drive-time.ts: the
 * lap's whole time goes to the driver named on it (less the out-lap's pit time when the context
 * says `excluded`), and a stint ends when another driver is named. Costs one copy of the cars
 * record, nothing per other car.
 *
 * A number in place of the context is ignored, so that `events.reduce(applyLap, EMPTY_RACE)`
 * (which passes the index third) keeps working as it did before the context existed.
 */
export function applyLap(state: RaceState, event: LapEvent, contextOrIndex?: RaceContext | number): RaceState {
  const context = typeof contextOrIndex === 'object' ? contextOrIndex : undefined;
  const entry = context?.entryOf(event.car);
  if (context && !entry) return refuse(state, 'unknown-car');
  const before = state.cars[event.car];
  if (before && event.lap <= before.laps)
    return refuse(state, event.lap === before.laps ? 'duplicate-lap' : 'lap-backwards');

  const carClass = entry?.class ?? event.class ?? before?.class ?? '';
  const sectorsMs = (event.sectorTimesMs ?? []).map(validTime);
  const lapDriveMs =
    context?.pitTime === 'excluded' ? Math.max(0, event.lapTimeMs - (event.pitTimeMs ?? 0)) : event.lapTimeMs;
  const sameStint = before?.driver === event.driverName;
  const stintMs = (sameStint ? before.stintMs : 0) + lapDriveMs;
  const driverBefore = before?.drivers[event.driverName];
  const number = event.driverNumber ?? driverBefore?.number;
  const driverTime: DriverTime = {
    driveTimeMs: (driverBefore?.driveTimeMs ?? 0) + lapDriveMs,
    longestStintMs: Math.max(driverBefore?.longestStintMs ?? 0, stintMs),
    ...(number === undefined ? {} : { number }),
  };
  const car: CarState = {
    car: event.car,
    class: carClass,
    team: entry?.team ?? event.team ?? before?.team ?? '',
    driver: event.driverName,
    laps: event.lap,
    elapsedMs: event.elapsedMs,
    lastLapMs: event.lapTimeMs,
    bestLapMs: Math.min(before?.bestLapMs ?? Number.POSITIVE_INFINITY, event.lapTimeMs),
    pitStops: (before?.pitStops ?? 0) + (event.crossedInPit ? 1 : 0),
    finished: (before?.finished ?? false) || event.flag === 'FF',
    sectorsMs,
    bestSectorsMs: bestOf(before?.bestSectorsMs, sectorsMs),
    inPit: event.crossedInPit,
    drivers: { ...before?.drivers, [event.driverName]: driverTime },
    stintFromLap: sameStint ? before.stintFromLap : event.lap,
    stintMs,
  };
  const classBest = state.bestSectors[carClass];
  const newClassBest = bestOf(classBest, sectorsMs);
  const latest = event.elapsedMs >= state.elapsedMs;
  return {
    ...state,
    cars: { ...state.cars, [event.car]: car },
    events: state.events + 1,
    flag: latest ? (event.flag ?? state.flag) : state.flag,
    elapsedMs: Math.max(state.elapsedMs, event.elapsedMs),
    chequeredAtMs:
      event.flag === 'FF' ? Math.min(state.chequeredAtMs ?? event.elapsedMs, event.elapsedMs) : state.chequeredAtMs,
    bestSectors: newClassBest === classBest ? state.bestSectors : { ...state.bestSectors, [carClass]: newClassBest },
  };
}

export interface LiveLine {
  readonly position: number;
  readonly classPosition: number;
  readonly car: CarState;
  /** While the race runs every car is `Classified`; at the flag, what the classification rule says. */
  readonly status: Status;
}

/**
 * The running order: more laps first, then who completed them first. Once the chequered flag is
 * out (`final`), the statuses and the order are the classification rule's
 * (domain/classification-rules.ts; the ACO's by default: 70 % of the winner's laps and the flag,
 * classified, then NC, then Ret — Le Mans 2024: #20 NC after the 46 classified, then the retired).
 */
export function liveClassification(state: RaceState, final: boolean, rules = ACO_CLASSIFICATION): LiveLine[] {
  const cars = Object.values(state.cars);
  // Final without a flag seen (a caller's say-so): the flag is taken to fall at the latest crossing.
  const lines = final ? classifyFinish(cars, rules, state.chequeredAtMs ?? state.elapsedMs) : runningOrder(cars);
  return lines.map(({ position, classPosition, car, status }) => ({ position, classPosition, car, status }));
}
