import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClassificationRules, FinishingCar, MinimumDistance } from './classification-rules.ts';
import {
  ACO_CLASSIFICATION,
  classifyFinish,
  describeClassificationRules,
  requiredLaps,
  runningOrder,
} from './classification-rules.ts';

const LAP = 100_000;

/** A car that crossed the line `laps` times, the last at `elapsedMs`; `flag`: it took the chequered flag. */
function finisher(car: string, laps: number, flag: boolean, elapsedMs = laps * LAP, cls = 'LMP2'): FinishingCar {
  return { car, class: cls, laps, elapsedMs, finished: flag, bestLapMs: LAP };
}

// The leader takes the flag on its 10th lap, at 1 000 s.
const FLAG_AT = 10 * LAP;

const IMSA: ClassificationRules = {
  minimumDistance: { kind: 'none' },
  chequeredFlag: 'not-required',
  withoutFlag: 'Ret',
  order: 'laps',
  lastLapStop: 'Ret',
};

const shown = (lines: ReturnType<typeof classifyFinish>) => lines.map((l) => `${l.car.car} ${l.status}`);

test('the ACO rule: 70 % of the winner and the flag; classified, then NC, then Ret', () => {
  const cars = [
    finisher('R', 9, false, 5 * LAP), // stopped long before the end, more laps than the NC car
    finisher('NC', 6, true, FLAG_AT + 50_000), // took the flag with 6 laps: 70 % of 10 is 7
    finisher('B', 7, true, FLAG_AT + 20_000),
    finisher('A', 10, true, FLAG_AT),
  ];
  const lines = classifyFinish(cars, ACO_CLASSIFICATION, FLAG_AT);
  assert.deepEqual(shown(lines), ['A Classified', 'B Classified', 'NC NC', 'R Ret']);
  assert.deepEqual(
    lines.map((l) => [l.position, l.classPosition, l.requiredLaps]),
    [
      [1, 1, 7],
      [2, 2, 7],
      [3, 3, 7],
      [4, 4, 7],
    ],
  );
});

test('IMSA: every car by laps, running at the end or not (Sebring 2025: #40 ahead of cars with fewer laps)', () => {
  const cars = [
    finisher('22', 342, true, 43_295_329),
    finisher('40', 345, false, 42_786_100), // stopped 497 s before the flag
    finisher('99', 346, true, 43_286_747),
    finisher('023', 24, false, 3_154_201),
  ];
  const lines = classifyFinish(cars, IMSA, 43_283_265);
  assert.deepEqual(shown(lines), ['99 Classified', '40 Classified', '22 Classified', '023 Classified']);
  // The same cars under the ACO's rule: #40 and #023 retired, after every classified car.
  assert.deepEqual(shown(classifyFinish(cars, ACO_CLASSIFICATION, 43_283_265)), [
    '99 Classified',
    '22 Classified',
    '40 Ret',
    '023 Ret',
  ]);
});

test('how a share is rounded: up (at least the share), down, or to the nearest lap', () => {
  const share = (percent: number, rounding: 'up' | 'down' | 'nearest'): MinimumDistance => ({
    kind: 'share',
    percent,
    of: 'overall-winner',
    rounding,
  });
  // 70 % of Le Mans 2024's 311 laps is 217.7.
  assert.equal(requiredLaps(share(70, 'up'), 311), 218);
  assert.equal(requiredLaps(share(70, 'down'), 311), 217);
  assert.equal(requiredLaps(share(70, 'nearest'), 311), 218);
  // 50 % of 7 is 3.5: halves go up to the nearest lap.
  assert.deepEqual(
    (['up', 'down', 'nearest'] as const).map((r) => requiredLaps(share(50, r), 7)),
    [4, 3, 4],
  );
  // Exact: 70 % of 10 is 7 (0.7 * 10 in floating point is not), 66.67 % of 3 is just over 2.
  assert.equal(requiredLaps(share(70, 'up'), 10), 7);
  assert.equal(requiredLaps(share(66.67, 'up'), 3), 3);
  assert.equal(requiredLaps(share(66.67, 'nearest'), 3), 2);
  assert.equal(requiredLaps({ kind: 'laps', laps: 5 }, 311), 5);
  assert.equal(requiredLaps({ kind: 'none' }, 311), 0);
});

test("a share of the class winner's laps: a GT car is measured against the GT winner", () => {
  const cars = [
    finisher('P', 10, true, FLAG_AT),
    finisher('G1', 8, true, FLAG_AT + 1, 'GT'),
    finisher('G2', 4, true, FLAG_AT + 2, 'GT'),
  ];
  const half = (of: 'overall-winner' | 'class-winner'): ClassificationRules => ({
    ...ACO_CLASSIFICATION,
    minimumDistance: { kind: 'share', percent: 50, of, rounding: 'up' },
  });
  assert.deepEqual(shown(classifyFinish(cars, half('class-winner'), FLAG_AT)), [
    'P Classified',
    'G1 Classified',
    'G2 Classified',
  ]);
  assert.deepEqual(shown(classifyFinish(cars, half('overall-winner'), FLAG_AT)), [
    'P Classified',
    'G1 Classified',
    'G2 NC',
  ]);
  // Class positions count every line of the class.
  assert.deepEqual(
    classifyFinish(cars, half('overall-winner'), FLAG_AT).map((l) => [l.car.car, l.classPosition]),
    [
      ['P', 1],
      ['G1', 1],
      ['G2', 2],
    ],
  );
});

test('a number of laps: a club classifying every car that took the flag after 5 laps', () => {
  const rules: ClassificationRules = { ...ACO_CLASSIFICATION, minimumDistance: { kind: 'laps', laps: 5 } };
  const cars = [finisher('A', 10, true), finisher('B', 5, true, FLAG_AT + 1), finisher('C', 4, true, FLAG_AT + 2)];
  assert.deepEqual(shown(classifyFinish(cars, rules, FLAG_AT)), ['A Classified', 'B Classified', 'C NC']);
});

test('the winner is the leader among the cars that may be classified, not a retired car with more laps', () => {
  // R led with 12 laps and stopped; A won with 10. 70 % of 10 is 7, so B (7 laps) is classified.
  const cars = [
    finisher('R', 12, false, 8 * LAP),
    finisher('A', 10, true, FLAG_AT),
    finisher('B', 7, true, FLAG_AT + 1),
  ];
  const lines = classifyFinish(cars, ACO_CLASSIFICATION, FLAG_AT);
  assert.deepEqual(shown(lines), ['A Classified', 'B Classified', 'R Ret']);
  assert.equal(lines[1]?.requiredLaps, 7);
});

test('laps only, flag required: a retired car keeps its place by laps among the finishers', () => {
  const rules: ClassificationRules = { ...ACO_CLASSIFICATION, order: 'laps' };
  const cars = [
    finisher('A', 10, true, FLAG_AT),
    finisher('R', 9, false, 6 * LAP),
    finisher('NC', 6, true, FLAG_AT + 1),
  ];
  assert.deepEqual(shown(classifyFinish(cars, rules, FLAG_AT)), ['A Classified', 'R Ret', 'NC NC']);
});

test('a car that stopped on track on its last lap: Ret, NC or classified, as the rule says', () => {
  // S crossed 60 s before the flag (its laps take 100 s): it was on its last lap and never finished it.
  // E stopped seven laps' time before the flag: retired whatever the rule.
  const cars = [
    finisher('A', 10, true, FLAG_AT),
    finisher('S', 9, false, FLAG_AT - 60_000),
    finisher('B', 8, true, FLAG_AT + 30_000),
    finisher('E', 3, false, 3 * LAP),
  ];
  const withStop = (lastLapStop: ClassificationRules['lastLapStop']) =>
    shown(classifyFinish(cars, { ...ACO_CLASSIFICATION, lastLapStop }, FLAG_AT));
  assert.deepEqual(withStop('Ret'), ['A Classified', 'B Classified', 'S Ret', 'E Ret']);
  assert.deepEqual(withStop('NC'), ['A Classified', 'B Classified', 'S NC', 'E Ret']);
  assert.deepEqual(withStop('classified'), ['A Classified', 'S Classified', 'B Classified', 'E Ret']);
  const stopped = classifyFinish(cars, ACO_CLASSIFICATION, FLAG_AT).filter((l) => l.stoppedOnLastLap);
  assert.deepEqual(
    stopped.map((l) => l.car.car),
    ['S'],
  );
  // Classified on its laps, but still short of the distance: retired (it did not take the flag).
  const short = [finisher('A', 10, true, FLAG_AT), finisher('S', 5, false, FLAG_AT - 60_000)];
  assert.deepEqual(shown(classifyFinish(short, { ...ACO_CLASSIFICATION, lastLapStop: 'classified' }, FLAG_AT)), [
    'A Classified',
    'S Ret',
  ]);
});

test('without the flag NC, as the ALMS and ELMS sheets print it: one group of unclassified cars, by laps', () => {
  const rules: ClassificationRules = { ...ACO_CLASSIFICATION, withoutFlag: 'NC', lastLapStop: 'NC' };
  const cars = [
    finisher('A', 10, true, FLAG_AT),
    finisher('R', 9, false, 5 * LAP), // stopped: NC, but with more laps than the short finisher
    finisher('S', 6, true, FLAG_AT + 1), // took the flag short of 7 laps
    finisher('B', 7, true, FLAG_AT + 2),
  ];
  assert.deepEqual(shown(classifyFinish(cars, rules, FLAG_AT)), ['A Classified', 'B Classified', 'R NC', 'S NC']);
  // Short of the distance without the flag, where the flag is not needed: as withoutFlag says.
  const short = [finisher('A', 10, true, FLAG_AT), finisher('R', 2, false, 2 * LAP)];
  const imsaAtHalf: ClassificationRules = {
    ...IMSA,
    minimumDistance: { kind: 'share', percent: 50, of: 'overall-winner', rounding: 'up' },
  };
  assert.deepEqual(shown(classifyFinish(short, imsaAtHalf, FLAG_AT)), ['A Classified', 'R Ret']);
  assert.deepEqual(shown(classifyFinish(short, { ...imsaAtHalf, withoutFlag: 'NC' }, FLAG_AT)), [
    'A Classified',
    'R NC',
  ]);
});

test('no minimum distance and no flag needed: a sim league classifies every car', () => {
  const cars = [finisher('A', 10, true), finisher('B', 1, false, LAP), finisher('C', 0, false, 0)];
  assert.deepEqual(shown(classifyFinish(cars, IMSA, FLAG_AT)), ['A Classified', 'B Classified', 'C Classified']);
});

test('while the race runs: every car classified, by laps then who completed them first', () => {
  const cars = [finisher('1', 1, false, 100_000), finisher('2', 1, false, 99_000), finisher('3', 2, false, 210_000)];
  assert.deepEqual(
    runningOrder(cars).map((l) => [l.car.car, l.position, l.status]),
    [
      ['3', 1, 'Classified'],
      ['2', 2, 'Classified'],
      ['1', 3, 'Classified'],
    ],
  );
});

test('the rule in a sentence', () => {
  assert.equal(
    describeClassificationRules(ACO_CLASSIFICATION),
    "Classified: 70 % of the overall winner's laps (rounded up), and the chequered flag; a car short of it is NC if " +
      'it took the flag; one that did not take the flag is Ret; one that stopped on track on its last lap is Ret too; ' +
      'classified cars first, then NC, then Ret, each by laps.',
  );
  assert.equal(
    describeClassificationRules(IMSA),
    'Classified: no minimum distance, whether or not it took the chequered flag; every car ranked by laps, whatever ' +
      'its status.',
  );
  assert.equal(
    describeClassificationRules({ ...IMSA, minimumDistance: { kind: 'laps', laps: 3 } }),
    'Classified: at least 3 laps, whether or not it took the chequered flag; a car short of it is NC if it took the ' +
      'flag, Ret if not; every car ranked by laps, whatever its status.',
  );
  assert.match(
    describeClassificationRules({ ...ACO_CLASSIFICATION, withoutFlag: 'NC', lastLapStop: 'NC' }),
    /one that did not take the flag is NC; one that stopped on track on its last lap is NC too;/,
  );
  assert.match(
    describeClassificationRules({
      ...ACO_CLASSIFICATION,
      minimumDistance: { kind: 'share', percent: 50, of: 'class-winner', rounding: 'nearest' },
      lastLapStop: 'classified',
    }),
    /^Classified: 50 % of the class winner's laps \(rounded to the nearest lap\), .* on its last lap is classified on the laps it completed;/,
  );
});
