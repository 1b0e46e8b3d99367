/**
 * Zod's issues turned into Pitwall's: one code per kind of mistake a person makes in a file
 * (`missing`, `type`, `invalid`, `unknown-field`), and messages in the file's own words
 * ("a list", "a mapping") rather than JavaScript's.
 */
import type { z } from 'zod';
import type { Issue } from '../domain/result.ts';
import { clip, quote } from './text.ts';

type Path = readonly (string | number)[];
type ZodIssue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

/** How a value found in the file is quoted in a message: short, and in YAML's terms. */
export function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return quote(value);
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

/**
 * `races[0].classification[3].car`; keys that are not plain words are quoted: `poles["GT Am"]`.
 * A key is the file's own text, so it is clipped as any quoted value is.
 */
export function pathString(path: Path): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return i === 0 ? clip(key) : `.${clip(key)}`;
      return `[${quote(key)}]`;
    })
    .join('');
}

const NOUNS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function expectedGot(expected: string, input: unknown): string {
  return input === undefined ? `expected ${expected}` : `expected ${expected}, got ${describeValue(input)}`;
}

/**
 * A schema-level error option that words a wrong-type value by what the field means,
 * e.g. `expecting('a race time such as 4:00\'04.690')`.
 */
export function expecting(expected: string): { error: (issue: RawIssue) => string | undefined } {
  return {
    error: (issue) =>
      issue.code === 'invalid_type' || issue.code === 'invalid_union' ? expectedGot(expected, issue.input) : undefined,
  };
}

/** A check's error option: any value it rejects is worded as not being `expected`. */
export function mustBe(expected: string): { error: (issue: RawIssue) => string } {
  return { error: (issue) => expectedGot(expected, issue.input) };
}

/** The parse-wide error map: the wording of every issue a schema does not word itself. */
export function defaultMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return expectedGot(NOUNS[issue.expected] ?? issue.expected, issue.input);
    case 'invalid_value':
      return expectedGot(oneOf(issue.values.map(String)), issue.input);
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive ?? true, issue.input);
    case 'too_big':
      return expectedGot(`at most ${String(issue.maximum)}`, issue.input);
    default:
      return expectedGot('something else', issue.input);
  }
}

const oneOf = (values: readonly string[]): string =>
  values.length === 1 ? `${values[0]}` : `one of ${values.join(', ')}`;

function tooSmall(origin: string, minimum: number, inclusive: boolean, input: unknown): string {
  if (origin === 'array') return `expected at least ${minimum} item${minimum === 1 ? '' : 's'}`;
  if (origin === 'string') return 'expected a non-empty string';
  return expectedGot(inclusive ? `a number of at least ${minimum}` : `a number greater than ${minimum}`, input);
}

/** Pitwall issues for zod's, with paths relative to `base` (for issues nested in a union). */
export function toIssues(issues: readonly ZodIssue[], base: Path = []): Issue[] {
  return issues.flatMap((issue) => toIssue(issue, [...base, ...(issue.path as (string | number)[])]));
}

function toIssue(issue: ZodIssue, path: Path): Issue[] {
  switch (issue.code) {
    case 'invalid_type':
      return [{ code: issue.input === undefined ? 'missing' : 'type', message: missingOr(issue), path }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        code: 'unknown-field',
        message: `unknown field, ${issue.message}`,
        path: [...path, key],
      }));
    case 'invalid_union':
      return unionIssues(issue, path);
    default:
      return [{ code: 'invalid', message: issue.message, path }];
  }
}

function missingOr(issue: ZodIssue): string {
  return issue.input === undefined ? `is required, ${issue.message}` : issue.message;
}

/**
 * A value that fits none of a union's shapes. When it has the shape of exactly one of them
 * (a mapping where the choice is a string or a mapping), that shape's issues are the useful
 * ones; otherwise the union's own message says what the choices were.
 */
function unionIssues(issue: z.core.$ZodIssueInvalidUnion, path: Path): Issue[] {
  if (issue.input === undefined) return [{ code: 'missing', message: `is required, ${issue.message}`, path }];
  const shaped = issue.errors.filter((branch) => !branch.some(isShapeMismatch));
  const [only] = shaped;
  if (shaped.length === 1 && only) return toIssues(only, path);
  const valueMismatch = issue.errors.some((branch) =>
    branch.some((i) => i.path.length === 0 && i.code === 'invalid_value'),
  );
  return [{ code: valueMismatch ? 'invalid' : 'type', message: issue.message, path }];
}

function isShapeMismatch(issue: ZodIssue): boolean {
  return issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
}
