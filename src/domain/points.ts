import type { Status } from './vocabulary.ts';

/** How one class's race is turned into points. */
export interface PointsScale {
  /** Points for class positions 1, 2, 3, ... */
  readonly positions: readonly number[];
  /** Points for every scoring car classified beyond the scale. */
  readonly otherClassified: number;
  /** Bonus for the class pole position. */
  readonly pole: number;
  /** Statuses that score position points. */
  readonly scoringStatuses: readonly Status[];
}

/** A season's points system: a default scale and per-class overrides. */
export interface PointsSystem extends PointsScale {
  readonly classes: Readonly<Record<string, Partial<PointsScale>>>;
}
