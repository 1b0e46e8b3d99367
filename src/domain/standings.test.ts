import { test } from 'node:test';
import assert from 'node:assert/strict';
import { driverStandings, teamStandings } from './standings.ts';
import type { StandingsTable } from './standings.ts';
import { buildSeason, car, line, race } from '../../test/support/season-builder.ts';

/** The example season of the season-file issue, built directly. */
const example = buildSeason({
  rounds: 2,
  classes: ['LMP2', 'GT'],
  entries: [
    {
      ...car('26', 'LMP2', []),
      team: 'G-Drive Racing with Algarve',
      drivers: [
        { name: 'Roman Rusinov', nationality: 'RUS', rating: 'Gold', rounds: 'all' },
        { name: 'James French', nationality: 'USA', rating: 'Silver', rounds: 'all' },
        { name: 'Leonard Hoogenboom', nationality: 'NLD', rating: 'Silver', rounds: [2] },
      ],
    },
    { ...car('45', 'LMP2', ['Jack Manchester', 'Harry Tincknell']), team: 'Thunderhead Carlin Racing' },
    { ...car('7', 'GT', ['Takeshi Kimura']), team: 'Car Guy Racing' },
  ],
  races: [
    race(1, [line('26'), line('45'), line('7', 'Ret')], { LMP2: '45', GT: '7' }),
    race(2, [line('45'), line('26', 'Classified', ['Roman Rusinov', 'Leonard Hoogenboom'])], { LMP2: '45' }),
  ],
});

const summary = (table: StandingsTable) =>
  table.rows.map((r) => [r.position, r.kind === 'teams' ? r.car : r.driver, r.points]);

test('example: LMP2 teams, #45 45 (18+1+25+1) ahead of #26 43 (25+18)', () => {
  const table = teamStandings(example, 'LMP2');
  assert.deepEqual(summary(table), [
    [1, '45', 45_000],
    [2, '26', 43_000],
  ]);
  assert.deepEqual(
    table.rows[0]!.rounds.map((c) => [c.result, c.pole, c.points]),
    [
      ['2', true, 19_000],
      ['1', true, 26_000],
    ],
  );
});

test('example: GT car 7 scores only its pole point and is blank in round 2', () => {
  const table = teamStandings(example, 'GT');
  assert.deepEqual(summary(table), [[1, '7', 1_000]]);
  assert.deepEqual(
    table.rows[0]!.rounds.map((c) => [c.result, c.pole, c.points]),
    [
      ['Ret', true, 1_000],
      [null, false, 0],
    ],
  );
});

test('example: drivers score only where they drove; French shows DNS in round 2', () => {
  const lmp2 = driverStandings(example, 'LMP2');
  const points = Object.fromEntries(lmp2.rows.map((r) => [r.kind === 'drivers' ? r.driver : '', r.points]));
  assert.deepEqual(points, {
    'Jack Manchester': 45_000,
    'Harry Tincknell': 45_000,
    'Roman Rusinov': 43_000,
    'James French': 25_000,
    'Leonard Hoogenboom': 18_000,
  });
  const french = lmp2.rows.find((r) => r.kind === 'drivers' && r.driver === 'James French')!;
  assert.deepEqual(
    french.rounds.map((c) => c.result),
    ['1', 'DNS'],
  );
  const hoogenboom = lmp2.rows.find((r) => r.kind === 'drivers' && r.driver === 'Leonard Hoogenboom')!;
  assert.deepEqual(
    hoogenboom.rounds.map((c) => c.result),
    [null, '2'],
  );
  assert.deepEqual(summary(driverStandings(example, 'GT')), [[1, 'Takeshi Kimura', 1_000]]);
});

test('a driver entered but not driving gets neither race points nor the pole point', () => {
  const season = buildSeason({
    entries: [car('1', 'LMP2', ['A', 'B'])],
    races: [race(1, [line('1', 'Classified', ['A'])], { LMP2: '1' })],
  });
  const rows = driverStandings(season, 'LMP2').rows;
  assert.deepEqual(
    rows.map((r) => [r.kind === 'drivers' && r.driver, r.rounds[0]!.result, r.rounds[0]!.pole, r.points]),
    [
      ['A', '1', true, 26_000],
      ['B', 'DNS', false, 0],
    ],
  );
});

test('a double-header is two rounds, each with its own pole point', () => {
  const season = buildSeason({
    rounds: 2,
    entries: [car('1', 'LMP2', ['A']), car('2', 'LMP2', ['B'])],
    races: [race(1, [line('1'), line('2')], { LMP2: '1' }), race(2, [line('1'), line('2')], { LMP2: '1' })],
  });
  assert.deepEqual(summary(teamStandings(season, 'LMP2')), [
    [1, '1', 52_000],
    [2, '2', 36_000],
  ]);
});

test('a half-points round halves race points but not the pole', () => {
  const season = buildSeason({
    rounds: [{ round: 1, pointsMultiplier: 0.5 }],
    entries: Array.from({ length: 12 }, (_, i) => car(String(i + 1), 'LMP2', [`D${i + 1}`])),
    races: [
      race(
        1,
        Array.from({ length: 12 }, (_, i) => line(String(i + 1))),
        { LMP2: '1' },
      ),
    ],
  });
  const points = teamStandings(season, 'LMP2').rows.map((r) => r.points);
  assert.deepEqual(points, [13_500, 9_000, 7_500, 6_000, 5_000, 4_000, 3_000, 2_000, 1_000, 500, 250, 250]);
});

test('a driver who changes car within a class keeps one row with both cars', () => {
  const season = buildSeason({
    rounds: 2,
    entries: [
      {
        ...car('1', 'LMP2', []),
        drivers: [
          { name: 'A', rounds: [1] },
          { name: 'X', rounds: 'all' },
        ],
      },
      {
        ...car('2', 'LMP2', []),
        drivers: [
          { name: 'A', rounds: [2] },
          { name: 'Y', rounds: 'all' },
        ],
      },
    ],
    races: [race(1, [line('1'), line('2')]), race(2, [line('1'), line('2')])],
  });
  const a = driverStandings(season, 'LMP2').rows.find((r) => r.kind === 'drivers' && r.driver === 'A')!;
  assert.equal(a.kind === 'drivers' && a.cars.join(','), '1,2');
  assert.deepEqual(
    a.rounds.map((c) => c.result),
    ['1', '2'],
  );
  assert.equal(a.points, 43_000);
});
