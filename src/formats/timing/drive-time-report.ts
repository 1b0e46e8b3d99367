/**
 * The drive-time report of a race, as `pitwall drive-times --format json` prints it: a public
 * contract (docs/timing-formats.md#the-json-contract). Fields are only ever added to it.
 */
import { checkDriveTimes, rulesForClass } from '../../domain/drive-time-rules.ts';
import type { DriveTimeRules, Infringement } from '../../domain/drive-time-rules.ts';
import { driveTimes } from '../../domain/drive-time.ts';
import type { DriverDriveTime } from '../../domain/drive-time.ts';
import { findDriver } from '../../domain/driver-identity.ts';
import type { Season } from '../../domain/season.ts';
import type { Rating } from '../../domain/vocabulary.ts';
import type { AnalysisLap, LapAnalysis } from './lap-analysis-csv.ts';

export interface DriveTimeReportCar {
  readonly car: string;
  /** As the timing names them; `null` when the lap file has no TEAM or CLASS column. */
  readonly team: string | null;
  readonly class: string | null;
  readonly drivers: readonly DriverDriveTime[];
}

export interface DriveTimeReport {
  readonly cars: readonly DriveTimeReportCar[];
  /** Empty when no rules were given. */
  readonly infringements: readonly Infringement[];
}

export interface ReportOptions {
  /** The season whose `driveTimeRules` apply, and whose crews give the drivers' ratings. */
  readonly season?: Season;
  /** Only the cars of this class (the timing's class, or the season entry's). */
  readonly class?: string;
}

/**
 * Drive times of every car of the lap analysis and, with a season that has rules, every
 * infringement of them. A car's rules are those of its class in the season's entry list, or of
 * the timing's class when the car is not entered.
 */
export function driveTimeReport(analysis: LapAnalysis, options: ReportOptions = {}): DriveTimeReport {
  const { season } = options;
  const lastLaps = lastLapOfEachCar(analysis.laps);
  const classOf = (car: string): string | undefined =>
    season?.entries.find((e) => e.car === car)?.class ?? lastLaps.get(car)?.class;
  const wanted = (car: string): boolean =>
    options.class === undefined || lastLaps.get(car)?.class === options.class || classOf(car) === options.class;
  const laps = analysis.laps.filter((lap) => wanted(lap.car));
  const book = season?.driveTimeRules;
  const cars = driveTimes(laps, book?.pitTime);
  const flagged = analysis.laps.some((lap) => lap.flag !== undefined);
  const infringements = book
    ? checkDriveTimes(cars, {
        rulesOf: (car): DriveTimeRules => rulesForClass(book, classOf(car)),
        ratingOf: (car, driver) => (season ? ratingOf(season, car, driver) : undefined),
        // The chequered flag on a car's last lap: it was running at the finish.
        tookFlag: (car) => !flagged || lastLaps.get(car)?.flag === 'FF',
      })
    : [];
  return {
    cars: cars.map(({ car, drivers }) => ({
      car,
      team: lastLaps.get(car)?.team ?? null,
      class: lastLaps.get(car)?.class ?? null,
      drivers,
    })),
    infringements,
  };
}

/** The list of known classes of a lap analysis, for messages. */
export function classesOfAnalysis(analysis: LapAnalysis): string[] {
  return [...new Set(analysis.laps.flatMap((lap) => lap.class ?? []))].sort();
}

function lastLapOfEachCar(laps: readonly AnalysisLap[]): Map<string, AnalysisLap> {
  const last = new Map<string, AnalysisLap>();
  for (const lap of laps) {
    const seen = last.get(lap.car);
    if (!seen || lap.lap > seen.lap) last.set(lap.car, lap);
  }
  return last;
}

/**
 * The rating of the crew member of the car's entry the timing names, case and accents aside (the
 * timing's `Antonio FUOCO` is the season file's `Antonio Fuoco`), or by one of its aliases.
 */
function ratingOf(season: Season, car: string, driver: string): Rating | undefined {
  return findDriver(season.entries.find((e) => e.car === car)?.drivers ?? [], driver)?.rating;
}
