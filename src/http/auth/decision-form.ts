import { z } from 'zod';
import type { DecisionDraft, DecisionField } from '../../domain/decision-checks.ts';
import type { DecisionKind } from '../../domain/decisions.ts';
import { DECISION_KINDS } from '../../domain/decisions.ts';
import type { Issue, Result } from '../../domain/result.ts';
import type { Problem } from '../../domain/problem.ts';
import { err, ok } from '../../domain/result.ts';
import { storable } from '../../formats/text.ts';

/** The name of each field in the form and the JSON body: officials enter seconds (51.075), the office keeps ms. */
export const FORM_FIELDS: Readonly<Record<DecisionField, string>> = {
  kind: 'kind',
  round: 'round',
  reason: 'reason',
  regulation: 'regulation',
  car: 'car',
  timeMs: 'seconds',
  laps: 'laps',
  positions: 'positions',
  class: 'class',
  driver: 'driver',
  points: 'points',
  reverses: 'reverses',
};

/** Each problem as it is shown and sent back: `positions: must be a whole number from 1 to 99`. */
export const describeDecisionIssues = (issues: readonly Problem[]): string[] =>
  issues.map((i) => {
    const field = i.path ?? '';
    return `${field in FORM_FIELDS ? FORM_FIELDS[field as DecisionField] : field}: ${i.message}`;
  });

/** Decimal notation, as people write numbers: `51.075`, `-3`; not `1e3`, `0x10` or `Infinity`. */
const DECIMAL = /^\s*[+-]?(?:[0-9]{1,12}(?:\.[0-9]{0,9})?|\.[0-9]{1,9})\s*$/;

const text = (kind: 'name' | 'prose') => z.string({ error: 'must be text' }).superRefine(storable(kind));
/** A number, or a decimal string as a form sends it (JSON reads 1e400 as Infinity: refused too). */
const decimal = (example: string) => {
  const error = `must be a number such as ${example}`;
  return z.union([z.number(), z.string().regex(DECIMAL, { error })], { error });
};

/** Every field a decision's body may hold but its kind, in the order its problems are listed. */
const FIELDS = {
  reason: text('prose').meta({ description: 'Why: every decision needs one.' }),
  regulation: text('prose').meta({ description: 'The article applied.' }),
  car: text('name').meta({ example: '26' }),
  seconds: decimal('51.075').meta({ description: 'Time added, in seconds.', example: 51.075 }),
  laps: decimal('2').meta({ description: 'Laps taken off first.', example: 3 }),
  positions: decimal('1').meta({ description: 'Places dropped.', example: 1 }),
  class: text('name').meta({ description: 'The championship the points are taken off.' }),
  driver: text('name'),
  points: decimal('5').meta({ description: 'Points taken off, to the thousandth.', example: 5 }),
  reverses: text('name').meta({ description: 'The id of the decision a reversal cancels.' }),
};
type BodyField = Exclude<keyof typeof FIELDS, 'reason' | 'regulation'>;

/** The fields of each kind: what it needs, and what it may add. `reason` for all, `regulation` if any. */
const KIND_FIELDS: Readonly<Record<DecisionKind, { needs: readonly BodyField[]; may?: readonly BodyField[] }>> = {
  'time-penalty': { needs: ['car', 'seconds'], may: ['laps'] },
  'drop-positions': { needs: ['car', 'positions'] },
  disqualification: { needs: ['car'] },
  exclusion: { needs: ['car'] },
  // A car, a driver, or both: the office says so when neither is given.
  'points-deduction': { needs: ['class', 'points'], may: ['car', 'driver'] },
  reversal: { needs: ['reverses'] },
};

const memberOf = (kind: DecisionKind) =>
  z.object({
    kind: z.literal(kind),
    reason: FIELDS.reason,
    regulation: FIELDS.regulation.optional(),
    ...Object.fromEntries(KIND_FIELDS[kind].needs.map((f) => [f, FIELDS[f]])),
    ...Object.fromEntries((KIND_FIELDS[kind].may ?? []).map((f) => [f, FIELDS[f].optional()])),
  });

/**
 * A stewards' decision as the admin API takes it: one shape per kind, told apart by `kind`. The
 * OpenAPI document shows it; `decisionDraftOf` reads a body with the same fields' schemas.
 */
export const DECISION_BODY = z
  .discriminatedUnion('kind', DECISION_KINDS.map(memberOf) as unknown as [z.ZodObject, ...z.ZodObject[]])
  .meta({ id: 'DecisionRequest' });

/** The kinds' fields merged, each optional: what the reader checks before the office checks the rest. */
const DRAFT_FIELDS = z.object({
  kind: z.string({ error: 'must be text' }).superRefine(storable('name')).optional(),
  ...Object.fromEntries(Object.entries(FIELDS).map(([name, schema]) => [name, schema.optional()])),
}) as z.ZodType<Partial<Record<'kind' | keyof typeof FIELDS, string | number>>>;

/** What each of zod's issues means here. */
const ISSUE_CODES: Readonly<Record<string, string>> = {
  invalid_type: 'not-text',
  invalid_union: 'not-a-number',
  invalid_format: 'not-a-number',
  custom: 'bad-character',
};

/**
 * Reads a decision from a form (strings; empty fields are absent) or a JSON body (numbers as
 * numbers or decimal strings): every field of the wrong type, or holding a character that cannot
 * be stored (a NUL), at once, each with its name. Which fields the kind needs, and what the values
 * mean for the season, is checked by the office (domain/decision-checks.ts), with every problem.
 */
export function decisionDraftOf(body: Record<string, unknown>, round: number): Result<DecisionDraft, Issue[]> {
  const given = Object.fromEntries(
    Object.entries(body).filter(([, value]) => value !== null && !(typeof value === 'string' && value.trim() === '')),
  );
  const parsed = DRAFT_FIELDS.safeParse(given);
  if (!parsed.success) {
    return err(
      parsed.error.issues.map((issue) => ({
        code: ISSUE_CODES[issue.code] ?? 'invalid',
        message: issue.message,
        path: [String(issue.path[0] ?? '')],
      })),
    );
  }
  const fields = parsed.data;
  const textOf = (name: 'kind' | 'reason' | 'regulation' | 'car' | 'class' | 'driver' | 'reverses') => {
    const value = fields[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const numberOf = (name: 'seconds' | 'laps' | 'positions' | 'points') => {
    const value = fields[name];
    return value === undefined ? undefined : Number(value);
  };
  const seconds = numberOf('seconds');
  return ok({
    kind: textOf('kind') ?? '',
    round,
    reason: textOf('reason') ?? '',
    regulation: textOf('regulation'),
    car: textOf('car'),
    timeMs: seconds === undefined ? undefined : Math.round(seconds * 1000),
    laps: numberOf('laps'),
    positions: numberOf('positions'),
    class: textOf('class'),
    driver: textOf('driver'),
    points: numberOf('points'),
    reverses: textOf('reverses'),
  });
}
