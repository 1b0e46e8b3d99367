/**
 * Which qualifying lap sets which race's pole, as data per season. The ALMS of 2021–25 runs one
 * qualifying session per class group at a meeting of two races: "The fastest lap was for
 * Saturday, and the second fastest lap for Sunday" (racing24-7, 2021 Dubai; the same at Sepang
 * 2025, shared/research/regulations.md §9). Pure: qualifying in, poles (or why not) out.
 */
import type { Round, Season } from './season.ts';

export const QUALIFYING_FORMATS = ['per-race', 'per-meeting'] as const;

export const GRID_LAPS = ['best-lap', 'second-best-lap'] as const;
/** The lap of each car that orders a grid: its best valid lap, or its second-best. */
export type GridLap = (typeof GRID_LAPS)[number];

/**
 * `per-race`: every race has a qualifying session of its own, whose best lap sets the grid.
 * `per-meeting`: one session for the meeting sets every race's grid; the n-th race of the meeting
 * is ordered by the lap `grids[n - 1]` of each car.
 */
export type PoleRule =
  { readonly qualifying: 'per-race' } | { readonly qualifying: 'per-meeting'; readonly grids: readonly GridLap[] };

/** A car's laps in a qualifying session: the times of its valid laps, in ms, in any order. */
export interface QualifyingCar {
  readonly car: string;
  readonly class: string;
  readonly validLapTimesMs: readonly number[];
}

/** The rounds of a meeting, in calendar order: a round without a meeting is a meeting of its own. */
export function meetingRounds(season: Pick<Season, 'rounds'>, round: number): Round[] {
  const own = season.rounds.find((r) => r.round === round);
  if (!own) return [];
  if (own.meeting === undefined) return [own];
  return season.rounds.filter((r) => r.meeting === own.meeting).sort((a, b) => a.round - b.round);
}

/** The time a car's grid is ordered by: its best, or second-best, valid lap. */
export function gridTimeMs(car: QualifyingCar, lap: GridLap): number | undefined {
  const sorted = [...car.validLapTimesMs].sort((a, b) => a - b);
  return sorted[lap === 'best-lap' ? 0 : 1];
}

/**
 * Per class, the qualifying order by the lap given: cars without such a lap are left out (they
 * start from the back). Cars level on time keep the order they were given in (the timing's
 * order: who set the time first). Only the leading cars matter for the pole point, but the whole
 * order is kept so that an ineligible pole car passes the point on.
 */
export function gridOrder(cars: readonly QualifyingCar[], lap: GridLap): Record<string, string[]> {
  const timed = cars.flatMap((car, index) => {
    const timeMs = gridTimeMs(car, lap);
    return timeMs === undefined ? [] : [{ car, timeMs, index }];
  });
  timed.sort((a, b) => a.timeMs - b.timeMs || a.index - b.index);
  const order: Record<string, string[]> = {};
  for (const { car } of timed) (order[car.class] ??= []).push(car.car);
  return order;
}
