import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ClassificationRules, FinishingCar, MinimumDistance } from './classification-rules.ts';
import {
  CLASSIFICATION_ORDERS,
  classifyFinish,
  DISTANCE_BASES,
  FLAG_RULES,
  LAST_LAP_STOPS,
  ROUNDINGS,
  WITHOUT_FLAG_STATUSES,
} from './classification-rules.ts';

const FLAG_AT = 3_600_000;

/** A field of cars with distinct numbers; laps, last crossings and the flag anywhere, ties included. */
const cars: fc.Arbitrary<FinishingCar[]> = fc.uniqueArray(
  fc.record({
    car: fc.stringMatching(/^[0-9]{1,3}$/),
    class: fc.constantFrom('LMP2', 'GT'),
    laps: fc.nat(12),
    // Before the flag, or up to a lap after it; on a coarse grid, so that cars tie on laps and time.
    elapsedMs: fc.integer({ min: -12, max: 2 }).map((k) => FLAG_AT + k * 50_000),
    finished: fc.boolean(),
    bestLapMs: fc.integer({ min: 80_000, max: 120_000 }),
  }),
  { selector: (c) => c.car, maxLength: 14 },
);

const share = fc.record({
  kind: fc.constant('share' as const),
  percent: fc.integer({ min: 1, max: 10_000 }).map((hundredths) => hundredths / 100),
  of: fc.constantFrom(...DISTANCE_BASES),
  rounding: fc.constantFrom(...ROUNDINGS),
});

const distance: fc.Arbitrary<MinimumDistance> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('laps' as const), laps: fc.integer({ min: 1, max: 40 }) }),
  share,
);

const rules: fc.Arbitrary<ClassificationRules> = fc.record({
  minimumDistance: distance,
  chequeredFlag: fc.constantFrom(...FLAG_RULES),
  withoutFlag: fc.constantFrom(...WITHOUT_FLAG_STATUSES),
  order: fc.constantFrom(...CLASSIFICATION_ORDERS),
  lastLapStop: fc.constantFrom(...LAST_LAP_STOPS),
});

const lines = (field: readonly FinishingCar[], r: ClassificationRules) =>
  classifyFinish(field, r, FLAG_AT).map((l) => [l.position, l.classPosition, l.car.car, l.status, l.requiredLaps]);

test('the classification never depends on the order the cars come in', () => {
  const fieldAndShuffled = cars.chain((c) =>
    fc.tuple(fc.constant(c), fc.shuffledSubarray(c, { minLength: c.length, maxLength: c.length })),
  );
  fc.assert(
    fc.property(rules, fieldAndShuffled, (r, [field, shuffled]) => {
      assert.deepEqual(lines(shuffled, r), lines(field, r));
    }),
  );
});

test('laps only: a car with more laps is never behind one with fewer, whatever its status', () => {
  fc.assert(
    fc.property(rules, cars, (r, field) => {
      const order = classifyFinish(field, { ...r, order: 'laps' }, FLAG_AT);
      assert.equal(order.length, field.length);
      order.forEach((line, i) => {
        const next = order[i + 1];
        if (next) assert.ok(line.car.laps >= next.car.laps, `#${line.car.car} ahead of #${next.car.car}`);
      });
    }),
  );
});

test('status groups: every classified car comes before every NC car, and every NC car before every Ret', () => {
  const rank = { Classified: 0, NC: 1, Ret: 2 };
  fc.assert(
    fc.property(rules, cars, (r, field) => {
      const order = classifyFinish(field, { ...r, order: 'status-groups' }, FLAG_AT).map((l) => rank[l.status]);
      assert.deepEqual(
        order,
        [...order].sort((a, b) => a - b),
      );
    }),
  );
});

test('a longer minimum distance moves exactly the classified cars short of it: NC if they took the flag', () => {
  const two = fc.tuple(share, fc.integer({ min: 0, max: 5_000 })).map(([shorter, more]) => {
    const longer = { ...shorter, percent: Math.min(100, (Math.round(shorter.percent * 100) + more) / 100) };
    return [shorter, longer] as const;
  });
  fc.assert(
    fc.property(rules, two, cars, (r, [shorter, longer], field) => {
      const before = classifyFinish(field, { ...r, minimumDistance: shorter }, FLAG_AT);
      const after = new Map(
        classifyFinish(field, { ...r, minimumDistance: longer }, FLAG_AT).map((l) => [l.car.car, l]),
      );
      assert.equal(after.size, before.length);
      for (const line of before) {
        const now = after.get(line.car.car);
        assert.ok(now);
        assert.ok(now.requiredLaps >= line.requiredLaps, 'a longer share never asks fewer laps');
        const shouldMove = line.status === 'Classified' && line.car.laps < now.requiredLaps;
        if (shouldMove) assert.equal(now.status, line.car.finished ? 'NC' : r.withoutFlag, `#${line.car.car}`);
        else assert.equal(now.status, line.status, `#${line.car.car} should not move`);
      }
    }),
  );
});
