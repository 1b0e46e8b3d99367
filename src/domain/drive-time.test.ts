import { test } from 'node:test';
import assert from 'node:assert/strict';
import { driveTimes } from './drive-time.ts';
import type { DrivenLap } from './drive-time.ts';
import { checkDriveTimes, rulesForClass } from './drive-time-rules.ts';
import type { DriveTimeRuleBook } from './drive-time-rules.ts';

const MIN = 60_000;

/** A car's laps from a compact script: each letter one lap of that driver, `|` a pit stop. */
function laps(car: string, script: string, lapTimeMs = 2 * MIN, pitTimeMs = MIN): DrivenLap[] {
  const result: DrivenLap[] = [];
  let pitNext = false;
  for (const c of script) {
    if (c === '|') {
      pitNext = true;
      continue;
    }
    const pit = pitNext ? pitTimeMs : 0;
    result.push({
      car,
      driverName: c,
      driverNumber: 'ABC'.indexOf(c) + 1,
      lap: result.length + 1,
      lapTimeMs: lapTimeMs + pit,
      ...(pitNext && { pitTimeMs }),
    });
    pitNext = false;
  }
  return result;
}

test('stints end when the driver changes, not at a stop where the driver stays in', () => {
  const [car] = driveTimes(laps('7', 'AAA|AA|BB|A'));
  assert.deepEqual(car, {
    car: '7',
    drivers: [
      {
        driver: 'A',
        driveTimeMs: 6 * 2 * MIN + 2 * MIN,
        stints: [
          { fromLap: 1, toLap: 5, driveTimeMs: 5 * 2 * MIN + MIN },
          { fromLap: 8, toLap: 8, driveTimeMs: 2 * MIN + MIN },
        ],
      },
      // B gets in at the stop: the out-lap, stop included, is B's.
      {
        driver: 'B',
        driveTimeMs: 2 * 2 * MIN + MIN,
        stints: [{ fromLap: 6, toLap: 7, driveTimeMs: 2 * 2 * MIN + MIN }],
      },
    ],
  });
});

test('pit time counted: the drivers add up to the race time; excluded: the stops come off', () => {
  const script = 'AA|BB|CC|AA';
  const counted = driveTimes(laps('7', script));
  const total = laps('7', script).reduce((sum, l) => sum + l.lapTimeMs, 0);
  assert.equal(
    counted[0]?.drivers.reduce((sum, d) => sum + d.driveTimeMs, 0),
    total,
  );
  const excluded = driveTimes(laps('7', script), 'excluded');
  assert.deepEqual(
    excluded[0]?.drivers.map((d) => [d.driver, d.driveTimeMs]),
    [
      ['A', 4 * 2 * MIN],
      ['B', 2 * 2 * MIN],
      ['C', 2 * 2 * MIN],
    ],
  );
});

test('cars in number order, drivers in crew order whatever the order of the laps', () => {
  const all = [...laps('10', 'BA'), ...laps('2', 'CB'), ...laps('007', 'A'), ...laps('7', 'A')].reverse();
  const cars = driveTimes(all);
  assert.deepEqual(
    cars.map((c) => c.car),
    ['2', '007', '7', '10'],
  );
  assert.deepEqual(
    cars.map((c) => c.drivers.map((d) => d.driver)),
    [['B', 'C'], ['A'], ['A'], ['A', 'B']],
  );
});

const BOOK: DriveTimeRuleBook = {
  pitTime: 'counted',
  default: { maxPerDriverMs: 10 * MIN, maxStintMs: 6 * MIN },
  classes: { GT: { minPerDriverMs: { Bronze: 5 * MIN } } },
};

test('a class inherits the defaults field by field', () => {
  assert.deepEqual(rulesForClass(BOOK, 'GT'), {
    maxPerDriverMs: 10 * MIN,
    maxStintMs: 6 * MIN,
    minPerDriverMs: { Bronze: 5 * MIN },
  });
  assert.deepEqual(rulesForClass(BOOK, 'LMP2'), BOOK.default);
});

test('infringements: over the maximum, a stint too long, a Bronze short of the minimum', () => {
  // A drives laps 1-4 and 7-8 of 2 min (12 min, the first stint 8 min); B, Bronze, 2 laps (4 min).
  const cars = driveTimes(laps('7', 'AAAABBAA'));
  const found = checkDriveTimes(cars, {
    rulesOf: () => rulesForClass(BOOK, 'GT'),
    ratingOf: (_car, driver) => (driver === 'B' ? 'Bronze' : 'Gold'),
  });
  assert.deepEqual(found, [
    { car: '7', driver: 'A', rule: 'maxPerDriver', limitMs: 10 * MIN, actualMs: 12 * MIN, excessMs: 2 * MIN },
    {
      car: '7',
      driver: 'A',
      rule: 'maxStint',
      limitMs: 6 * MIN,
      actualMs: 8 * MIN,
      excessMs: 2 * MIN,
      fromLap: 1,
      toLap: 4,
    },
    { car: '7', driver: 'B', rule: 'minPerDriver', limitMs: 5 * MIN, actualMs: 4 * MIN, excessMs: MIN },
  ]);
});

test('no minimum for a car that did not take the flag, none per rating for an unknown rating', () => {
  const cars = driveTimes(laps('7', 'AB'));
  const rules = { minPerDriverMs: { Bronze: 5 * MIN } };
  assert.deepEqual(checkDriveTimes(cars, { rulesOf: () => rules, ratingOf: () => undefined }), []);
  const bronze = { rulesOf: () => rules, ratingOf: () => 'Bronze' as const };
  assert.equal(checkDriveTimes(cars, bronze).length, 2);
  assert.deepEqual(checkDriveTimes(cars, { ...bronze, tookFlag: () => false }), []);
});
