import type { Context } from 'hono';
import type { OfficialsError } from '../../app/officials.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, TOKEN_SCOPES } from '../../domain/officials.ts';

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
  'content-security-policy': "frame-ancestors 'none'",
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

/** What an official is told when a use-case refuses, and the code the API answers with. */
export function describeOfficialsError(error: OfficialsError): { code: AuthErrorCode; message: string } {
  switch (error) {
    case 'invalid-name':
      return { code: 'bad-request', message: 'A name has 1 to 64 characters, without spaces around it.' };
    case 'unknown-role':
      return { code: 'bad-request', message: `The role must be one of: ${ROLES.join(', ')}.` };
    case 'password-too-short':
      return { code: 'bad-request', message: `A password has at least ${PASSWORD_MIN_LENGTH} characters.` };
    case 'password-too-long':
      return { code: 'bad-request', message: `A password has at most ${PASSWORD_MAX_LENGTH} characters.` };
    case 'duplicate-name':
      return { code: 'conflict', message: 'An official with that name already exists.' };
    case 'not-found':
      return { code: 'not-found', message: 'No such official or token.' };
    case 'cannot-disable-self':
      return { code: 'conflict', message: 'You cannot disable your own account: ask another administrator.' };
    case 'unknown-scope':
      return { code: 'bad-request', message: `The scope must be one of: ${TOKEN_SCOPES.join(', ')}.` };
    case 'duplicate-token-name':
      return { code: 'conflict', message: 'A token with that name already exists.' };
  }
}
