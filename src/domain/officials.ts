import type { Result } from './result.ts';
import { err, ok } from './result.ts';
import { badCharacter } from './text.ts';

/**
 * Who may change what. Roles are not a hierarchy: a route names every role it admits, so an
 * administrator (who manages accounts) does not silently become a steward (who decides penalties).
 */
export const ROLES = ['admin', 'steward', 'timekeeper'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What an API token (held by a machine) may reach: `import` sends classification files after a
 * session, `timing` streams live timing events during one.
 */
export const TOKEN_SCOPES = ['import', 'timing'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
export const isTokenScope = (value: unknown): value is TokenScope =>
  (TOKEN_SCOPES as readonly unknown[]).includes(value);

/** NIST SP 800-63B: length, not composition rules, is what makes a memorised secret strong. */
export const PASSWORD_MIN_LENGTH = 12;
/** Bounds the work a login can ask of the server (and the size of a form). */
export const PASSWORD_MAX_LENGTH = 1024;

export type PasswordProblem = 'password-too-short' | 'password-too-long';

export function checkPassword(password: string): Result<string, PasswordProblem> {
  // Counted in code points, so a passphrase in any script gets the length it looks like it has.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return err('password-too-short');
  if (length > PASSWORD_MAX_LENGTH) return err('password-too-long');
  return ok(password);
}

export type NameProblem = 'invalid-name';

/** A name to sign in with: 1-64 printable characters (text.ts: a name), no surrounding spaces. */
export function checkName(name: string): Result<string, NameProblem> {
  const fine = name.length > 0 && name.length <= 64 && name === name.trim() && !badCharacter(name, 'name');
  return fine ? ok(name) : err('invalid-name');
}

/** A person who signs in to change data. */
export interface Official {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: Date;
  /** Set when an administrator disabled the account: it can no longer sign in. */
  readonly disabledAt: Date | null;
}

/** A machine's credential (the timing system's), limited to one scope. The secret is not kept. */
export interface ApiToken {
  readonly id: number;
  readonly name: string;
  readonly scope: TokenScope;
  /** The official who created it; null when created with the command line. */
  readonly createdBy: number | null;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}
