import type { ApiToken, NameProblem, Official, PasswordProblem } from '../domain/officials.ts';
import { checkName, checkPassword, isRole, isTokenScope } from '../domain/officials.ts';
import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import type { Sql } from '../store/database.ts';
import * as store from '../store/officials.ts';
import type { ScryptParams } from './passwords.ts';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPassword } from './passwords.ts';
import { hashSecret, hmac, newSecret } from './secrets.ts';

/** Every expected failure of the officials' use-cases; http/auth and the CLI map them. */
export type OfficialsError =
  | NameProblem
  | PasswordProblem
  | 'unknown-role'
  | 'duplicate-name'
  | 'not-found'
  | 'cannot-disable-self'
  | 'unknown-scope'
  | 'duplicate-token-name';

export type LoginFailure =
  /** `officialId` when the name is an official's: logs say whose account, never what was typed. */
  { code: 'wrong-credentials'; officialId?: number } | { code: 'rate-limited'; retryAfterSeconds: number };

/** A session as its holder sees it: the token goes in the cookie, the CSRF token in forms. */
export interface NewSession {
  readonly token: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly csrfToken: string;
}

export interface Session {
  readonly official: Official;
  readonly expiresAt: Date;
  readonly csrfToken: string;
}

export interface OfficialsOptions {
  readonly now?: () => Date;
  readonly hashing?: ScryptParams;
  /** 12 hours: a race day, or half of a 24-hour race, then sign in again. */
  readonly sessionMs?: number;
  /** Failed logins allowed per name and address within `windowMs`: 5 in 15 minutes. */
  readonly loginLimit?: { readonly failures: number; readonly windowMs: number };
}

export interface Officials {
  add(input: { name: string; role: string; password: string }): Promise<Result<Official, OfficialsError>>;
  list(): Promise<Official[]>;
  byId(id: number): Promise<Official | undefined>;
  /** Disables an account and ends its sessions; `by` cannot disable themselves. */
  disable(id: number, by?: Official): Promise<Result<Official, OfficialsError>>;
  /** The enabled official with that name and password, or undefined (same time either way). */
  verifyPassword(name: string, password: string): Promise<Official | undefined>;
  /** Checks the password under the rate limit of `name` + `ip`, and opens a session. */
  login(
    name: string,
    password: string,
    ip: string,
  ): Promise<Result<{ official: Official; session: NewSession }, LoginFailure>>;
  createSession(official: Official): Promise<NewSession>;
  /** The live session of an enabled official holding `token`, or undefined. */
  session(token: string): Promise<Session | undefined>;
  destroySession(token: string): Promise<void>;
  /** Creates an API token; its secret is returned here once and never again. */
  createToken(input: {
    name: string;
    scope: string;
    createdBy?: Official;
  }): Promise<Result<{ token: string; record: ApiToken }, OfficialsError>>;
  revokeToken(name: string): Promise<Result<ApiToken, OfficialsError>>;
  /** The live token whose secret is `token`, or undefined. */
  verifyToken(token: string): Promise<ApiToken | undefined>;
  listTokens(): Promise<ApiToken[]>;
  /** The instance's key for signing the login form's CSRF token (same on every server). */
  loginFormKey(): Promise<string>;
}

/** Ids are PostgreSQL `integer`s: a larger number is no official's, and would fail the query. */
const isId = (id: number): boolean => Number.isInteger(id) && id >= 1 && id <= 2 ** 31 - 1;

/** API tokens start with a prefix so secret scanners and people can tell what they are. */
export const API_TOKEN_PREFIX = 'pwt_';

/**
 * How long a token found live is taken as live without asking the database again. A timing
 * system posts several times a second, and the lookup was a fifth of a post's work before its
 * frame went out (bench/live.ts). A revocation through this process is seen at once; one made
 * by another process on the same PostgreSQL, within this time. Unknown secrets are never kept:
 * a new token works at once, and guesses always reach the database.
 */
export const TOKEN_RECHECK_MS = 1000;

/** Tokens found live lately, per database: every `Officials` on it shares them. */
interface LiveTokens {
  /** By the hash of the token's secret. */
  readonly byHash: Map<string, { readonly token: ApiToken; readonly until: number }>;
  /** Revocations so far: a lookup that began before one ended must not keep what it found. */
  revocations: number;
}

const liveTokens = new WeakMap<Sql, LiveTokens>();

function liveTokensOf(db: Sql): LiveTokens {
  let tokens = liveTokens.get(db);
  if (!tokens) {
    tokens = { byHash: new Map(), revocations: 0 };
    liveTokens.set(db, tokens);
  }
  return tokens;
}

export function openOfficials(db: Sql, options: OfficialsOptions = {}): Officials {
  const now = options.now ?? (() => new Date());
  const hashing = options.hashing ?? DEFAULT_SCRYPT;
  const sessionMs = options.sessionMs ?? 12 * 60 * 60 * 1000;
  const limit = options.loginLimit ?? { failures: 5, windowMs: 15 * 60 * 1000 };
  // Checked against when the name is unknown, so a wrong name costs as long as a wrong password.
  let decoy: Promise<string> | undefined;
  const keys = new Map<string, Promise<string>>();
  /** One of the instance's keys, created by the first server that needs it. */
  const instanceKey = (name: 'login-form' | 'login-attempts'): Promise<string> => {
    let key = keys.get(name);
    if (!key) {
      key = store.authKey(db, name, newSecret());
      keys.set(name, key);
      void key.catch(() => keys.delete(name)); // a database hiccup must not stick
    }
    return key;
  };

  /** The official when name and password match an enabled account; `known` whenever the name does. */
  const check = async (name: string, password: string): Promise<{ official?: Official; known?: Official }> => {
    // No account has a name checkName refuses, and PostgreSQL refuses some of them (a NUL) outright.
    if (!checkName(name).ok) return {};
    const stored = await store.findOfficialByName(db, name);
    const hash = stored?.passwordHash ?? (await (decoy ??= hashPassword(newSecret(), hashing)));
    const matches = await verifyPassword(password, hash);
    if (!stored) return {};
    if (!matches || stored.official.disabledAt) return { known: stored.official };
    if (needsRehash(stored.passwordHash, hashing)) {
      await store.updatePasswordHash(db, stored.official.id, await hashPassword(password, hashing));
    }
    return { official: stored.official, known: stored.official };
  };

  const createSession = async (official: Official): Promise<NewSession> => {
    const token = newSecret();
    const createdAt = now();
    const expiresAt = new Date(createdAt.getTime() + sessionMs);
    const csrfToken = newSecret();
    await store.deleteExpiredSessions(db, createdAt);
    await store.insertSession(db, {
      idHash: hashSecret(token),
      officialId: official.id,
      createdAt,
      expiresAt,
      csrfSecret: csrfToken,
    });
    return { token, createdAt, expiresAt, csrfToken };
  };

  return {
    add: async ({ name, role, password }) => {
      const checkedName = checkName(name);
      if (!checkedName.ok) return checkedName;
      if (!isRole(role)) return err('unknown-role');
      const checkedPassword = checkPassword(password);
      if (!checkedPassword.ok) return checkedPassword;
      const official = await store.insertOfficial(db, {
        name,
        role,
        passwordHash: await hashPassword(password, hashing),
      });
      return official ? ok(official) : err('duplicate-name');
    },
    list: () => store.listOfficials(db),
    byId: async (id) => (isId(id) ? store.findOfficialById(db, id) : undefined),
    disable: async (id, by) => {
      if (by?.id === id) return err('cannot-disable-self');
      const found = isId(id) ? await store.findOfficialById(db, id) : undefined;
      if (!found) return err('not-found');
      await store.disableOfficial(db, id, now());
      return ok((await store.findOfficialById(db, id)) ?? found);
    },
    verifyPassword: async (name, password) => (await check(name, password)).official,
    login: async (name, password, ip) => {
      const key = { nameHash: hmac(await instanceKey('login-attempts'), name.toLowerCase()), ip };
      const at = now();
      const windowStart = new Date(at.getTime() - limit.windowMs);
      // Written first and counted after: of parallel guesses, only the first few see room.
      const attempt = await store.insertLoginAttempt(db, key, at, windowStart);
      const { count, oldest } = await store.countLoginAttempts(db, key, windowStart);
      if (count > limit.failures) {
        await store.deleteLoginAttempt(db, attempt);
        const freeAt = (oldest ?? at).getTime() + limit.windowMs;
        return err({ code: 'rate-limited', retryAfterSeconds: Math.max(1, Math.ceil((freeAt - at.getTime()) / 1000)) });
      }
      const { official, known } = await check(name, password);
      if (!official) return err({ code: 'wrong-credentials', ...(known ? { officialId: known.id } : {}) });
      await store.clearLoginAttempts(db, key);
      return ok({ official, session: await createSession(official) });
    },
    createSession,
    session: async (token) => {
      const found = await store.findSession(db, hashSecret(token), now());
      return found && { official: found.official, expiresAt: found.expiresAt, csrfToken: found.csrfSecret };
    },
    destroySession: (token) => store.deleteSession(db, hashSecret(token)),
    createToken: async ({ name, scope, createdBy }) => {
      const checkedName = checkName(name);
      if (!checkedName.ok) return checkedName;
      if (!isTokenScope(scope)) return err('unknown-scope');
      const token = `${API_TOKEN_PREFIX}${newSecret()}`;
      const record = await store.insertToken(db, {
        name,
        hash: hashSecret(token),
        scope,
        createdBy: createdBy?.id ?? null,
      });
      return record ? ok({ token, record }) : err('duplicate-token-name');
    },
    revokeToken: async (name) => {
      if (!checkName(name).ok) return err('not-found');
      const revoked = await store.revokeToken(db, name, now());
      // Once revoked: what a lookup found before is dropped, and one still going on will not keep it.
      const kept = liveTokensOf(db);
      kept.revocations += 1;
      for (const [hash, entry] of kept.byHash) if (entry.token.name === name) kept.byHash.delete(hash);
      return revoked ? ok(revoked) : err('not-found');
    },
    verifyToken: async (token) => {
      if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
      const hash = hashSecret(token);
      const kept = liveTokensOf(db);
      const at = now().getTime();
      const known = kept.byHash.get(hash);
      if (known && known.until > at) return known.token;
      kept.byHash.delete(hash);
      const revocations = kept.revocations;
      const found = await store.findLiveToken(db, hash);
      if (found && kept.revocations === revocations)
        kept.byHash.set(hash, { token: found, until: at + TOKEN_RECHECK_MS });
      return found;
    },
    listTokens: () => store.listTokens(db),
    loginFormKey: () => instanceKey('login-form'),
  };
}
