import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareKeys, rankRows } from './tie-breakers.ts';

const row = (key: string, points: number, results: (string | null)[], poles = 0) => ({
  key,
  points,
  rounds: results.map((result, i) => ({ result, pole: i < poles })),
});
const keyOf = (r: { key: string }) => r.key;

test('more points rank first', () => {
  const ranked = rankRows([row('a', 10, []), row('b', 30, []), row('c', 20, [])], ['countback'], keyOf);
  assert.deepEqual(
    ranked.map((r) => [r.key, r.position]),
    [
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ],
  );
});

test('count-back: most wins, then most seconds', () => {
  const a = row('a', 50, ['2', '2', '3']);
  const b = row('b', 50, ['1', '4', 'Ret']);
  const c = row('c', 50, ['1', '5', '2']);
  const ranked = rankRows([a, b, c], ['countback'], keyOf);
  assert.deepEqual(
    ranked.map((r) => [r.key, r.position]),
    [
      ['c', 1],
      ['b', 2],
      ['a', 3],
    ],
  );
});

test('shared: rows level on points share the position, the next position skips', () => {
  const ranked = rankRows(
    [row('x', 25, ['3', '5']), row('w', 25, [null, '1']), row('y', 24, ['2'])],
    ['shared'],
    keyOf,
  );
  assert.deepEqual(
    ranked.map((r) => [r.key, r.position]),
    [
      ['w', 1],
      ['x', 1],
      ['y', 3],
    ],
  );
});

test('shared-dense: the row after a shared group takes the next number', () => {
  const ranked = rankRows(
    [row('a', 83, []), row('b', 83, []), row('c', 83, []), row('d', 82, []), row('e', 80, []), row('f', 80, [])],
    ['shared-dense'],
    keyOf,
  );
  assert.deepEqual(
    ranked.map((r) => r.position),
    [1, 1, 1, 2, 3, 3],
  );
});

test('breakers before shared decide; only rows level on them share', () => {
  const ranked = rankRows(
    [row('a', 25, ['3', '5']), row('b', 25, ['1']), row('c', 25, ['5', '3'])],
    ['countback', 'shared'],
    keyOf,
  );
  assert.deepEqual(
    ranked.map((r) => [r.key, r.position]),
    [
      ['b', 1],
      ['a', 2],
      ['c', 2],
    ],
  );
});

test('poles breaks ties by pole positions scored', () => {
  const ranked = rankRows([row('a', 10, ['Ret'], 0), row('b', 10, ['Ret'], 1)], ['poles'], keyOf);
  assert.deepEqual(
    ranked.map((r) => r.key),
    ['b', 'a'],
  );
});

test('rows level on everything get distinct positions in key order', () => {
  const ranked = rankRows([row('90', 0, ['Ret']), row('16', 0, ['DNS']), row('7', 0, [])], ['countback'], keyOf);
  assert.deepEqual(
    ranked.map((r) => [r.key, r.position]),
    [
      ['7', 1],
      ['16', 2],
      ['90', 3],
    ],
  );
});

test('car numbers compare numerically, then as text', () => {
  assert.ok(compareKeys('7', '26') < 0);
  assert.ok(compareKeys('7', '07') > 0);
  assert.ok(compareKeys('A', 'B') < 0);
  assert.equal(compareKeys('12', '12'), 0);
});
