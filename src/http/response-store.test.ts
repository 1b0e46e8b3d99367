import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseStore, storedResponse } from './response-store.ts';

const response = (bytes: number) => storedResponse(200, new Uint8Array(bytes), { 'content-type': 'text/plain' });

test('the store is bounded by the bytes it keeps: the least recently used go first', () => {
  const store = new ResponseStore({ bytes: 10_000 });
  store.get(1, 'warm'); // the revision
  for (let i = 0; i < 5; i++) store.set(1, `page ${i}`, response(3_000));
  assert.ok(store.storedBytes <= 10_000, `${store.storedBytes} bytes`);
  assert.equal(store.size, 3);
  assert.equal(store.get(1, 'page 1'), undefined);
  assert.ok(store.get(1, 'page 2'), 'page 2 is kept and now the most recently used');
  store.set(1, 'page 5', response(3_000));
  assert.ok(store.get(1, 'page 2'));
  assert.equal(store.get(1, 'page 3'), undefined);
  assert.equal(store.storedBytes, 9_000);
});

test('a response larger than the whole budget is served but not kept; replacing a key counts its bytes once', () => {
  const store = new ResponseStore({ bytes: 10_000 });
  store.get(1, 'warm');
  store.set(1, 'huge', response(20_000));
  assert.equal(store.size, 0);
  store.set(1, 'page', response(4_000));
  store.set(1, 'page', response(5_000));
  assert.equal(store.storedBytes, 5_000);
  assert.equal(store.size, 1);
});

test('the store is bounded by entries too, and a new revision empties it', () => {
  const store = new ResponseStore({ entries: 3 });
  store.get(1, 'warm');
  for (let i = 0; i < 10; i++) store.set(1, `page ${i}`, response(10));
  assert.equal(store.size, 3);
  assert.equal(store.get(2, 'page 9'), undefined);
  assert.equal(store.size, 0);
  assert.equal(store.storedBytes, 0);
});
