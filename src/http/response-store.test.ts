import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { codingFor, etagOf, replay, ResponseStore, storedResponse } from './response-store.ts';

// Bytes that are not compressed (the compressed codings of a text are counted too: see below).
const response = (bytes: number) =>
  storedResponse(200, new Uint8Array(bytes), { 'content-type': 'application/octet-stream' });

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

const page = (text: string) =>
  storedResponse(200, new TextEncoder().encode(text), { 'content-type': 'text/html; charset=utf-8' });
const PAGE = `<!doctype html><table>${'<tr><td>G-Drive Racing</td><td>26</td><td>LMP2</td></tr>'.repeat(200)}</table>`;

test('a kept page is compressed once, in Brotli and gzip, each with its own strong ETag, every coding counted', () => {
  const store = new ResponseStore();
  store.get(1, 'warm');
  const kept = page(PAGE);
  store.set(1, '/page', kept);
  const coded = kept.negotiated;
  assert.ok(coded, 'a page of some size is compressed');
  assert.equal(brotliDecompressSync(coded.br.body).toString(), PAGE);
  assert.equal(gunzipSync(coded.gzip.body).toString(), PAGE);
  assert.equal(coded.br.headers['content-encoding'], 'br');
  assert.equal(coded.gzip.nodeHeaders['content-length'], coded.gzip.body.byteLength);
  for (const r of [coded.identity, coded.br, coded.gzip]) {
    assert.equal(r.etag, etagOf(r.body));
    assert.equal(r.headers.vary, 'accept-encoding');
  }
  assert.equal(coded.identity.etag, kept.etag);
  assert.ok(coded.br.body.byteLength < PAGE.length / 10);
  assert.equal(
    store.storedBytes,
    coded.identity.body.byteLength + coded.br.body.byteLength + coded.gzip.body.byteLength,
  );
  // Kept again under another key: compressed already, not again.
  const { br } = coded;
  store.set(1, '/page?again', kept);
  assert.equal(kept.negotiated?.br, br);
});

test('small answers and images are kept as they are', () => {
  const store = new ResponseStore();
  store.get(1, 'warm');
  const small = page('<p>ok</p>');
  const icon = storedResponse(200, new Uint8Array(5000), { 'content-type': 'image/x-icon' });
  store.set(1, 'small', small);
  store.set(1, 'icon', icon);
  assert.equal(small.negotiated, undefined);
  assert.equal(icon.negotiated, undefined);
  assert.equal(replay(icon, undefined, 'br').headers['content-encoding'], undefined);
});

test('Accept-Encoding: the accepted coding of highest weight, Brotli on a tie, identity when neither', () => {
  assert.equal(codingFor('gzip, deflate, br, zstd'), 'br');
  assert.equal(codingFor('gzip, deflate'), 'gzip');
  assert.equal(codingFor('br;q=0.5, gzip;q=0.8'), 'gzip');
  assert.equal(codingFor('br;q=0, gzip'), 'gzip');
  assert.equal(codingFor('x-gzip'), 'gzip');
  assert.equal(codingFor('*'), 'br');
  assert.equal(codingFor('*;q=0.1, br;q=0'), 'gzip');
  assert.equal(codingFor('identity'), 'identity');
  assert.equal(codingFor('gzip;q=0, br;q=0'), 'identity');
  assert.equal(codingFor(''), 'identity');
  assert.equal(codingFor(undefined), 'identity');
  assert.equal(codingFor('GZIP ; Q=1'), 'gzip');
});

test('replayed in the coding asked for; 304 for the ETag of any coding the client holds', () => {
  const store = new ResponseStore();
  store.get(1, 'warm');
  const kept = page(PAGE);
  store.set(1, '/page', kept);
  const br = replay(kept, undefined, 'gzip, br');
  assert.equal(br.status, 200);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(brotliDecompressSync(br.body ?? new Uint8Array()).toString(), PAGE);
  const plain = replay(kept, undefined, undefined);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers.vary, 'accept-encoding');
  assert.equal(new TextDecoder().decode(plain.body ?? new Uint8Array()), PAGE);
  // A client that stored the gzip coding and now takes Brotli too still holds a current copy.
  const gzipTag = replay(kept, undefined, 'gzip').headers.etag ?? '';
  const notModified = replay(kept, gzipTag, 'br, gzip');
  assert.equal(notModified.status, 304);
  assert.equal(notModified.body, null);
  assert.equal(notModified.headers.etag, gzipTag);
  assert.equal(replay(kept, '"stale"', 'br').status, 200);
});
