import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareKeys, crewmates, rankRows } from './tie-breakers.ts';

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

test('rows level on everything share the position, listed in key order: no car number or name decides', () => {
  const ranked = rankRows(
    [row('90', 0, ['Ret']), row('16', 0, ['DNS']), row('7', 0, []), row('3', -1, [])],
    ['countback'],
    keyOf,
  );
  assert.deepEqual(
    ranked.map((r) => [r.key, r.position]),
    [
      ['7', 1],
      ['16', 1],
      ['90', 1],
      ['3', 4],
    ],
  );
});

test('count-back counts the championship position, not the road position behind an ineligible car', () => {
  // a: 2nd on the road behind a car not eligible for points, so credited with the win.
  const a = {
    key: 'a',
    points: 43,
    rounds: [
      { result: '2', pole: false, championshipPosition: 1 },
      { result: '2', pole: false, championshipPosition: 2 },
    ],
  };
  const b = {
    key: 'b',
    points: 43,
    rounds: [
      { result: '1', pole: false, championshipPosition: 1 },
      { result: '3', pole: false, championshipPosition: 3 },
    ],
  };
  assert.deepEqual(
    rankRows([b, a], ['countback'], keyOf).map((r) => [r.key, r.position]),
    [
      ['a', 1],
      ['b', 2],
    ],
  );
  // A result with no championship place (an ineligible car's) counts for nothing.
  const c = { key: 'c', points: 0, rounds: [{ result: '1', pole: false, championshipPosition: null }] };
  const d = { key: 'd', points: 0, rounds: [{ result: 'Ret', pole: false, championshipPosition: null }] };
  assert.deepEqual(
    rankRows([c, d], ['countback'], keyOf).map((r) => r.position),
    [1, 1],
  );
});

test('crewmates: the same cell wherever either earned something; a round with nothing earned tells nothing', () => {
  const cell = (result: string | null, points: number, pole = false) => ({ result, points, pole });
  const french = { points: 26, rounds: [cell('1', 25), cell('Ret', 0), cell(null, 1, true)] };
  const rusinov = { points: 26, rounds: [cell('1', 25), cell('DNS', 0), cell(null, 1, true)] };
  const other = { points: 26, rounds: [cell('Ret', 0), cell('1', 25), cell(null, 1, true)] };
  assert.ok(crewmates(french, rusinov));
  assert.ok(!crewmates(french, other));
  assert.ok(!crewmates(french, { ...rusinov, points: 25 }));
});

test('car numbers compare numerically, then as text', () => {
  assert.ok(compareKeys('7', '26') < 0);
  assert.ok(compareKeys('7', '07') > 0);
  assert.ok(compareKeys('A', 'B') < 0);
  assert.equal(compareKeys('12', '12'), 0);
});
