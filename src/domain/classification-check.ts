/**
 * A final classification computed from laps under the season's rule, set against a published one
 * (the timing provider's, or the one in the season file), car by car: what an officer checks
 * before importing the provider's classification (`pitwall classify`). Pure.
 */
import type { FinishStatus } from './classification-rules.ts';
import type { Status } from './vocabulary.ts';

/** One car of a classification computed from laps (live/final-classification.ts makes them). */
export interface ComputedLine {
  readonly position: number;
  readonly classPosition: number;
  readonly car: string;
  readonly class: string;
  readonly team: string;
  readonly status: FinishStatus;
  readonly laps: number;
  /** Race time of its last crossing of the line. */
  readonly elapsedMs: number;
  /** It crossed the line under the chequered flag. */
  readonly tookFlag: boolean;
  /** Laps the rule asked of it to be classified (0: none). */
  readonly requiredLaps: number;
  /** It was on its last lap when the flag fell and never took it. */
  readonly stoppedOnLastLap: boolean;
}

/** One car of a published classification, in its order. */
export interface PublishedLine {
  readonly car: string;
  readonly class: string;
  readonly status: Status;
  readonly laps?: number;
}

/** Where a car stands in one of the two classifications. */
export interface Placing {
  readonly position: number;
  readonly classPosition: number;
  readonly status: Status;
  readonly laps?: number;
}

/** A car placed differently, or in one classification only (the other side absent). */
export interface Difference {
  readonly car: string;
  readonly class: string;
  readonly computed?: Placing;
  readonly published?: Placing;
}

/** Positions overall and in class of a published classification, in its order. */
function placings(published: readonly PublishedLine[]): Map<string, Placing & { class: string }> {
  const perClass = new Map<string, number>();
  return new Map(
    published.map((line, index) => {
      const classPosition = (perClass.get(line.class) ?? 0) + 1;
      perClass.set(line.class, classPosition);
      const laps = line.laps === undefined ? {} : { laps: line.laps };
      return [line.car, { position: index + 1, classPosition, status: line.status, class: line.class, ...laps }];
    }),
  );
}

/**
 * Every car whose overall position, class position, status or laps differ between the two, in
 * the computed order, then the cars only the published classification has, in its order. Laps are
 * compared only where the published line gives them.
 */
export function compareClassifications(
  computed: readonly ComputedLine[],
  published: readonly PublishedLine[],
): Difference[] {
  const theirs = placings(published);
  const ours = new Set(computed.map((line) => line.car));
  const differences: Difference[] = [];
  for (const line of computed) {
    const mine: Placing = {
      position: line.position,
      classPosition: line.classPosition,
      status: line.status,
      laps: line.laps,
    };
    const other = theirs.get(line.car);
    if (!other) {
      differences.push({ car: line.car, class: line.class, computed: mine });
      continue;
    }
    const same =
      other.position === mine.position &&
      other.classPosition === mine.classPosition &&
      other.status === mine.status &&
      (other.laps === undefined || other.laps === mine.laps);
    const { class: _class, ...placing } = other;
    if (!same) differences.push({ car: line.car, class: line.class, computed: mine, published: placing });
  }
  for (const [car, other] of theirs) {
    const { class: carClass, ...placing } = other;
    if (!ours.has(car)) differences.push({ car, class: carClass, published: placing });
  }
  return differences;
}
