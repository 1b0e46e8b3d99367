import type { DecisionDraft, DecisionField } from '../../domain/decision-checks.ts';
import type { Issue, Result } from '../../domain/result.ts';
import type { Problem } from '../../domain/problem.ts';
import { err, ok } from '../../domain/result.ts';
import { unstorable } from '../../formats/text.ts';

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
const DECIMAL = /^[+-]?(?:[0-9]{1,12}(?:\.[0-9]{0,9})?|\.[0-9]{1,9})$/;

/**
 * Reads a decision from a form (strings; empty fields are absent) or a JSON body (numbers as
 * numbers or decimal strings): every field of the wrong type, or holding a character that cannot
 * be stored (a NUL), at once, each with its name. What the values mean for the season is checked
 * by the office (domain/decision-checks.ts).
 */
export function decisionDraftOf(body: Record<string, unknown>, round: number): Result<DecisionDraft, Issue[]> {
  const issues: Issue[] = [];
  const text = (field: string): string | undefined => {
    const value = body[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      issues.push({ code: 'not-text', message: 'must be text', path: [field] });
      return undefined;
    }
    const problem = unstorable(value, field === 'reason' || field === 'regulation' ? 'prose' : 'name');
    if (problem !== undefined) {
      issues.push({ code: 'bad-character', message: problem, path: [field] });
      return undefined;
    }
    return value.trim() === '' ? undefined : value.trim();
  };
  const number = (field: string, example: string): number | undefined => {
    const value = body[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
    const parsed =
      typeof value === 'number' ? value : typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value) : NaN;
    // JSON reads 1e400 as Infinity: no decision is that large, and none is NaN.
    if (Number.isFinite(parsed)) return parsed;
    issues.push({ code: 'not-a-number', message: `must be a number such as ${example}`, path: [field] });
    return undefined;
  };
  const seconds = number('seconds', '51.075');
  const draft: DecisionDraft = {
    kind: text('kind') ?? '',
    round,
    reason: text('reason') ?? '',
    regulation: text('regulation'),
    car: text('car'),
    timeMs: seconds === undefined ? undefined : Math.round(seconds * 1000),
    laps: number('laps', '2'),
    positions: number('positions', '1'),
    class: text('class'),
    driver: text('driver'),
    points: number('points', '5'),
    reverses: text('reverses'),
  };
  return issues.length > 0 ? err(issues) : ok(draft);
}
