import type { Context } from 'hono';
import type { OfficialsError } from '../../app/officials.ts';
import { OFFICIALS_ERROR_MESSAGES } from '../../app/officials-messages.ts';
import { CONTENT_SECURITY_POLICY } from '../security-headers.ts';

/**
 * The admin API's error codes and their HTTP status. Bodies have the public API's shape,
 * `{ "error": { "code", "message" } }`; these codes exist only behind authentication.
 */
export const AUTH_ERROR_STATUS = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'invalid-csrf-token': 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'rate-limited': 429,
} as const;
export type AuthErrorCode = keyof typeof AUTH_ERROR_STATUS;

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

export function authFailure(c: Context, code: AuthErrorCode, message: string): Response {
  setPrivateHeaders(c);
  if (code === 'unauthorized') c.header('WWW-Authenticate', 'Bearer realm="pitwall"');
  return c.json({ error: { code, message } }, AUTH_ERROR_STATUS[code]);
}

/** The admin API's code for each refusal of the officials' use-cases. */
const OFFICIALS_ERROR_CODES: Readonly<Record<OfficialsError, AuthErrorCode>> = {
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

export function describeOfficialsError(error: OfficialsError): { code: AuthErrorCode; message: string } {
  return { code: OFFICIALS_ERROR_CODES[error], message: OFFICIALS_ERROR_MESSAGES[error] };
}
