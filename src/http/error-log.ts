/**
 * Errors as the logs may hold them. A database error carries the query's parameters (`params`),
 * and PostgreSQL's `detail` and `where` quote values ("Key (name)=(Sue) already exists",
 * "portal parameter $1 = '…'"): a name typed at the login form, which may be a password typed
 * in the wrong field, would end up in the log. Only what says what failed, and where in the
 * code, is kept.
 *
 * @example
 * pino({ serializers: ERROR_SERIALIZERS });
 * logger.error({ err: error }, 'request failed'); // no params, no detail
 */

/** The fields of an error worth logging: none of them holds what a request sent. */
const KEPT = ['code', 'severity', 'routine'] as const;

export interface LoggedError {
  readonly type: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: unknown;
  readonly severity?: unknown;
  readonly routine?: unknown;
  readonly cause?: LoggedError | string;
}

/** An error, or anything thrown, without the values a request sent. */
export function errorForLog(error: unknown, depth = 0): LoggedError | string {
  if (!(error instanceof Error)) return typeof error === 'string' ? error : `thrown: ${typeof error}`;
  const record = error as Error & Record<string, unknown>;
  const kept = Object.fromEntries(KEPT.flatMap((key) => (record[key] === undefined ? [] : [[key, record[key]]])));
  return {
    type: error.name || error.constructor.name,
    message: error.message,
    ...(error.stack !== undefined ? { stack: error.stack } : {}),
    ...kept,
    ...(error.cause !== undefined && depth < 3 ? { cause: errorForLog(error.cause, depth + 1) } : {}),
  };
}

/** For pino's `serializers` option, or a child logger's: every `err` logged is stripped. */
export const ERROR_SERIALIZERS = { err: errorForLog, error: errorForLog } as const;
