/**
 * The wire format of one live timing event (docs/live.md): a car crossing the line, as JSON with
 * the fields of `LapEvent`. Checks shape only; whether the car is entered, or the lap new, is
 * for the race state, which counts such events instead of refusing them.
 */
import { z } from 'zod';
import type { LapEvent } from '../domain/lap-event.ts';
import { listed, quote, storable } from './text.ts';
import { pathString } from './zod-issues.ts';

export const LIVE_FLAGS = ['GF', 'SF', 'FCY', 'FF', 'RF', 'YF'] as const;

/** A day is the longest a race runs; anything beyond is a unit mistake (seconds for ms…). */
const MAX_MS = 7 * 24 * 3600 * 1000;
const ms = z.number().int('a whole number of milliseconds').min(0).max(MAX_MS);

const liveEventFields = {
  car: z.string().regex(/^[0-9A-Za-z-]{1,8}$/, 'a car number such as 26 or 007'),
  driverName: z.string().trim().min(1).max(100).superRefine(storable('name')),
  driverNumber: z.number().int().min(1).max(9).optional(),
  lap: z.number().int('a whole lap number').min(1).max(100_000),
  lapTimeMs: ms.refine((v) => v > 0, 'more than 0'),
  sectorTimesMs: z.array(ms.nullable()).max(9).optional(),
  elapsedMs: ms,
  crossedInPit: z.boolean(),
  pitTimeMs: ms.optional(),
  flag: z.enum(LIVE_FLAGS).optional(),
};

// zod's own message would quote every unknown key in full, however long.
export const liveEventSchema = z.strictObject(liveEventFields, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `unknown field ${listed(issue.keys, 3, quote)}: expected only ${Object.keys(liveEventFields).join(', ')}`
      : undefined,
});

export interface LiveEventProblem {
  /** The event's index in the batch. */
  readonly index: number;
  /** The field, e.g. `lapTimeMs` or `sectorTimesMs[2]`; empty for the event as a whole. */
  readonly field: string;
  readonly message: string;
}

/** Reads one event; every problem found when it does not fit (at least one). */
export function readLiveEvent(value: unknown, index: number): LapEvent | readonly LiveEventProblem[] {
  const parsed = liveEventSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    index,
    field: pathString(issue.path.filter((p) => typeof p !== 'symbol')),
    message: issue.message,
  }));
  return problems.length > 0 ? problems : [{ index, field: '', message: 'not a timing event' }];
}

export const isLiveEventProblem = (
  value: LapEvent | readonly LiveEventProblem[],
): value is readonly LiveEventProblem[] => Array.isArray(value);
