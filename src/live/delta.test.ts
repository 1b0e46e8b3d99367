import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Json } from './delta.ts';
import { applyPatch, diff } from './delta.ts';

/** Null and absent mean the same in a view: what a patch can carry. */
function withoutNulls(value: Json): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => inner !== null)
      .map(([key, inner]) => [key, withoutNulls(inner)]),
  );
}

const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false),
    fc.integer(),
    fc.string({ maxLength: 3 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', '1', '26'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

test('applying the diff of two views gives the second (null and absent being the same)', () => {
  fc.assert(
    fc.property(json, json, (a, b) => {
      const start = withoutNulls(a);
      const patch = diff(start, b);
      const result = patch === undefined ? start : applyPatch(start, patch);
      assert.deepEqual(result, withoutNulls(b));
    }),
    { numRuns: 2000 },
  );
});

test('equal views give no delta, and the delta holds only what changed', () => {
  const before = { cars: { '26': { laps: 10, driver: 'Rusinov' }, '45': { laps: 10, driver: 'Manchester' } } };
  assert.equal(diff(before, structuredClone(before)), undefined);
  const after = { cars: { '26': { laps: 11, driver: 'Rusinov' }, '45': { laps: 10, driver: 'Manchester' } } };
  assert.deepEqual(diff(before, after), { cars: { '26': { laps: 11 } } });
  assert.deepEqual(diff(before, { cars: { '26': before.cars['26'] } }), { cars: { '45': null } });
});

test('arrays are replaced whole, as RFC 7386 says', () => {
  assert.deepEqual(diff({ s: [1, 2, 3] }, { s: [1, 2, 4] }), { s: [1, 2, 4] });
  assert.deepEqual(applyPatch({ s: [1, 2, 3] }, { s: [9] }), { s: [9] });
});

test('RFC 7386 appendix A examples', () => {
  const cases: [Json, Json, Json][] = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  for (const [target, patch, result] of cases) assert.deepEqual(applyPatch(target, patch), result);
});
