import { z } from 'zod';
import type { DecisionInput } from '../../app/race-control.ts';
import type { Result } from '../../domain/result.ts';
import { err, ok } from '../../domain/result.ts';

/** Form fields are strings; empty ones are absent. */
const optionalText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().trim().optional(),
);
const optionalNumber = (what: string) =>
  z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? undefined : typeof v === 'string' ? Number(v) : v),
    z
      .number({ error: `${what} must be a number` })
      .finite()
      .optional(),
  );

const fields = z.object({
  kind: z.enum(['time-penalty', 'drop-positions', 'disqualification', 'exclusion', 'points-deduction', 'reversal'], {
    error: 'kind must be one of time-penalty, drop-positions, disqualification, exclusion, points-deduction, reversal',
  }),
  car: optionalText,
  /** Seconds, as officials write them (51.075); kept in milliseconds. */
  seconds: optionalNumber('seconds'),
  laps: optionalNumber('laps'),
  positions: optionalNumber('positions'),
  points: optionalNumber('points'),
  class: optionalText,
  driver: optionalText,
  reverses: optionalText,
  reason: z.string({ error: 'reason is required' }).trim().min(1, 'reason is required'),
  regulation: optionalText,
});

const need = <T>(value: T | undefined, field: string): T => {
  if (value === undefined) throw new RangeError(`${field} is required for this kind of decision`);
  return value;
};

/** A decision from a form or JSON body, or the first thing wrong with it, in words. */
export function decisionInputOf(body: Record<string, unknown>, round: number): Result<DecisionInput, string> {
  const parsed = fields.safeParse(body);
  if (!parsed.success) return err(parsed.error.issues.map((i) => i.message).join('; '));
  const f = parsed.data;
  const base = { round, reason: f.reason, ...(f.regulation ? { regulation: f.regulation } : {}) };
  try {
    switch (f.kind) {
      case 'time-penalty':
        return ok({
          ...base,
          kind: f.kind,
          car: need(f.car, 'car'),
          timeMs: Math.round(need(f.seconds, 'seconds') * 1000),
          ...(f.laps ? { laps: f.laps } : {}),
        });
      case 'drop-positions':
        return ok({ ...base, kind: f.kind, car: need(f.car, 'car'), positions: need(f.positions, 'positions') });
      case 'disqualification':
      case 'exclusion':
        return ok({ ...base, kind: f.kind, car: need(f.car, 'car') });
      case 'points-deduction':
        if (!f.car && !f.driver) return err('a points deduction needs a car, a driver, or both');
        return ok({
          ...base,
          kind: f.kind,
          class: need(f.class, 'class'),
          points: need(f.points, 'points'),
          ...(f.car ? { car: f.car } : {}),
          ...(f.driver ? { driver: f.driver } : {}),
        });
      case 'reversal':
        return ok({ ...base, kind: f.kind, reverses: need(f.reverses, 'reverses') });
    }
  } catch (error) {
    if (error instanceof RangeError) return err(error.message);
    throw error;
  }
}
