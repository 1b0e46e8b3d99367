import type { ApiToken, Official, Role, TokenScope } from '../domain/officials.ts';
import type { Sql } from './database.ts';

/** Officials, sessions, API tokens and failed logins (migration 002). Secrets arrive hashed. */

interface OfficialRow {
  id: number;
  name: string;
  role: Role;
  password_hash: string;
  created_at: Date;
  disabled_at: Date | null;
}

export interface StoredOfficial {
  readonly official: Official;
  readonly passwordHash: string;
}

const OFFICIAL_COLUMNS = 'id, name, role, password_hash, created_at, disabled_at';

const toOfficial = (row: OfficialRow): StoredOfficial => ({
  official: { id: row.id, name: row.name, role: row.role, createdAt: row.created_at, disabledAt: row.disabled_at },
  passwordHash: row.password_hash,
});

/** The new official, or undefined when the name (in any case) is taken. */
export async function insertOfficial(
  db: Sql,
  input: { name: string; role: Role; passwordHash: string },
): Promise<Official | undefined> {
  const rows = await db.query<OfficialRow>(
    `INSERT INTO officials (name, role, password_hash) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING ${OFFICIAL_COLUMNS}`,
    [input.name, input.role, input.passwordHash],
  );
  return rows[0] && toOfficial(rows[0]).official;
}

export async function findOfficialByName(db: Sql, name: string): Promise<StoredOfficial | undefined> {
  const rows = await db.query<OfficialRow>(`SELECT ${OFFICIAL_COLUMNS} FROM officials WHERE lower(name) = lower($1)`, [
    name,
  ]);
  return rows[0] && toOfficial(rows[0]);
}

export async function findOfficialById(db: Sql, id: number): Promise<Official | undefined> {
  const rows = await db.query<OfficialRow>(`SELECT ${OFFICIAL_COLUMNS} FROM officials WHERE id = $1`, [id]);
  return rows[0] && toOfficial(rows[0]).official;
}

export async function listOfficials(db: Sql): Promise<Official[]> {
  const rows = await db.query<OfficialRow>(`SELECT ${OFFICIAL_COLUMNS} FROM officials ORDER BY lower(name)`);
  return rows.map((row) => toOfficial(row).official);
}

export async function updatePasswordHash(db: Sql, id: number, passwordHash: string): Promise<void> {
  await db.query('UPDATE officials SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
}

/** Disables the account and ends its sessions at once. */
export async function disableOfficial(db: Sql, id: number, at: Date): Promise<void> {
  await db.query('UPDATE officials SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL', [id, at]);
  await db.query('DELETE FROM sessions WHERE official_id = $1', [id]);
}

export interface StoredSession {
  readonly official: Official;
  readonly expiresAt: Date;
  readonly csrfSecret: string;
}

export async function insertSession(
  db: Sql,
  session: { idHash: string; officialId: number; createdAt: Date; expiresAt: Date; csrfSecret: string },
): Promise<void> {
  await db.query(
    'INSERT INTO sessions (id, official_id, created_at, expires_at, csrf_secret) VALUES ($1, $2, $3, $4, $5)',
    [session.idHash, session.officialId, session.createdAt, session.expiresAt, session.csrfSecret],
  );
}

/** A live session of an enabled official, or undefined. */
export async function findSession(db: Sql, idHash: string, now: Date): Promise<StoredSession | undefined> {
  const rows = await db.query<OfficialRow & { expires_at: Date; csrf_secret: string }>(
    `SELECT o.id, o.name, o.role, o.password_hash, o.created_at, o.disabled_at, s.expires_at, s.csrf_secret
     FROM sessions s JOIN officials o ON o.id = s.official_id
     WHERE s.id = $1 AND s.expires_at > $2 AND o.disabled_at IS NULL`,
    [idHash, now],
  );
  const row = rows[0];
  return row && { official: toOfficial(row).official, expiresAt: row.expires_at, csrfSecret: row.csrf_secret };
}

export async function deleteSession(db: Sql, idHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id = $1', [idHash]);
}

export async function deleteExpiredSessions(db: Sql, now: Date): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
}

interface TokenRow {
  id: number;
  name: string;
  scope: TokenScope;
  created_by: number | null;
  created_at: Date;
  revoked_at: Date | null;
}
const TOKEN_COLUMNS = 'id, name, scope, created_by, created_at, revoked_at';
const toToken = (row: TokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  scope: row.scope,
  createdBy: row.created_by,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

/** The new token's record, or undefined when the name is taken. */
export async function insertToken(
  db: Sql,
  input: { name: string; hash: string; scope: TokenScope; createdBy: number | null },
): Promise<ApiToken | undefined> {
  const rows = await db.query<TokenRow>(
    `INSERT INTO api_tokens (name, hash, scope, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING ${TOKEN_COLUMNS}`,
    [input.name, input.hash, input.scope, input.createdBy],
  );
  return rows[0] && toToken(rows[0]);
}

/** A token that has not been revoked, by the hash of its secret. */
export async function findLiveToken(db: Sql, hash: string): Promise<ApiToken | undefined> {
  const rows = await db.query<TokenRow>(
    `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE hash = $1 AND revoked_at IS NULL`,
    [hash],
  );
  return rows[0] && toToken(rows[0]);
}

export async function listTokens(db: Sql): Promise<ApiToken[]> {
  return (await db.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY name`)).map(toToken);
}

/** The revoked token, or undefined when no live token has that name. */
export async function revokeToken(db: Sql, name: string, at: Date): Promise<ApiToken | undefined> {
  const rows = await db.query<TokenRow>(
    `UPDATE api_tokens SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL RETURNING ${TOKEN_COLUMNS}`,
    [name, at],
  );
  return rows[0] && toToken(rows[0]);
}

/** Whose attempts: a keyed hash of the name as typed (never the name: it may be a password). */
export interface LoginKey {
  readonly nameHash: string;
  readonly ip: string;
}

/** Writes an attempt (and forgets those at or before `forgetBefore`); returns its id. */
export async function insertLoginAttempt(db: Sql, key: LoginKey, at: Date, forgetBefore: Date): Promise<number> {
  await db.query('DELETE FROM login_attempts WHERE attempted_at <= $1', [forgetBefore]);
  const rows = await db.query<{ id: number }>(
    'INSERT INTO login_attempts (name_hash, ip, attempted_at) VALUES ($1, $2, $3) RETURNING id',
    [key.nameHash, key.ip, at],
  );
  if (!rows[0]) throw new Error('login attempt not recorded');
  return rows[0].id;
}

/** How many attempts were made for this name from this address after `since`, and the first's time. */
export async function countLoginAttempts(
  db: Sql,
  key: LoginKey,
  since: Date,
): Promise<{ count: number; oldest: Date | null }> {
  const rows = await db.query<{ count: number; oldest: Date | null }>(
    `SELECT count(*)::integer AS count, min(attempted_at) AS oldest FROM login_attempts
     WHERE name_hash = $1 AND ip = $2 AND attempted_at > $3`,
    [key.nameHash, key.ip, since],
  );
  return rows[0] ?? { count: 0, oldest: null };
}

export async function deleteLoginAttempt(db: Sql, id: number): Promise<void> {
  await db.query('DELETE FROM login_attempts WHERE id = $1', [id]);
}

/** After a successful login: the earlier failures of this name and address no longer count. */
export async function clearLoginAttempts(db: Sql, key: LoginKey): Promise<void> {
  await db.query('DELETE FROM login_attempts WHERE name_hash = $1 AND ip = $2', [key.nameHash, key.ip]);
}

/** The instance's key called `name`: `candidate` if none was stored yet (first server wins). */
export async function authKey(db: Sql, name: string, candidate: string): Promise<string> {
  await db.query('INSERT INTO auth_keys (name, secret) VALUES ($1, $2) ON CONFLICT DO NOTHING', [name, candidate]);
  const rows = await db.query<{ secret: string }>('SELECT secret FROM auth_keys WHERE name = $1', [name]);
  if (!rows[0]) throw new Error(`auth key ${name} missing after insert`);
  return rows[0].secret;
}
