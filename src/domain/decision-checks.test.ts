import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DecisionDraft } from './decision-checks.ts';
import { checkDecision, DECISION_LIMITS } from './decision-checks.ts';
import type { StewardDecision } from './decisions.ts';
import { buildSeason, car, race } from '../../test/support/season-builder.ts';

const timed = (number: string, laps: number, totalTimeMs: number) => ({
  car: number,
  status: 'Classified' as const,
  laps,
  totalTimeMs,
});

// Round 1 raced with times; round 2 from a results sheet (no times); round 3 not raced. #9 never started.
const season = buildSeason({
  rounds: 3,
  entries: [
    car('1', 'LMP2', ['Ann', 'Bea']),
    car('2', 'LMP2', ['Cid']),
    car('7', 'GT', ['Gus']),
    car('9', 'GT', ['Ida']),
  ],
  races: [
    race(1, [timed('1', 100, 1_000_000), timed('2', 99, 1_010_000), timed('7', 95, 1_005_000)]),
    race(2, [
      { car: '2', status: 'Classified' },
      { car: '1', status: 'Classified' },
    ]),
  ],
});

const issued = (d: Partial<StewardDecision> & Pick<StewardDecision, 'id' | 'kind'>): StewardDecision =>
  ({ round: 1, reason: 'r', by: 'S', at: '2019-11-24T12:00:00Z', ...d }) as StewardDecision;
const dsq = issued({ id: 'r1-dsq', kind: 'disqualification', car: '2' });
const dsqRound2 = issued({ id: 'r2-dsq', kind: 'disqualification', car: '2', round: 2 });
const reversed = issued({ id: 'r1-ex', kind: 'exclusion', car: '7' });
const reversal = issued({ id: 'r1-rev', kind: 'reversal', reverses: 'r1-ex' });
const history = [dsq, dsqRound2, reversed, reversal];

const check = (draft: Omit<DecisionDraft, 'round' | 'reason'> & { round?: number; reason?: string }) =>
  checkDecision(season, history, { round: 1, reason: 'Stewards report', ...draft });

/** `field code` of each problem, in order. */
function problems(draft: Parameters<typeof check>[0]): string[] {
  const result = check(draft);
  return result.ok ? [] : result.error.map((p) => `${p.path[0]} ${p.code}`);
}

test('a well-formed decision of each kind passes, with only the fields of its kind', () => {
  const cases: Parameters<typeof check>[0][] = [
    { kind: 'time-penalty', car: '1', timeMs: 51_075, laps: 3, positions: 4 },
    { kind: 'time-penalty', car: '1', timeMs: 0, laps: 1 },
    { kind: 'drop-positions', car: '2', positions: 1 },
    { kind: 'disqualification', car: '7' },
    { kind: 'exclusion', car: '1', regulation: 'Art. 10.3' },
    { kind: 'points-deduction', class: 'LMP2', car: '1', driver: 'Bea', points: 5.5 },
    { kind: 'points-deduction', class: 'GT', driver: 'Ida', points: 0.001 },
    { kind: 'reversal', reverses: 'r1-dsq' },
  ];
  for (const draft of cases) assert.deepEqual(problems(draft), [], JSON.stringify(draft));
  const penalty = check({ kind: 'time-penalty', car: '1', timeMs: 51_075, laps: 3, positions: 4, class: 'GT' });
  assert.ok(penalty.ok);
  assert.deepEqual(penalty.value, {
    round: 1,
    reason: 'Stewards report',
    kind: 'time-penalty',
    car: '1',
    timeMs: 51_075,
    laps: 3,
  });
});

test('points deductions: only positive, bounded, in thousandths, for a car and driver of that class', () => {
  const deduction = (points: number, more: Partial<DecisionDraft> = {}) =>
    problems({ kind: 'points-deduction', class: 'LMP2', car: '1', points, ...more });
  for (const points of [-1000, -1, 0, 1e300, DECISION_LIMITS.points + 1, 0.0001, NaN, Infinity]) {
    assert.deepEqual(deduction(points), ['points out-of-range'], String(points));
  }
  assert.deepEqual(deduction(DECISION_LIMITS.points), []);
  assert.deepEqual(deduction(5, { car: undefined, driver: 'Nobody' }), ['driver unknown-driver']);
  assert.deepEqual(deduction(5, { car: undefined, driver: 'Gus' }), ['driver unknown-driver'], 'a GT driver');
  assert.deepEqual(deduction(5, { driver: 'Cid' }), ['driver driver-not-in-crew'], "in #2's crew, not #1's");
  assert.deepEqual(deduction(5, { car: '7' }), ['car car-not-in-class']);
  assert.deepEqual(deduction(5, { car: '99' }), ['car unknown-car']);
  assert.deepEqual(deduction(5, { class: 'LMP9' }), ['class unknown-class']);
  assert.deepEqual(deduction(5, { car: undefined }), ['car required']);
  assert.deepEqual(problems({ kind: 'points-deduction', car: '1' }), ['points required', 'class required']);
});

test('positions, laps and time: whole numbers in range, laps no more than the car completed', () => {
  for (const positions of [-2, 0, 1.5, DECISION_LIMITS.positions + 1, 1e300]) {
    assert.deepEqual(problems({ kind: 'drop-positions', car: '1', positions }), ['positions out-of-range']);
  }
  assert.deepEqual(problems({ kind: 'drop-positions', car: '1' }), ['positions required']);
  for (const laps of [0, -1, 2.5, 101]) {
    assert.deepEqual(problems({ kind: 'time-penalty', car: '1', timeMs: 1000, laps }), ['laps out-of-range']);
  }
  for (const timeMs of [0, -5000, 0.5, DECISION_LIMITS.timeMs + 1, 1e303]) {
    assert.deepEqual(problems({ kind: 'time-penalty', car: '1', timeMs }), ['timeMs out-of-range'], `${timeMs}`);
  }
  assert.deepEqual(problems({ kind: 'time-penalty', car: '1', timeMs: DECISION_LIMITS.timeMs }), []);
  const sheet = check({ kind: 'time-penalty', car: '1', timeMs: 5000, laps: 1, round: 2 });
  assert.ok(!sheet.ok);
  assert.deepEqual(
    sheet.error.map((p) => `${p.path[0]} ${p.code}`),
    ['car no-race-time', 'laps no-race-time'],
  );
  assert.match(sheet.error[0]!.message, /import the timing classification first/);
});

test('the car must be entered, and have taken part in the round', () => {
  assert.deepEqual(problems({ kind: 'disqualification', car: '99' }), ['car unknown-car']);
  assert.deepEqual(problems({ kind: 'disqualification', car: '9' }), ['car car-not-in-race']);
  assert.deepEqual(problems({ kind: 'exclusion' }), ['car required']);
  assert.deepEqual(problems({ kind: 'disqualification', car: '1', round: 3 }), ['round no-classification']);
  assert.deepEqual(problems({ kind: 'disqualification', car: '1', round: 12 }), ['round no-classification']);
});

test('a reversal cancels a decision of this round, in force, once', () => {
  assert.deepEqual(problems({ kind: 'reversal', reverses: 'r1-ex' }), ['reverses already-reversed']);
  assert.deepEqual(problems({ kind: 'reversal', reverses: 'r1-rev' }), ['reverses reverses-a-reversal']);
  assert.deepEqual(problems({ kind: 'reversal', reverses: 'r2-dsq' }), ['reverses other-round']);
  assert.deepEqual(problems({ kind: 'reversal', reverses: 'nope' }), ['reverses unknown-decision']);
  assert.deepEqual(problems({ kind: 'reversal' }), ['reverses required']);
  const again = check({ kind: 'reversal', reverses: 'r1-ex' });
  assert.ok(!again.ok);
  assert.equal(again.error[0]!.message, 'r1-ex was already reversed by r1-rev');
});

test('text a database cannot store, or a page cannot show, is refused field by field', () => {
  assert.deepEqual(problems({ kind: 'exclusion', car: '1', reason: 'a\u0000b' }), ['reason bad-character']);
  assert.deepEqual(problems({ kind: 'exclusion', car: '1', reason: 'lone \ud800' }), ['reason bad-character']);
  assert.deepEqual(problems({ kind: 'exclusion', car: '1', reason: 'line one\nline two\ttab' }), []);
  assert.deepEqual(problems({ kind: 'exclusion', car: '1', regulation: 'Art.\u001b[2J' }), [
    'regulation bad-character',
  ]);
  // One problem for the car: its bad character, not also "not in the entry list".
  assert.deepEqual(problems({ kind: 'exclusion', car: '1\u0000' }), ['car bad-character']);
  assert.deepEqual(problems({ kind: 'points-deduction', class: 'LMP2', driver: 'Ann\u0000', points: 1 }), [
    'driver bad-character',
  ]);
  const result = check({ kind: 'exclusion', car: '1', reason: 'abc\u0000' });
  assert.ok(!result.ok);
  assert.equal(result.error[0]!.message, 'holds a control character (U+0000) at character 4');
});

test('every problem at once, each with its field; a long input is quoted in part', () => {
  const long = 'X'.repeat(5000);
  const result = check({ kind: 'drop-positions', car: long, positions: -1, reason: ' ', round: 1 });
  assert.ok(!result.ok);
  assert.deepEqual(
    result.error.map((p) => `${p.path[0]} ${p.code}`),
    ['reason required', 'car unknown-car', 'positions out-of-range'],
  );
  assert.ok(result.error[1]!.message.length < 120, result.error[1]!.message);
  assert.deepEqual(problems({ kind: 'fine' }), ['kind unknown-kind']);
  assert.deepEqual(problems({ kind: 'exclusion', car: '1', reason: 'x'.repeat(DECISION_LIMITS.reasonLength + 1) }), [
    'reason too-long',
  ]);
});

test('whatever the numbers, a decision that passes is one the standings can apply', () => {
  const number = fc.oneof(fc.double(), fc.integer({ min: -200, max: 200 }), fc.constantFrom(1e300, -0, 0.5));
  fc.assert(
    fc.property(fc.constantFrom('time-penalty', 'drop-positions', 'points-deduction'), number, number, (kind, a, b) => {
      const result = check({ kind, car: '1', class: 'LMP2', timeMs: a, laps: b, positions: a, points: a });
      if (!result.ok) return;
      const d = result.value;
      if (d.kind === 'time-penalty') {
        assert.ok(Number.isInteger(d.timeMs) && d.timeMs >= 0 && d.timeMs <= DECISION_LIMITS.timeMs);
        assert.ok(d.laps === undefined || (Number.isInteger(d.laps) && d.laps >= 1 && d.laps <= 100));
      }
      if (d.kind === 'drop-positions') assert.ok(Number.isInteger(d.positions) && d.positions >= 1);
      if (d.kind === 'points-deduction') assert.ok(d.points > 0 && d.points <= DECISION_LIMITS.points);
    }),
  );
});
