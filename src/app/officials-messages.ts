import type { OfficialsError } from './officials.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, TOKEN_SCOPES } from '../domain/officials.ts';

/** What the person is told when an officials' use-case refuses: the same words on the web and in the CLI. */
export const OFFICIALS_ERROR_MESSAGES: Readonly<Record<OfficialsError, string>> = {
  'invalid-name': 'A name has 1 to 64 characters, without spaces around it.',
  'unknown-role': `The role must be one of: ${ROLES.join(', ')}.`,
  'password-too-short': `A password has at least ${PASSWORD_MIN_LENGTH} characters.`,
  'password-too-long': `A password has at most ${PASSWORD_MAX_LENGTH} characters.`,
  'duplicate-name': 'An official with that name already exists.',
  'not-found': 'No such official or token.',
  'cannot-disable-self': 'You cannot disable your own account: ask another administrator.',
  'unknown-scope': `The scope must be one of: ${TOKEN_SCOPES.join(', ')}.`,
  'duplicate-token-name': 'A token with that name already exists.',
};
