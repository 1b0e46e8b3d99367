import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromMilli, polePoints, positionPoints, scaleFor, toMilli } from './points.ts';
import { ALMS_POINTS } from '../../test/support/season-builder.ts';

test('the scale pays its positions, then otherClassified beyond them', () => {
  assert.equal(positionPoints(ALMS_POINTS, 1, 1), 25_000);
  assert.equal(positionPoints(ALMS_POINTS, 10, 1), 1_000);
  assert.equal(positionPoints(ALMS_POINTS, 11, 1), 500);
  assert.equal(positionPoints(ALMS_POINTS, 40, 1), 500);
});

test('a round multiplier scales position points and otherClassified, not the pole', () => {
  assert.equal(positionPoints(ALMS_POINTS, 1, 0.5), 12_500);
  assert.equal(positionPoints(ALMS_POINTS, 12, 0.5), 250); // ELMS Spa 2018: 0.5 became 0.25
  assert.equal(positionPoints(ALMS_POINTS, 2, 2), 36_000);
  assert.equal(polePoints(ALMS_POINTS), 1_000);
});

test('per-class overrides replace only the fields they give', () => {
  const system = { ...ALMS_POINTS, classes: { LMP3: { positions: [10, 5], pole: 0 } } };
  const lmp3 = scaleFor(system, 'LMP3');
  assert.deepEqual(lmp3.positions, [10, 5]);
  assert.equal(lmp3.pole, 0);
  assert.equal(lmp3.otherClassified, 0.5);
  assert.deepEqual(scaleFor(system, 'GT').positions, ALMS_POINTS.positions);
});

test('thousandths keep sums of halves exact', () => {
  const sum = Array.from({ length: 7 }, () => toMilli(0.1)).reduce((a, b) => a + b, 0);
  assert.equal(fromMilli(sum), 0.7);
  assert.equal(fromMilli(toMilli(26.5)), 26.5);
});
