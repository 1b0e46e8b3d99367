import { z } from 'zod';
import type { PoleSetting } from '../domain/poles.ts';
import type { Issue, Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import { storable } from './text.ts';
import { toIssues } from './zod-issues.ts';

const name = z.string().min(1).max(64).superRefine(storable('name'));

/** One class: `car` (the pole car) or `cars` (the qualifying order of the leading cars). */
const pole = z
  .strictObject({ class: name, car: name.optional(), cars: z.array(name).min(1).max(100).optional() })
  .refine((p) => (p.car === undefined) !== (p.cars === undefined), {
    message: 'expected either "car" (the pole car) or "cars" (the qualifying order), not both, not neither',
  });

const body = z.strictObject({ poles: z.array(pole).min(1).max(50) });

/**
 * The body of `PUT …/rounds/{round}/poles`: `{"poles":[{"class":"LMP2","car":"22"}]}`. Every
 * problem at once, each with its path.
 */
export function readPolesRequest(input: unknown): Result<PoleSetting[], Issue[]> {
  const parsed = body.safeParse(input, { reportInput: true });
  if (!parsed.success) return err(toIssues(parsed.error.issues));
  return ok(parsed.data.poles.map((p) => ({ class: p.class, cars: p.cars ?? (p.car === undefined ? [] : [p.car]) })));
}
