/**
 * The live state of a race, as a pure reducer over timing events (a car crossing the line): the
 * running classification, overall and per class, and at the flag the final one. No clock, no I/O.
 */
import type { Status } from '../domain/vocabulary.ts';

/**
 * A car crossing the line, as the timing system reports it (one row of a lap analysis; the wire
 * format of the ingest endpoint, src/formats/live-event.ts, has the same fields).
 */
export interface LapEvent {
  readonly car: string;
  readonly class?: string | undefined;
  readonly team?: string | undefined;
  readonly driverName: string;
  /** The driver's number in the crew, when the timing gives it. */
  readonly driverNumber?: number | undefined;
  readonly lap: number;
  readonly lapTimeMs: number;
  /** S1, S2, S3 of this lap; a sector the timing missed is null or undefined. */
  readonly sectorTimesMs?: readonly (number | null | undefined)[] | undefined;
  readonly elapsedMs: number;
  /** The lap ended on the finish line in the pit lane (an in-lap). */
  readonly crossedInPit: boolean;
  /** Time in the pit lane, given on the lap that leaves it (the out-lap). */
  readonly pitTimeMs?: number | undefined;
  /** GF, SF, FCY, FF (chequered), RF. */
  readonly flag?: string | undefined;
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
}

export interface RaceState {
  readonly cars: Readonly<Record<string, CarState>>;
  /** Events refused, by reason: never a crash, always counted. */
  readonly rejected: Readonly<Record<'lap-backwards' | 'duplicate-lap', number>>;
}

export const EMPTY_RACE: RaceState = { cars: {}, rejected: { 'lap-backwards': 0, 'duplicate-lap': 0 } };

/** The state after one more crossing. A lap already seen, or one going backwards, is counted and ignored. */
export function applyLap(state: RaceState, event: LapEvent): RaceState {
  const before = state.cars[event.car];
  if (before && event.lap <= before.laps) {
    const reason = event.lap === before.laps ? 'duplicate-lap' : 'lap-backwards';
    return { ...state, rejected: { ...state.rejected, [reason]: state.rejected[reason] + 1 } };
  }
  const car: CarState = {
    car: event.car,
    class: event.class ?? before?.class ?? '',
    team: event.team ?? before?.team ?? '',
    driver: event.driverName,
    laps: event.lap,
    elapsedMs: event.elapsedMs,
    lastLapMs: event.lapTimeMs,
    bestLapMs: Math.min(before?.bestLapMs ?? Number.POSITIVE_INFINITY, event.lapTimeMs),
    pitStops: (before?.pitStops ?? 0) + (event.crossedInPit ? 1 : 0),
    finished: (before?.finished ?? false) || event.flag === 'FF',
  };
  return { ...state, cars: { ...state.cars, [event.car]: car } };
}

export interface LiveLine {
  readonly position: number;
  readonly classPosition: number;
  readonly car: CarState;
  /** While the race runs every car is `Classified`; at the flag, NC and Ret as the ACO rules give. */
  readonly status: Status;
}

export interface ClassificationRule {
  /** Share of the overall winner's laps a car must cover to be classified (WEC: 70 %). */
  readonly minimumShareOfWinner: number;
}

export const ACO_CLASSIFICATION: ClassificationRule = { minimumShareOfWinner: 0.7 };

const byDistance = (a: CarState, b: CarState) =>
  b.laps - a.laps || a.elapsedMs - b.elapsedMs || (a.car < b.car ? -1 : 1);

/**
 * The running order: more laps first, then who completed them first. Once the chequered flag is
 * out (`final`), cars that took it with at least the rule's share of the winner's laps are
 * classified; those that took it short of that are not classified (NC); those that never took it
 * retired (Ret). Each group is ranked by distance; classified, then NC, then Ret — the order of the
 * ACO's official classifications (Le Mans 2024: #20 NC after the 46 classified, then the retired).
 */
export function liveClassification(state: RaceState, final: boolean, rule = ACO_CLASSIFICATION): LiveLine[] {
  const cars = Object.values(state.cars).sort(byDistance);
  const winnerLaps = cars[0]?.laps ?? 0;
  const statusOf = (car: CarState): Status => {
    if (!final) return 'Classified';
    if (!car.finished) return 'Ret';
    return car.laps >= rule.minimumShareOfWinner * winnerLaps ? 'Classified' : 'NC';
  };
  const groups: Status[] = ['Classified', 'NC', 'Ret'];
  const ordered = groups.flatMap((status) =>
    cars.filter((c) => statusOf(c) === status).map((car) => ({ car, status })),
  );
  const perClass = new Map<string, number>();
  return ordered.map(({ car, status }, index) => {
    const classPosition = (perClass.get(car.class) ?? 0) + 1;
    perClass.set(car.class, classPosition);
    return { position: index + 1, classPosition, car, status };
  });
}
