import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { openOffice } from '../app/office.ts';
import { openOfficials } from '../app/officials.ts';
import { databaseKind, openTestDatabase } from '../../test/support/database.ts';
import { createHttpParts } from './app.ts';
import { errorForLog } from './error-log.ts';

/**
 * A real database error that quotes a value: a name taken twice. PostgreSQL's `detail` repeats
 * the key ("Key (name)=(Sue Steward) already exists."), and PGlite's error also carries `params`.
 */
async function databaseError(): Promise<Error> {
  const db = await openTestDatabase();
  try {
    await db.exec('CREATE TABLE names_probe (name text UNIQUE)');
    await db.query('INSERT INTO names_probe (name) VALUES ($1)', ['Sue Steward']);
    return await db.query('INSERT INTO names_probe (name) VALUES ($1)', ['Sue Steward']).then(
      () => assert.fail('the second insert should have failed'),
      (error: Error) => error,
    );
  } finally {
    await db.close();
  }
}

test(`an error is logged with what failed, never with the query's parameters (${databaseKind()})`, async () => {
  const error = await databaseError();
  assert.match(JSON.stringify(error, Object.getOwnPropertyNames(error)), /Steward/, 'the raw error holds the name');
  const logged = errorForLog(new Error('request failed', { cause: error }));
  const text = JSON.stringify(logged);
  assert.doesNotMatch(text, /Steward|params|"where"|"detail"/);
  assert.match(text, /"code":"23505"/, "PostgreSQL's error code stays, to say what failed");
  assert.deepEqual(errorForLog('plain'), 'plain');
  assert.deepEqual(errorForLog({ params: ['Sue'] }), 'thrown: object');
});

test('the app logs a failed request without the values it sent', async () => {
  const error = await databaseError();
  const db = await openTestDatabase();
  const office = await openOffice(db);
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  // Signing in fails in the database: the app's error handler logs it.
  const officials = { ...openOfficials(db), login: () => Promise.reject(error) };
  const { app } = createHttpParts(office, { officials, logger: pino(sink) });
  try {
    const form = await app.request('/login');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const cookie = (form.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const response = await app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ _csrf: csrf, name: 'Sue Steward', password: 'Sue Password 123' }).toString(),
    });
    assert.equal(response.status, 500);
    const failed = lines.filter((line) => line.includes('request failed'));
    assert.equal(failed.length, 1);
    assert.match(failed[0]!, /23505/);
    assert.doesNotMatch(failed[0]!, /Steward|Password|params/);
  } finally {
    await office.close();
  }
});
