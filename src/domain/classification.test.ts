import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resultLabel, scoreClassRound } from './classification.ts';
import { buildSeason, car, line, race } from '../../test/support/season-builder.ts';

const entries = [
  car('1', 'LMP2', ['A']),
  car('2', 'LMP2', ['B']),
  car('3', 'LMP2', ['C']),
  car('7', 'GT', ['G']),
  car('8', 'GT', ['H']),
];

test('class positions come from the overall order, counting only classified cars of the class', () => {
  const season = buildSeason({
    entries,
    races: [race(1, [line('1'), line('7'), line('2', 'Ret'), line('3'), line('8', 'NC')])],
  });
  const lmp2 = scoreClassRound(season, season.races[0]!, 'LMP2').outcomes;
  assert.deepEqual(lmp2.map(resultLabel), ['1', 'Ret', '2']);
  assert.deepEqual(
    lmp2.map((o) => o.points),
    [25_000, 0, 18_000],
  );
  const gt = scoreClassRound(season, season.races[0]!, 'GT').outcomes;
  assert.deepEqual(gt.map(resultLabel), ['1', 'NC']);
  assert.deepEqual(
    gt.map((o) => o.points),
    [25_000, 0],
  );
});

test('the pole point goes to the pole car even when it retires or does not start', () => {
  const season = buildSeason({
    entries,
    races: [race(1, [line('2'), line('1', 'Ret'), line('7', 'DNS')], { LMP2: '1', GT: '7' })],
  });
  const lmp2 = scoreClassRound(season, season.races[0]!, 'LMP2').outcomes;
  assert.deepEqual(
    lmp2.map((o) => [o.car, o.pole, o.points]),
    [
      ['2', false, 25_000],
      ['1', true, 1_000],
    ],
  );
  const gt = scoreClassRound(season, season.races[0]!, 'GT').outcomes;
  assert.deepEqual(
    gt.map((o) => [o.car, o.pole, o.points]),
    [['7', true, 1_000]],
  );
});

test('an ineligible car is classified but skipped: the next eligible car takes its points and pole', () => {
  const season = buildSeason({
    entries: [car('23', 'LMP2', ['U'], { eligible: false }), car('2', 'LMP2', ['N']), car('3', 'LMP2', ['M'])],
    races: [race(1, [line('23'), line('2'), line('3')], { LMP2: ['23', '2'] })],
  });
  const outcomes = scoreClassRound(season, season.races[0]!, 'LMP2').outcomes;
  assert.deepEqual(
    outcomes.map((o) => [resultLabel(o), o.pole, o.points]),
    [
      ['1', false, 0],
      ['2', true, 26_000],
      ['3', false, 18_000],
    ],
  );
});

test('a pole with no classification yet (qualifying done, race not run) still scores', () => {
  const season = buildSeason({ entries, rounds: 2, races: [race(2, undefined, { LMP2: '3' })] });
  const outcomes = scoreClassRound(season, season.races[0]!, 'LMP2').outcomes;
  assert.deepEqual(
    outcomes.map((o) => [o.car, resultLabel(o), o.points]),
    [['3', null, 1_000]],
  );
});

test('cars of a class also classified in another count in both', () => {
  const season = buildSeason({
    classes: ['GT', { id: 'GT Am', name: 'GT Am', alsoClassifiedIn: ['GT'] }],
    entries: [car('7', 'GT', ['G']), car('16', 'GT Am', ['L'])],
    races: [race(1, [line('16'), line('7')], { GT: '7', 'GT Am': '16' })],
  });
  const gt = scoreClassRound(season, season.races[0]!, 'GT').outcomes;
  assert.deepEqual(
    gt.map((o) => [o.car, resultLabel(o), o.points]),
    [
      ['16', '1', 25_000],
      ['7', '2', 19_000],
    ],
  );
  const am = scoreClassRound(season, season.races[0]!, 'GT Am').outcomes;
  assert.deepEqual(
    am.map((o) => [o.car, resultLabel(o), o.points]),
    [['16', '1', 26_000]],
  );
});

test('statuses that score are data: a series may pay NC cars', () => {
  const season = buildSeason({
    entries,
    points: { scoringStatuses: ['Classified', 'NC'] },
    races: [race(1, [line('1'), line('2', 'NC')])],
  });
  const outcomes = scoreClassRound(season, season.races[0]!, 'LMP2').outcomes;
  assert.deepEqual(
    outcomes.map((o) => [resultLabel(o), o.points]),
    [
      ['1', 25_000],
      ['NC', 18_000],
    ],
  );
});

test('crews: the drivers listed, or everyone entered for the round', () => {
  const season = buildSeason({
    rounds: 2,
    entries: [
      {
        ...car('26', 'LMP2', []),
        drivers: [
          { name: 'R', rounds: 'all' },
          { name: 'F', rounds: 'all' },
          { name: 'H', rounds: [2] },
        ],
      },
    ],
    races: [race(1, [line('26')]), race(2, [line('26', 'Classified', ['R', 'H'])])],
  });
  assert.deepEqual(scoreClassRound(season, season.races[0]!, 'LMP2').outcomes[0]!.crew, ['R', 'F']);
  assert.deepEqual(scoreClassRound(season, season.races[1]!, 'LMP2').outcomes[0]!.crew, ['R', 'H']);
});
