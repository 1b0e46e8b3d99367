import type { Context } from 'hono';
import type { OfficialsError } from '../../app/officials.ts';
import { OFFICIALS_ERROR_MESSAGES } from '../../app/officials-messages.ts';
import { CONTENT_SECURITY_POLICY } from '../security-headers.ts';
import type { ErrorCode, Problem, Refusal } from '../../domain/problem.ts';
import { ERROR_OUTCOMES, refusal } from '../../domain/problem.ts';
import { errorBody } from '../api/errors.ts';

/** Never stored by anyone: these answers depend on who asks. */
export const PRIVATE_HEADERS = {
  'cache-control': 'no-store',
  // Admin pages are never framed: a click on a disguised "disable" button is not a decision.
  'x-frame-options': 'DENY',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'referrer-policy': 'same-origin',
} as const;

export function setPrivateHeaders(c: Context): void {
  for (const [name, value] of Object.entries(PRIVATE_HEADERS)) c.header(name, value);
}

/** A refusal of the admin API: the public API's shape and table, private headers. */
export function authFailure(c: Context, code: ErrorCode, message: string, issues?: readonly Problem[]): Response {
  return refuse(c, refusal(code, message, issues));
}

export function refuse(c: Context, refused: Refusal): Response {
  setPrivateHeaders(c);
  if (refused.code === 'unauthorized') c.header('WWW-Authenticate', 'Bearer realm="pitwall"');
  return c.json(errorBody(refused), ERROR_OUTCOMES[refused.code].status);
}

/** The admin API's code for each refusal of the officials' use-cases. */
const OFFICIALS_ERROR_CODES: Readonly<Record<OfficialsError, OfficialsRefusal['code']>> = {
  'invalid-name': 'bad-request',
  'unknown-role': 'bad-request',
  'password-too-short': 'bad-request',
  'password-too-long': 'bad-request',
  'duplicate-name': 'conflict',
  'not-found': 'not-found',
  'cannot-disable-self': 'conflict',
  'unknown-scope': 'bad-request',
  'duplicate-token-name': 'conflict',
};

type OfficialsRefusal = Refusal<'bad-request' | 'conflict' | 'not-found'>;

export function describeOfficialsError(error: OfficialsError): OfficialsRefusal {
  return refusal(OFFICIALS_ERROR_CODES[error], OFFICIALS_ERROR_MESSAGES[error], [
    { code: error, message: OFFICIALS_ERROR_MESSAGES[error] },
  ]);
}
