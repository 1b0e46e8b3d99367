/**
 * Drive times: who drove each car, for how long, in which stints — summed from the laps the
 * timing recorded. How the laps are read (docs/timing-formats.md, "Drive times"):
 *
 * - A lap's whole time is credited to the driver the timing names on that lap.
 * - The pit lane is part of the laps: the in-lap ends on the finish line in the pit lane, and
 *   the out-lap carries the rest of the pit lane, the stop included (PIT_TIME is given on the
 *   out-lap). So a stop with a driver change counts to the driver who gets in, who is named on
 *   the out-lap. Counted this way a car's drive times add up to its race time at its last lap.
 *   With `pitTime: 'excluded'` the out-lap's PIT_TIME is taken off instead (WEC 2021 6-hour
 *   races: "Driving time will be measured without taking pit stops into account").
 * - A stint is one driver's continuous period in the car: it ends when another driver is named,
 *   not at a pit stop where the same driver stays in (a double stint is one stint).
 */

/** What drive times are computed from: one lap of one car. The timing formats' laps fit it. */
export interface DrivenLap {
  readonly car: string;
  readonly driverName: string;
  /** The driver's number in the crew; drivers are listed in this order. */
  readonly driverNumber?: number;
  readonly lap: number;
  readonly lapTimeMs: number;
  /** Time in the pit lane, on the lap that leaves it. */
  readonly pitTimeMs?: number;
}

/** Whether the pit lane counts as driving (see the module comment). */
export const PIT_TIME_READINGS = ['counted', 'excluded'] as const;
export type PitTimeReading = (typeof PIT_TIME_READINGS)[number];

/** One driver's continuous period in the car, laps `fromLap` to `toLap` inclusive. */
export interface Stint {
  readonly fromLap: number;
  readonly toLap: number;
  readonly driveTimeMs: number;
}

export interface DriverDriveTime {
  readonly driver: string;
  readonly driveTimeMs: number;
  readonly stints: readonly Stint[];
}

export interface CarDriveTimes {
  readonly car: string;
  /** In crew order (driver number), then in the order they first drove. */
  readonly drivers: readonly DriverDriveTime[];
}

/**
 * Each car's drivers with their drive times and stints; cars by number (`2` before `10`).
 * @example driveTimes(laps).find((c) => c.car === '50')?.drivers[0]?.driveTimeMs
 */
export function driveTimes(laps: readonly DrivenLap[], pitTime: PitTimeReading = 'counted'): CarDriveTimes[] {
  const byCar = new Map<string, DrivenLap[]>();
  for (const lap of laps) {
    const list = byCar.get(lap.car);
    if (list) list.push(lap);
    else byCar.set(lap.car, [lap]);
  }
  return [...byCar.entries()]
    .sort(([a], [b]) => compareCars(a, b))
    .map(([car, carLaps]) => ({ car, drivers: carDrivers(carLaps, pitTime) }));
}

/** The lap's time at the wheel: all of it, or without the pit lane. */
function lapDriveTimeMs(lap: DrivenLap, pitTime: PitTimeReading): number {
  return pitTime === 'excluded' ? Math.max(0, lap.lapTimeMs - (lap.pitTimeMs ?? 0)) : lap.lapTimeMs;
}

/** The car's stints in lap order: a new one each time another driver is named. */
function stintsOf(laps: readonly DrivenLap[], pitTime: PitTimeReading): (Stint & { driver: string })[] {
  const stints: (Stint & { driver: string })[] = [];
  for (const lap of [...laps].sort((a, b) => a.lap - b.lap)) {
    const ms = lapDriveTimeMs(lap, pitTime);
    const last = stints.at(-1);
    if (last?.driver === lap.driverName) {
      stints[stints.length - 1] = { ...last, toLap: lap.lap, driveTimeMs: last.driveTimeMs + ms };
    } else {
      stints.push({ driver: lap.driverName, fromLap: lap.lap, toLap: lap.lap, driveTimeMs: ms });
    }
  }
  return stints;
}

function carDrivers(laps: readonly DrivenLap[], pitTime: PitTimeReading): DriverDriveTime[] {
  const stints = stintsOf(laps, pitTime);
  const drivers = [...new Set(stints.map((s) => s.driver))];
  const crewNumber = (driver: string): number =>
    Math.min(...laps.filter((l) => l.driverName === driver).map((l) => l.driverNumber ?? Number.MAX_SAFE_INTEGER));
  const numbers = new Map(drivers.map((d) => [d, crewNumber(d)]));
  return drivers
    .map((driver, firstDriven) => ({ driver, firstDriven, number: numbers.get(driver) ?? 0 }))
    .sort((a, b) => a.number - b.number || a.firstDriven - b.firstDriven)
    .map(({ driver }) => {
      const own = stints
        .filter((s) => s.driver === driver)
        .map(({ fromLap, toLap, driveTimeMs }) => ({ fromLap, toLap, driveTimeMs }));
      return { driver, driveTimeMs: own.reduce((sum, s) => sum + s.driveTimeMs, 0), stints: own };
    });
}

/** Car numbers in numeric order, then as text, so `007` and `7` keep a fixed order. */
export function compareCars(a: string, b: string): number {
  const byNumber = Number(a) - Number(b);
  return (Number.isNaN(byNumber) ? 0 : byNumber) || a.localeCompare(b);
}
