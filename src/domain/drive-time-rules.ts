/**
 * Drive-time rules as data, per season and class, and the check of drive times against them.
 * Series write them per rating (ELMS 2015: Silver/Bronze at least 1h30; Platinum/Gold at most
 * 90 minutes in a three-driver crew) or for everyone (WEC 2021 6 hours, LMP2: at least 1h15,
 * at most 3h30). Limits are not scaled when a red flag shortens the race.
 */
import type { CarDriveTimes, PitTimeReading } from './drive-time.ts';
import type { Rating } from './vocabulary.ts';

/** A limit for every driver, or per rating: a driver of a rating not listed has no limit. */
export type LimitMs = number | Readonly<Partial<Record<Rating, number>>>;

export interface DriveTimeRules {
  /** Most a driver may drive in the race. */
  readonly maxPerDriverMs?: LimitMs;
  /** Least a driver must drive, checked for cars that took the chequered flag. */
  readonly minPerDriverMs?: LimitMs;
  /** Longest a driver may stay in the car at once. */
  readonly maxStintMs?: LimitMs;
}

/** A season's rules: the defaults, each class's overrides (field by field), how pit time counts. */
export interface DriveTimeRuleBook {
  readonly pitTime: PitTimeReading;
  readonly default: DriveTimeRules;
  readonly classes: Readonly<Record<string, DriveTimeRules>>;
}

export const DRIVE_TIME_RULES = ['maxPerDriver', 'minPerDriver', 'maxStint'] as const;
export type DriveTimeRule = (typeof DRIVE_TIME_RULES)[number];

/** A limit not kept: `excessMs` is by how much, over a maximum or short of a minimum. */
export interface Infringement {
  readonly car: string;
  readonly driver: string;
  readonly rule: DriveTimeRule;
  readonly limitMs: number;
  readonly actualMs: number;
  readonly excessMs: number;
  /** For `maxStint`: the stint's laps. */
  readonly fromLap?: number;
  readonly toLap?: number;
}

/** The rules of a class: its own fields, then the season's defaults. */
export function rulesForClass(book: DriveTimeRuleBook, classId: string | undefined): DriveTimeRules {
  const own = classId === undefined ? undefined : book.classes[classId];
  return { ...book.default, ...withoutUndefined(own ?? {}) };
}

function withoutUndefined(rules: DriveTimeRules): DriveTimeRules {
  return Object.fromEntries(Object.entries(rules).filter(([, v]) => v !== undefined));
}

/** What the check needs to know beyond the drive times. */
export interface CheckContext {
  readonly rulesOf: (car: string) => DriveTimeRules;
  /** The driver's rating, for limits per rating. */
  readonly ratingOf?: (car: string, driver: string) => Rating | undefined;
  /**
   * False for a car that did not take the chequered flag: a retired car is not classified,
   * so a minimum it could not reach is no infringement. Absent: every car is checked.
   */
  readonly tookFlag?: (car: string) => boolean;
}

/** Every infringement, car by car, driver by driver, in the order of `cars`. */
export function checkDriveTimes(cars: readonly CarDriveTimes[], context: CheckContext): Infringement[] {
  return cars.flatMap(({ car, drivers }) => {
    const rules = context.rulesOf(car);
    const checkMinimum = context.tookFlag?.(car) ?? true;
    return drivers.flatMap(({ driver, driveTimeMs, stints }) => {
      const limit = (value: LimitMs | undefined): number | undefined =>
        typeof value === 'object' ? limitFor(value, context.ratingOf?.(car, driver)) : value;
      const found: Infringement[] = [];
      const max = limit(rules.maxPerDriverMs);
      if (max !== undefined && driveTimeMs > max) {
        found.push({
          car,
          driver,
          rule: 'maxPerDriver',
          limitMs: max,
          actualMs: driveTimeMs,
          excessMs: driveTimeMs - max,
        });
      }
      const min = checkMinimum ? limit(rules.minPerDriverMs) : undefined;
      if (min !== undefined && driveTimeMs < min) {
        found.push({
          car,
          driver,
          rule: 'minPerDriver',
          limitMs: min,
          actualMs: driveTimeMs,
          excessMs: min - driveTimeMs,
        });
      }
      const maxStint = limit(rules.maxStintMs);
      const long = maxStint === undefined ? [] : stints.filter((s) => s.driveTimeMs > maxStint);
      for (const { fromLap, toLap, driveTimeMs: actualMs } of long) {
        const limitMs = maxStint ?? 0;
        found.push({ car, driver, rule: 'maxStint', limitMs, actualMs, excessMs: actualMs - limitMs, fromLap, toLap });
      }
      return found;
    });
  });
}

function limitFor(
  perRating: Readonly<Partial<Record<Rating, number>>>,
  rating: Rating | undefined,
): number | undefined {
  return rating === undefined ? undefined : perRating[rating];
}
