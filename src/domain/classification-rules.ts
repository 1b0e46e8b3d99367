/**
 * Who is classified at the end of a race, and in what order: a series' classification rule as
 * data (docs/season-file.md#classification), applied to the cars as the timing saw them finish.
 * Pure: cars in, ordered lines out; the same cars in any order give the same classification.
 *
 * The ACO's rule (WEC "Race finish and classification": "to be classified, a car must have
 * covered at least 70% of the distance covered by the car classified in first place in the
 * overall classification", and must take the chequered flag) is the default; IMSA ranks every
 * car by laps, running at the end or not (Sebring 2025: #40, stopped 7 minutes before the end,
 * 18th of 56); a club may classify at 50 % of its class winner, or after a number of laps.
 *
 * @example
 * const lines = classifyFinish(cars, ACO_CLASSIFICATION, chequeredAtMs);
 * for (const l of lines) console.log(l.position, l.car.car, l.status);
 */

export const DISTANCE_BASES = ['overall-winner', 'class-winner'] as const;
/** Whose laps a share is taken of: the overall winner's (ACO) or the car's class winner's. */
export type DistanceBase = (typeof DISTANCE_BASES)[number];

export const ROUNDINGS = ['up', 'down', 'nearest'] as const;
/**
 * How a share of laps becomes a whole number of laps: `up` (at least the share: 70 % of 311 is
 * 217.7, so 218 laps), `down` (217 laps will do), `nearest` (halves up).
 */
export type Rounding = (typeof ROUNDINGS)[number];

export const FLAG_RULES = ['required', 'not-required'] as const;
/**
 * `required`: a car that did not take the chequered flag is not classified (`withoutFlag` says
 * whether it is shown Ret or NC); `not-required`: it is ranked among the classified cars by the
 * laps it completed.
 */
export type FlagRule = (typeof FLAG_RULES)[number];

export const WITHOUT_FLAG_STATUSES = ['Ret', 'NC'] as const;
/**
 * The status of a car not classified for want of the flag (or of the distance without the flag):
 * `Ret` as the Le Mans 2024 classification prints it, `NC` as the ALMS 2023 and ELMS 2014 sheets do.
 */
export type WithoutFlagStatus = (typeof WITHOUT_FLAG_STATUSES)[number];

export const CLASSIFICATION_ORDERS = ['status-groups', 'laps'] as const;
/**
 * `status-groups`: classified cars first, then NC, then Ret, each group by distance (the ACO's
 * classifications); `laps`: every car by distance whatever its status (IMSA's results).
 */
export type ClassificationOrder = (typeof CLASSIFICATION_ORDERS)[number];

export const LAST_LAP_STOPS = ['Ret', 'NC', 'classified'] as const;
/**
 * What a car gets that was running when the flag fell but stopped on track before taking it:
 * `Ret`, `NC`, or `classified` on the laps it completed (subject to the minimum distance).
 * Only matters when the flag is `required`.
 */
export type LastLapStop = (typeof LAST_LAP_STOPS)[number];

/** The least a car must cover to be classified. */
export type MinimumDistance =
  | { readonly kind: 'none' }
  | { readonly kind: 'laps'; readonly laps: number }
  | { readonly kind: 'share'; readonly percent: number; readonly of: DistanceBase; readonly rounding: Rounding };

export interface ClassificationRules {
  readonly minimumDistance: MinimumDistance;
  readonly chequeredFlag: FlagRule;
  readonly withoutFlag: WithoutFlagStatus;
  readonly order: ClassificationOrder;
  readonly lastLapStop: LastLapStop;
}

/** The ACO's rule, and the default of a season file that gives none (docs/season-file.md). */
export const ACO_CLASSIFICATION: ClassificationRules = {
  minimumDistance: { kind: 'share', percent: 70, of: 'overall-winner', rounding: 'up' },
  chequeredFlag: 'required',
  withoutFlag: 'Ret',
  order: 'status-groups',
  lastLapStop: 'Ret',
};

/**
 * A car without the flag counts as still running at a race time no more than this many of its
 * best laps after its last crossing: room for a slow last lap under yellow or a stop in the pit
 * lane. The live view shows such a car as if it took the flag; at the flag, one within it was
 * on its last lap.
 */
export const RUNNING_WITHIN_BEST_LAPS = 3;

/** A car as the timing saw it at the end (or so far). */
export interface FinishingCar {
  /** The car number. */
  readonly car: string;
  readonly class: string;
  readonly laps: number;
  /** Race time of its last crossing of the line. */
  readonly elapsedMs: number;
  /** True once it crossed the line under the chequered flag. */
  readonly finished: boolean;
  /** Its best lap (ms), to tell whether it was still running when the flag fell. */
  readonly bestLapMs: number;
}

export type FinishStatus = 'Classified' | 'NC' | 'Ret';

export interface ClassifiedLine<C extends FinishingCar> {
  /** Overall position, 1, 2, 3… in the order of the lines. */
  readonly position: number;
  /** Position among the lines of the car's class, whatever their status. */
  readonly classPosition: number;
  readonly car: C;
  readonly status: FinishStatus;
  /** Laps the car needed to be classified (0 when the rule asks none). */
  readonly requiredLaps: number;
  /** True when the car was on its last lap when the flag fell and never took it. */
  readonly stoppedOnLastLap: boolean;
}

/** More laps first, then who completed them first, then the car number: never the input order. */
export function byDistance(a: FinishingCar, b: FinishingCar): number {
  return b.laps - a.laps || a.elapsedMs - b.elapsedMs || (a.car < b.car ? -1 : a.car > b.car ? 1 : 0);
}

/**
 * The laps a share of `referenceLaps` comes to, in whole laps as the rule rounds. Integer maths
 * on hundredths of a percent, so 70 % of 10 laps is 7, never 7.000000000000001.
 */
export function requiredLaps(distance: MinimumDistance, referenceLaps: number): number {
  if (distance.kind === 'none') return 0;
  if (distance.kind === 'laps') return distance.laps;
  const scaled = referenceLaps * Math.round(distance.percent * 100);
  if (distance.rounding === 'down') return Math.floor(scaled / 10_000);
  if (distance.rounding === 'nearest') return Math.floor((scaled + 5_000) / 10_000);
  return Math.floor((scaled + 9_999) / 10_000);
}

/** The running order while the race runs: every car `Classified`, by distance. */
export function runningOrder<C extends FinishingCar>(cars: readonly C[]): ClassifiedLine<C>[] {
  return numbered(
    [...cars]
      .sort(byDistance)
      .map((car) => ({ car, status: 'Classified' as const, requiredLaps: 0, stoppedOnLastLap: false })),
  );
}

/**
 * The final classification under `rules` once the chequered flag fell at `chequeredAtMs` (the
 * race time of the first crossing under it).
 */
export function classifyFinish<C extends FinishingCar>(
  cars: readonly C[],
  rules: ClassificationRules,
  chequeredAtMs: number,
): ClassifiedLine<C>[] {
  const sorted = [...cars].sort(byDistance);
  const lastLap = (car: C) =>
    !car.finished && chequeredAtMs - car.elapsedMs <= RUNNING_WITHIN_BEST_LAPS * car.bestLapMs;
  // Who may be classified at all, distance aside: the winner is the first of them.
  const mayClassify = (car: C) =>
    car.finished || rules.chequeredFlag === 'not-required' || (rules.lastLapStop === 'classified' && lastLap(car));
  const reference = referenceLaps(sorted.filter(mayClassify), rules.minimumDistance);
  const lines = sorted.map((car) => {
    const needed = requiredLaps(rules.minimumDistance, reference(car));
    const stoppedOnLastLap = rules.chequeredFlag === 'required' && lastLap(car);
    return { car, status: statusOf(car, needed, stoppedOnLastLap), requiredLaps: needed, stoppedOnLastLap };
  });
  if (rules.order === 'laps') return numbered(lines);
  const groups: FinishStatus[] = ['Classified', 'NC', 'Ret'];
  return numbered(groups.flatMap((status) => lines.filter((line) => line.status === status)));

  function statusOf(car: C, needed: number, stoppedOnLastLap: boolean): FinishStatus {
    // (A car that stopped on its last lap may be classified only when the rule says `classified`.)
    if (!mayClassify(car))
      return stoppedOnLastLap && rules.lastLapStop !== 'classified' ? rules.lastLapStop : rules.withoutFlag;
    if (car.laps >= needed) return 'Classified';
    // Short of the distance: not classified if it took the flag, as the rule says if it did not.
    return car.finished ? 'NC' : rules.withoutFlag;
  }
}

/** Per car, the laps its share is taken of: the overall winner's, or its class winner's. */
function referenceLaps<C extends FinishingCar>(
  contenders: readonly C[],
  distance: MinimumDistance,
): (car: C) => number {
  const overall = contenders.reduce((most, car) => Math.max(most, car.laps), 0);
  if (distance.kind !== 'share' || distance.of === 'overall-winner') return () => overall;
  const perClass = new Map<string, number>();
  for (const car of contenders) perClass.set(car.class, Math.max(perClass.get(car.class) ?? 0, car.laps));
  return (car) => perClass.get(car.class) ?? 0;
}

/** Positions overall and in class, in the order given. */
function numbered<C extends FinishingCar>(
  lines: readonly Omit<ClassifiedLine<C>, 'position' | 'classPosition'>[],
): ClassifiedLine<C>[] {
  const perClass = new Map<string, number>();
  return lines.map((line, index) => {
    const classPosition = (perClass.get(line.car.class) ?? 0) + 1;
    perClass.set(line.car.class, classPosition);
    return { ...line, position: index + 1, classPosition };
  });
}

const flagWords: Record<FlagRule, string> = {
  required: 'and the chequered flag',
  'not-required': 'whether or not it took the chequered flag',
};

/** The minimum distance in words: `70 % of the overall winner's laps (rounded up)`. */
export function describeMinimumDistance(distance: MinimumDistance): string {
  if (distance.kind === 'none') return 'no minimum distance';
  if (distance.kind === 'laps') return `at least ${distance.laps} ${distance.laps === 1 ? 'lap' : 'laps'}`;
  const whose = distance.of === 'overall-winner' ? "the overall winner's" : "the class winner's";
  const rounding = distance.rounding === 'nearest' ? 'to the nearest lap' : distance.rounding;
  return `${distance.percent} % of ${whose} laps (rounded ${rounding})`;
}

/**
 * The rule in a sentence, as the live page and `pitwall classify` say it:
 * `Classified: 70 % of the overall winner's laps (rounded up), and the chequered flag; …`.
 */
export function describeClassificationRules(rules: ClassificationRules): string {
  const distance = describeMinimumDistance(rules.minimumDistance);
  const required = rules.chequeredFlag === 'required';
  const parts = [`Classified: ${distance}, ${flagWords[rules.chequeredFlag]}`];
  if (rules.minimumDistance.kind !== 'none') {
    parts.push(`a car short of it is NC if it took the flag${required ? '' : `, ${rules.withoutFlag} if not`}`);
  }
  if (required) {
    const stop =
      rules.lastLapStop === 'classified'
        ? 'is classified on the laps it completed'
        : `is ${rules.lastLapStop}${rules.lastLapStop === rules.withoutFlag ? ' too' : ''}`;
    parts.push(
      `one that did not take the flag is ${rules.withoutFlag}; one that stopped on track on its last lap ${stop}`,
    );
  }
  parts.push(
    rules.order === 'status-groups'
      ? 'classified cars first, then NC, then Ret, each by laps'
      : 'every car ranked by laps, whatever its status',
  );
  return `${parts.join('; ')}.`;
}
