/**
 * One way to say "no", everywhere: a refusal has a code from the vocabulary below (which decides
 * the HTTP status and the `pitwall` exit code, in one table), a sentence, and every problem found
 * — each with its own finer code and, where it has one, the field (`path`) or the file's line.
 * The API answers `{ "error": { "code", "message", "issues": [ … ] } }` for all of them.
 */

/** What went wrong, as an API client or a script branches on it. */
export const ERROR_CODES = [
  'bad-request',
  'invalid-season-file',
  'needs-confirmation',
  'unauthorized',
  'forbidden',
  'invalid-csrf-token',
  'not-found',
  'method-not-allowed',
  'conflict',
  'payload-too-large',
  'rate-limited',
  'database-in-use',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The one table from a refusal's code to its HTTP status and the command's exit code. Exit 1 is
 * "what you gave was refused"; 3 asks the officer to confirm (run again with `--confirm`); 4 says
 * the database is someone else's (stop it, or use another folder); 70 is a bug (EX_SOFTWARE).
 */
export const ERROR_OUTCOMES = {
  'bad-request': { status: 400, exit: 1 },
  'invalid-season-file': { status: 400, exit: 1 },
  'needs-confirmation': { status: 409, exit: 3 },
  unauthorized: { status: 401, exit: 1 },
  forbidden: { status: 403, exit: 1 },
  'invalid-csrf-token': { status: 403, exit: 1 },
  'not-found': { status: 404, exit: 1 },
  'method-not-allowed': { status: 405, exit: 1 },
  conflict: { status: 409, exit: 1 },
  'payload-too-large': { status: 413, exit: 1 },
  'rate-limited': { status: 429, exit: 1 },
  'database-in-use': { status: 503, exit: 4 },
  internal: { status: 500, exit: 70 },
} as const satisfies Record<ErrorCode, { status: number; exit: number }>;

export type ErrorStatus<C extends ErrorCode = ErrorCode> = (typeof ERROR_OUTCOMES)[C]['status'];

/** One thing wrong with what was given: its own code (e.g. `unknown-car`), where, and what was expected. */
export interface Problem {
  readonly code: string;
  readonly message: string;
  /** The field, as a path: `poles[0].car`, `races[2].classification[3].car`. */
  readonly path?: string;
  /** The file it came from, and its line. */
  readonly file?: string;
  readonly line?: number;
}

/** A problem as a person reads it: `race.csv:12: unknown-car NUMBER: car #99 is not entered`. */
export function formatProblem(problem: Problem): string {
  const where = problem.file === undefined ? '' : `${problem.file}:${problem.line ?? 1}: `;
  const field = problem.path ? `${problem.path}: ` : '';
  return `${where}${problem.file === undefined ? '' : `${problem.code} `}${field}${problem.message}`;
}

/** A request or a command refused: why, in a sentence, and every problem found (not the first). */
export interface Refusal<C extends ErrorCode = ErrorCode> {
  readonly code: C;
  readonly message: string;
  readonly issues?: readonly Problem[];
}

export const refusal = <C extends ErrorCode>(code: C, message: string, issues?: readonly Problem[]): Refusal<C> =>
  issues && issues.length > 0 ? { code, message, issues } : { code, message };
