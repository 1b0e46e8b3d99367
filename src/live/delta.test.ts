import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Json } from './delta.ts';
import { applyDelta, applyMoves, applyPatch, diff, fromSnapshot, liveDelta } from './delta.ts';
import type { LiveView } from './view.ts';

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

/** A live view with only what rankings need: cars with places and a class, one standings table. */
function viewOf(
  cars: readonly (readonly [car: string, cls: string, position: number, laps?: number])[],
  rows: readonly (readonly [key: string, position: number])[] = [],
): LiveView {
  const classPositions = new Map<string, number>();
  const byPosition = [...cars].sort((a, b) => a[2] - b[2]);
  const classPosition = new Map(
    byPosition.map(([car, cls]) => {
      const n = (classPositions.get(cls) ?? 0) + 1;
      classPositions.set(cls, n);
      return [car, n] as const;
    }),
  );
  return {
    race: { seasonId: 's', round: 1, name: 'r' },
    cars: Object.fromEntries(
      cars.map(([car, cls, position, laps]) => [
        car,
        { car, class: cls, position, classPosition: classPosition.get(car), laps: laps ?? 10, gapMs: null },
      ]),
    ),
    standings: {
      'LMP2/teams': {
        class: 'LMP2',
        kind: 'teams',
        rows: Object.fromEntries(rows.map(([key, position]) => [key, { key, position, points: 1000 * position }])),
      },
    },
  } as unknown as LiveView;
}

const GRID = [
  ['1', 'LMP2', 1],
  ['2', 'LMP2', 2],
  ['3', 'GT', 3],
  ['4', 'LMP2', 4],
  ['5', 'GT', 5],
  ['6', 'LMP2', 6],
] as const;

test('a car gaining places is one move: the cars it passes are not in the delta', () => {
  const before = viewOf(GRID);
  // #6 passes #3, #4 and #5 on its lap: 6th to 3rd, and 4th to 3rd in LMP2 (past #4).
  const after = viewOf(
    GRID.map(
      ([car, cls, position]) =>
        [
          car,
          cls,
          car === '6' ? 3 : position >= 3 && position < 6 ? position + 1 : position,
          car === '6' ? 11 : 10,
        ] as const,
    ),
  );
  const delta = liveDelta(before, after);
  assert.deepEqual(delta, {
    cars: { '6': { laps: 11 } },
    moves: { cars: { position: [['6', 3]], classPosition: [['6', 3]] } },
  });
  assert.deepEqual(
    applyDelta(fromSnapshot(before as unknown as Json), delta ?? {}),
    fromSnapshot(after as unknown as Json),
  );
  assert.ok(
    JSON.stringify(delta).length < JSON.stringify(diff(before as unknown as Json, after as unknown as Json)).length,
  );
});

test('standings rows move the same way; rows level on points say their places outright', () => {
  const before = viewOf(GRID, [
    ['26', 1],
    ['38', 2],
    ['37', 3],
    ['22', 4],
  ]);
  const passed = viewOf(GRID, [
    ['22', 1],
    ['26', 2],
    ['38', 3],
    ['37', 4],
  ]);
  assert.deepEqual(liveDelta(before, passed), {
    moves: { standings: { 'LMP2/teams': [['22', 1]] } },
    standings: {
      'LMP2/teams': {
        rows: { '22': { points: 1000 }, '26': { points: 2000 }, '38': { points: 3000 }, '37': { points: 4000 } },
      },
    },
  });
  const level = viewOf(GRID, [
    ['26', 1],
    ['38', 1],
    ['37', 3],
    ['22', 3],
  ]);
  const delta = liveDelta(passed, level) ?? {};
  assert.deepEqual(applyDelta(fromSnapshot(passed as unknown as Json), delta), fromSnapshot(level as unknown as Json));
});

test("moves shift the cars between, within the moving car's class for class places", () => {
  assert.deepEqual(applyMoves({ a: 1, b: 2, c: 3, d: 4 }, [['d', 1]]), { a: 2, b: 3, c: 4, d: 1 });
  assert.deepEqual(applyMoves({ a: 1, b: 2, c: 3, d: 4 }, [['a', 3]]), { a: 3, b: 1, c: 2, d: 4 });
  const cls: Record<string, string> = { a: 'X', b: 'Y', c: 'X', d: 'X' };
  assert.deepEqual(
    applyMoves({ a: 1, b: 1, c: 2, d: 3 }, [['d', 1]], (k) => cls[k]),
    { a: 2, b: 1, c: 3, d: 1 },
  );
});

/** Any two views of the same kind: cars coming and going, places shuffled, ties in the table. */
const rankedView = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', '9', '10'), { minLength: 0, maxLength: 10 }),
    fc.array(fc.constantFrom('LMP2', 'GT', 'Am'), { minLength: 10, maxLength: 10 }),
    fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 10, maxLength: 10 }),
    fc.uniqueArray(fc.constantFrom('26', '38', '37', '22', '33'), { maxLength: 5 }),
    fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
    fc.boolean(),
  )
  .map(([cars, classes, laps, rows, steps, ties]) => {
    const order = cars.map((car, i) => [car, classes[Number(car) - 1] ?? 'GT', i + 1, laps[i] ?? 1] as const);
    let place = 0;
    const table = rows.map((key, i) => {
      place = ties ? place + (steps[i] ?? 1) || 1 : i + 1;
      return [key, Math.max(1, place)] as const;
    });
    return viewOf(order, table);
  });

test('applying the live delta of two views gives the second, whatever the moves', () => {
  fc.assert(
    fc.property(rankedView, rankedView, (a, b) => {
      const before = fromSnapshot(a as unknown as Json);
      const delta = liveDelta(a, b);
      const result = delta === undefined ? before : applyDelta(before, delta);
      assert.deepEqual(result, fromSnapshot(b as unknown as Json));
    }),
    { numRuns: 3000 },
  );
});
