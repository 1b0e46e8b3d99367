import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, parsePasswordHash, verifyPassword } from './passwords.ts';

test('the default hash is scrypt N=2^15 r=8 p=1 with a random salt, and verifies', async () => {
  const hash = await hashPassword('a long passphrase');
  assert.match(hash, /^scrypt\$ln=15,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
  assert.deepEqual(parsePasswordHash(hash)?.params, DEFAULT_SCRYPT);
  assert.notEqual(await hashPassword('a long passphrase'), hash, 'a new salt each time');
  assert.equal(await verifyPassword('a long passphrase', hash), true);
  assert.equal(await verifyPassword('a long passphrasE', hash), false);
  assert.equal(needsRehash(hash), false);
});

test('a hash keeps its parameters: weaker ones still verify and ask to be rehashed', async () => {
  const weak = await hashPassword('a long passphrase', { ln: 4, r: 8, p: 1 });
  assert.equal(await verifyPassword('a long passphrase', weak), true);
  assert.equal(needsRehash(weak), true);
});

test('unicode passwords are compared in one normal form', async () => {
  const composed = 'Café au lait pâtissière';
  const hash = await hashPassword(composed, { ln: 4, r: 8, p: 1 });
  assert.equal(await verifyPassword(composed.normalize('NFD'), hash), true);
});

test('a malformed hash never verifies', async () => {
  for (const bad of ['', 'plain', 'scrypt$ln=15,r=8,p=1$$', 'bcrypt$2b$10$abc']) {
    assert.equal(await verifyPassword('anything', bad), false);
    assert.equal(needsRehash(bad), true);
  }
});
