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

/**
 * Points are carried as integer thousandths so that sums of halves and quarters stay exact
 * (ALMS pays 0.5 to other classified finishers; half-points races make that 0.25).
 */
export type MilliPoints = number;

export const toMilli = (points: number): MilliPoints => Math.round(points * 1000);
export const fromMilli = (milli: MilliPoints): number => milli / 1000;

/** The scale that applies to a class: the season's default with that class's overrides. */
export function scaleFor(system: PointsSystem, classId: string): PointsScale {
  const override = system.classes[classId] ?? {};
  return {
    positions: override.positions ?? system.positions,
    otherClassified: override.otherClassified ?? system.otherClassified,
    pole: override.pole ?? system.pole,
    scoringStatuses: override.scoringStatuses ?? system.scoringStatuses,
  };
}

/**
 * Race points for the car ranked `rank` (1-based) among the class's scoring cars, scaled by the
 * round's multiplier (ELMS Spa 2018: half points, so the 0.5 became 0.25).
 */
export function positionPoints(scale: PointsScale, rank: number, multiplier: number): MilliPoints {
  const base = scale.positions[rank - 1] ?? scale.otherClassified;
  return toMilli(base * multiplier);
}

/** The pole bonus is not scaled by the round's multiplier. */
export function polePoints(scale: PointsScale): MilliPoints {
  return toMilli(scale.pole);
}
