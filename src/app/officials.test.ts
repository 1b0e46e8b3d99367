import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database, Sql } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { databaseKind, openTestDatabase } from '../../test/support/database.ts';
import { openOfficials, TOKEN_RECHECK_MS } from './officials.ts';
import type { Officials } from './officials.ts';
import { hashPassword } from './passwords.ts';

let db: Database;
let clock = new Date('2026-03-01T10:00:00Z');
let officials: Officials;
const PASSWORD = 'correct horse battery';

before(async () => {
  db = await openTestDatabase();
  await migrate(db);
  // Cheaper hashing keeps the suite fast; passwords.test.ts covers the default parameters.
  officials = openOfficials(db, { now: () => clock, hashing: { ln: 10, r: 8, p: 1 } });
});
after(() => db.close());

const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

test(`an official is added and signs in with the password (${databaseKind()})`, async () => {
  const added = await officials.add({ name: 'Ana Steward', role: 'steward', password: PASSWORD });
  assert.ok(added.ok);
  assert.equal(added.value.role, 'steward');
  assert.equal((await officials.verifyPassword('ana steward', PASSWORD))?.id, added.value.id);
  assert.equal(await officials.verifyPassword('Ana Steward', 'wrong password!!'), undefined);
  assert.equal(await officials.verifyPassword('Nobody', PASSWORD), undefined);
});

test('names are unique whatever their case; roles and passwords are checked', async () => {
  const dup = await officials.add({ name: 'ANA STEWARD', role: 'admin', password: PASSWORD });
  assert.deepEqual(dup, { ok: false, error: 'duplicate-name' });
  assert.deepEqual(await officials.add({ name: 'Bo', role: 'marshal', password: PASSWORD }), {
    ok: false,
    error: 'unknown-role',
  });
  assert.deepEqual(await officials.add({ name: 'Bo', role: 'admin', password: 'short' }), {
    ok: false,
    error: 'password-too-short',
  });
  assert.deepEqual(await officials.add({ name: ' Bo', role: 'admin', password: PASSWORD }), {
    ok: false,
    error: 'invalid-name',
  });
  assert.deepEqual(
    (await officials.list()).map((o) => o.name),
    ['Ana Steward'],
  );
});

test('a session opens, is found by its token until it expires, and ends on logout', async () => {
  const ana = await officials.verifyPassword('Ana Steward', PASSWORD);
  assert.ok(ana);
  const session = await officials.createSession(ana);
  assert.equal((await officials.session(session.token))?.official.name, 'Ana Steward');
  assert.equal((await officials.session(session.token))?.csrfToken, session.csrfToken);
  assert.equal(await officials.session('not-a-token'), undefined);

  const stored = await db.query<{ id: string }>('SELECT id FROM sessions');
  assert.ok(
    stored.every((row) => row.id !== session.token),
    'the token itself is not stored',
  );

  advance(12 * 60 * 60 * 1000);
  assert.equal(await officials.session(session.token), undefined, 'expired after 12 hours');

  const next = await officials.createSession(ana);
  await officials.destroySession(next.token);
  assert.equal(await officials.session(next.token), undefined);
});

test('a disabled official can no longer sign in, and their sessions end', async () => {
  const added = await officials.add({ name: 'Cy Timekeeper', role: 'timekeeper', password: PASSWORD });
  assert.ok(added.ok);
  const session = await officials.createSession(added.value);
  assert.deepEqual(await officials.disable(added.value.id, added.value), { ok: false, error: 'cannot-disable-self' });
  const disabled = await officials.disable(added.value.id);
  assert.ok(disabled.ok && disabled.value.disabledAt);
  assert.equal(await officials.session(session.token), undefined);
  assert.equal(await officials.verifyPassword('Cy Timekeeper', PASSWORD), undefined);
  assert.deepEqual(await officials.disable(9999), { ok: false, error: 'not-found' });
});

test('login: five failures per name and address, then 429 until the window passes', async () => {
  const ana = (await officials.list()).find((o) => o.name === 'Ana Steward');
  for (let i = 0; i < 5; i += 1) {
    const failed = await officials.login('Ana Steward', 'wrong password!!', '203.0.113.9');
    assert.deepEqual(failed, { ok: false, error: { code: 'wrong-credentials', officialId: ana?.id } });
    advance(1000);
  }
  const limited = await officials.login('Ana Steward', PASSWORD, '203.0.113.9');
  assert.deepEqual(limited, { ok: false, error: { code: 'rate-limited', retryAfterSeconds: 15 * 60 - 5 } });
  // Another address is not limited by this one's failures; a success clears its own.
  assert.ok((await officials.login('ana steward', PASSWORD, '198.51.100.7')).ok);
  advance(15 * 60 * 1000);
  assert.ok((await officials.login('Ana Steward', PASSWORD, '203.0.113.9')).ok);
});

test('parallel guesses cannot slip under the limit', async () => {
  const guesses = await Promise.all(
    Array.from({ length: 12 }, () => officials.login('Ana Steward', 'wrong password!!', '192.0.2.1')),
  );
  // Each attempt is written before it is counted: however they interleave, at most five are checked.
  const checked = guesses.filter((g) => !g.ok && g.error.code === 'wrong-credentials');
  assert.ok(checked.length <= 5, `${checked.length} guesses were checked`);
  assert.ok(guesses.every((g) => !g.ok));
});

test('a hash made with weaker parameters is replaced at the next login', async () => {
  const weak = await hashPassword(PASSWORD, { ln: 4, r: 8, p: 1 });
  await db.query("UPDATE officials SET password_hash = $1 WHERE name = 'Ana Steward'", [weak]);
  assert.ok(await officials.verifyPassword('Ana Steward', PASSWORD));
  const [row] = await db.query<{ password_hash: string }>(
    "SELECT password_hash FROM officials WHERE name = 'Ana Steward'",
  );
  assert.match(row?.password_hash ?? '', /^scrypt\$ln=10,r=8,p=1\$/);
});

test('API tokens: shown once, stored hashed, scoped, revocable', async () => {
  const created = await officials.createToken({ name: 'timing-le-mans', scope: 'import' });
  assert.ok(created.ok);
  assert.match(created.value.token, /^pwt_[\w-]{43}$/);
  assert.equal((await officials.verifyToken(created.value.token))?.scope, 'import');
  const rows = await db.query<{ hash: string }>('SELECT hash FROM api_tokens');
  assert.ok(rows.every((row) => !created.value.token.includes(row.hash) && row.hash !== created.value.token));

  assert.deepEqual(await officials.createToken({ name: 'timing-le-mans', scope: 'import' }), {
    ok: false,
    error: 'duplicate-token-name',
  });
  assert.deepEqual(await officials.createToken({ name: 'x', scope: 'everything' }), {
    ok: false,
    error: 'unknown-scope',
  });
  assert.ok((await officials.revokeToken('timing-le-mans')).ok);
  assert.equal(await officials.verifyToken(created.value.token), undefined);
  assert.deepEqual(await officials.revokeToken('timing-le-mans'), { ok: false, error: 'not-found' });
  assert.equal(await officials.verifyToken('pwt_guess'), undefined);
});

/** The database, counting the token lookups; `hold` keeps a lookup's answer back until released. */
function countingTokens(of: Database) {
  const seen = { lookups: 0, hold: undefined as Promise<void> | undefined };
  const sql: Sql = {
    query: async <Row extends object>(text: string, params?: readonly unknown[]) => {
      const lookup = text.includes('FROM api_tokens WHERE hash');
      if (lookup) seen.lookups += 1;
      const rows = await of.query<Row>(text, params);
      if (lookup && seen.hold) await seen.hold;
      return rows;
    },
    exec: (script) => of.exec(script),
    transaction: (work) => of.transaction(work),
  };
  return { sql, seen };
}

test('a token found live is taken as live for a second without asking again; revoked here, at once', async () => {
  const { sql, seen } = countingTokens(db);
  const options = { now: () => clock, hashing: { ln: 10, r: 8, p: 1 } };
  const server = openOfficials(sql, options);
  const created = await server.createToken({ name: 'timing-spa', scope: 'timing' });
  assert.ok(created.ok);
  const secret = created.value.token;
  for (let i = 0; i < 5; i++) assert.equal((await server.verifyToken(secret))?.name, 'timing-spa');
  assert.equal(seen.lookups, 1, 'one lookup for five posts within the second');
  advance(TOKEN_RECHECK_MS);
  assert.ok(await server.verifyToken(secret));
  assert.equal(seen.lookups, 2, 'looked up again once the second is over');
  // Unknown secrets are never kept: each guess is looked up.
  await server.verifyToken('pwt_guess');
  await server.verifyToken('pwt_guess');
  assert.equal(seen.lookups, 4);
  // Revoked through another Officials of the same database (the console's): refused at once.
  assert.ok((await openOfficials(sql, options).revokeToken('timing-spa')).ok);
  assert.equal(await server.verifyToken(secret), undefined);
});

test('a token revoked by another server is refused within the second; a lookup under way as it is revoked keeps nothing', async () => {
  const { sql, seen } = countingTokens(db);
  const server = openOfficials(sql, { now: () => clock, hashing: { ln: 10, r: 8, p: 1 } });
  const created = await server.createToken({ name: 'timing-sebring', scope: 'timing' });
  assert.ok(created.ok);
  const secret = created.value.token;
  assert.ok(await server.verifyToken(secret));
  // Another server on the same PostgreSQL revokes it: this one learns it at the next lookup.
  await db.query("UPDATE api_tokens SET revoked_at = now() WHERE name = 'timing-sebring'");
  advance(TOKEN_RECHECK_MS - 1);
  assert.ok(await server.verifyToken(secret), 'still taken as live within the second');
  advance(1);
  assert.equal(await server.verifyToken(secret), undefined);

  const again = await server.createToken({ name: 'timing-imola', scope: 'timing' });
  assert.ok(again.ok);
  let release = (): void => undefined;
  seen.hold = new Promise((resolve) => (release = resolve));
  // The lookup reads the token live, and answers only after the revocation is done.
  const lookup = server.verifyToken(again.value.token);
  await new Promise((resolve) => setTimeout(resolve, 20));
  seen.hold = undefined;
  assert.ok((await server.revokeToken('timing-imola')).ok);
  release();
  assert.ok(await lookup, 'it was live when looked up');
  assert.equal(await server.verifyToken(again.value.token), undefined, 'but it was not kept');
});

test('every server of one database signs the login form with the same key', async () => {
  const other = openOfficials(db);
  assert.equal(await officials.loginFormKey(), await other.loginFormKey());
});
