/**
 * A car crossing the line, as the timing system reports it: one row of a lap analysis, one event
 * of the ingest endpoint (src/formats/live-event.ts reads it), what the live race state
 * (src/live/race-state.ts) is folded from.
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
