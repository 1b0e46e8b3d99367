import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPoles, withPoles } from './poles.ts';
import { buildSeason, car, line, race } from '../../test/support/season-builder.ts';

const season = buildSeason({
  classes: ['LMP2', 'GT', { id: 'GT Am', name: 'GT Am', alsoClassifiedIn: ['GT'] }],
  rounds: 3,
  entries: [
    car('22', 'LMP2', ['A']),
    car('26', 'LMP2', ['B']),
    car('7', 'GT', ['C']),
    car('8', 'GT Am', ['D']),
    // Joins at round 3.
    { ...car('99', 'LMP2', []), drivers: [{ name: 'E', rounds: [3] }] },
  ],
  races: [race(1, [line('22'), line('26'), line('7'), line('8')], { LMP2: '26', GT: '7' })],
});

test('poles of cars entered for the round in that class are accepted, other classes kept', () => {
  const checked = checkPoles(season, 1, [{ class: 'LMP2', cars: ['22'] }]);
  assert.ok(checked.ok);
  const updated = withPoles(season, 1, checked.value);
  assert.deepEqual(updated.races[0]?.poles, { LMP2: ['22'], GT: ['7'] });
  assert.deepEqual(updated.races[0]?.classification, season.races[0]?.classification, 'the results stay');
  // A round not run yet gets a race with its poles and no classification.
  const later = withPoles(season, 3, [{ class: 'LMP2', cars: ['99', '26'] }]);
  assert.deepEqual(
    later.races.map((r) => [r.round, r.poles, r.classification]),
    [
      [1, { LMP2: ['26'], GT: ['7'] }, season.races[0]?.classification],
      [3, { LMP2: ['99', '26'] }, undefined],
    ],
  );
  // A GT Am car is also classified in GT, so it may hold the GT pole.
  assert.ok(checkPoles(season, 1, [{ class: 'GT', cars: ['8'] }]).ok);
});

test('every problem at once, each at its place in the request', () => {
  const checked = checkPoles(season, 1, [
    { class: 'LMP3', cars: ['22'] },
    { class: 'LMP2', cars: ['7'] },
    { class: 'GT Am', cars: ['404'] },
    { class: 'LMP2', cars: ['99', '22', '22'] },
    { class: 'GT', cars: [] },
  ]);
  assert.ok(!checked.ok);
  assert.deepEqual(
    checked.error.map((i) => [i.code, i.path.join('.')]),
    [
      ['unknown-class', 'poles.0.class'],
      ['wrong-class', 'poles.1.car'],
      ['unknown-car', 'poles.2.car'],
      ['duplicate-class', 'poles.3.class'],
      ['not-entered', 'poles.3.cars.0'],
      ['duplicate-car', 'poles.3.cars.2'],
      ['empty', 'poles.4.car'],
    ],
  );
  assert.equal(checked.error[4]?.message, 'car #99 is not entered for round 1');
  const noRound = checkPoles(season, 4, [{ class: 'LMP2', cars: ['22'] }]);
  assert.ok(!noRound.ok);
  assert.equal(noRound.error[0]?.message, 'test-season has no round 4 (rounds are 1, 2, 3)');
});
