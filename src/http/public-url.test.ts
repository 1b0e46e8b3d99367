import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PUBLIC_URL, publicUrlOf } from './public-url.ts';

test('PUBLIC_URL: an http(s) URL, kept without its trailing slash; unset, the README address', () => {
  assert.equal(publicUrlOf(undefined), DEFAULT_PUBLIC_URL);
  assert.equal(publicUrlOf(''), DEFAULT_PUBLIC_URL);
  assert.equal(publicUrlOf('https://pitwall.example.org/'), 'https://pitwall.example.org');
  assert.equal(publicUrlOf(' https://Example.ORG:8443/pitwall// '), 'https://example.org:8443/pitwall');
  assert.equal(publicUrlOf('http://192.0.2.7:3000'), 'http://192.0.2.7:3000');
});

test('PUBLIC_URL that is not such a URL stops the start with a message that says what is expected', () => {
  for (const [value, reason] of [
    ['pitwall.example.org', /it is not a URL/],
    ['ftp://pitwall.example.org', /not ftp: URL/],
    ['https://pitwall.example.org/?x=1', /without query, fragment or user/],
    ['https://user:secret@pitwall.example.org', /without query, fragment or user/],
  ] as const) {
    assert.throws(
      () => publicUrlOf(value),
      (error: Error) =>
        error.message.startsWith('PUBLIC_URL must be an http or https URL') && reason.test(error.message),
      value,
    );
  }
});
