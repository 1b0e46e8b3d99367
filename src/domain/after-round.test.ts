import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { seasonAfterRound, standingsAfterRound } from './after-round.ts';
import { seasonStandings } from './standings.ts';
import type { StandingsTable } from './standings.ts';
import { buildSeason, car, line, race } from '../../test/support/season-builder.ts';

/** Three rounds of LMP2; #3 joins at round 3, and driver C joins #1's crew at round 2. */
const season = buildSeason({
  rounds: 3,
  entries: [
    car('1', 'LMP2', ['A', 'B', 'C']),
    car('2', 'LMP2', ['D']),
    car('3', 'LMP2', ['E']),
    car('4', 'LMP2', ['F']),
  ],
  races: [
    race(1, [line('2'), line('1', 'Classified', ['A', 'B']), line('4', 'Ret')], { LMP2: '1' }),
    race(2, [line('1', 'Classified', ['A', 'C']), line('2'), line('4', 'Ret')], { LMP2: '2' }),
    race(3, [line('3'), line('1', 'Classified', ['A', 'B']), line('2'), line('4')], { LMP2: '3' }),
  ],
});

const summary = (tables: StandingsTable[], kind: 'teams' | 'drivers') =>
  tables
    .find((t) => t.kind === kind)!
    .rows.map((r) => [r.position, r.kind === 'teams' ? r.car : r.driver, r.points / 1000, r.rounds.length]);

test('after round 2: two rounds, the points of those rounds, nobody who had not taken part', () => {
  const after2 = standingsAfterRound(season, 2);
  assert.deepEqual(summary(after2, 'teams'), [
    [1, '1', 44, 2], // 18 + 1 pole, 25
    [1, '2', 44, 2], // 25, 18 + 1 pole: level on points and on count-back, so they share P1
    [3, '4', 0, 2],
  ]);
  // C (DNS in round 1, then a win) and B (the other way round) took part; E of #3 had not.
  assert.deepEqual(summary(after2, 'drivers'), [
    [1, 'A', 44, 2],
    [1, 'D', 44, 2],
    [3, 'C', 25, 2],
    [4, 'B', 19, 2],
    [5, 'F', 0, 2],
  ]);
});

test('after the last round: the season standings', () => {
  assert.deepEqual(standingsAfterRound(season, 3), seasonStandings(season));
});

test('the calendar and deductions are cut at the round too', () => {
  const cut = seasonAfterRound(
    {
      ...season,
      pointsAdjustments: [
        { class: 'LMP2', round: 1, car: '2', points: 2, decision: 'd1' },
        { class: 'LMP2', round: 3, car: '1', points: 5, decision: 'd3' },
      ],
    },
    2,
  );
  assert.deepEqual(
    cut.rounds.map((r) => r.round),
    [1, 2],
  );
  assert.deepEqual(
    cut.races.map((r) => r.round),
    [1, 2],
  );
  assert.deepEqual(
    cut.pointsAdjustments?.map((a) => a.decision),
    ['d1'],
  );
});

/** Random seasons of up to 6 cars over up to 4 rounds; a car may miss rounds. */
const arbitrarySeason = fc
  .record({
    cars: fc.integer({ min: 1, max: 6 }),
    rounds: fc.integer({ min: 1, max: 4 }),
    grid: fc.array(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.constantFrom('Classified', 'Ret', 'absent')), {
      minLength: 24,
      maxLength: 24,
    }),
  })
  .map(({ cars, rounds, grid }) => {
    const entries = Array.from({ length: cars }, (_, i) => car(String(i + 1), 'LMP2', [`D${i + 1}`]));
    const races = Array.from({ length: rounds }, (_, r) =>
      race(
        r + 1,
        entries
          .map((e, i) => ({ e, cell: grid[(r * 6 + i) % grid.length]! }))
          .filter(({ cell }) => cell[1] !== 'absent')
          .sort((a, b) => a.cell[0] - b.cell[0] || a.e.car.localeCompare(b.e.car))
          .map(({ e, cell }) => line(e.car, cell[1] === 'Ret' ? 'Ret' : 'Classified')),
      ),
    );
    return buildSeason({ rounds, entries, races });
  });

test('after each round, every row has the points of its cells, and nobody loses points from one round to the next', () => {
  fc.assert(
    fc.property(arbitrarySeason, (s) => {
      let previous = new Map<string, number>();
      for (const { round } of s.rounds) {
        const points = new Map<string, number>();
        for (const table of standingsAfterRound(s, round)) {
          table.rows.forEach((row, i) => {
            assert.equal(
              row.points,
              row.rounds.reduce((sum, cell) => sum + cell.points, 0),
            );
            assert.ok(row.rounds.every((cell) => cell.round <= round));
            if (i > 0) assert.ok(table.rows[i - 1]!.points >= row.points);
            points.set(`${table.kind}/${row.kind === 'teams' ? row.car : row.driver}`, row.points);
          });
        }
        for (const [key, before] of previous) assert.ok((points.get(key) ?? -1) >= before, key);
        previous = points;
      }
    }),
  );
});

test('a team renamed mid-season is listed under the name it had then', () => {
  const renamed = {
    ...season,
    entries: season.entries.map((e) =>
      e.car === '2' ? { ...e, team: 'New Name', teamNames: [{ team: 'Old Name', rounds: [1, 2] }] } : e,
    ),
  };
  const team = (round: number) => {
    const row = standingsAfterRound(renamed, round)
      .find((t) => t.kind === 'teams')
      ?.rows.find((r) => r.kind === 'teams' && r.car === '2');
    return row?.kind === 'teams' ? row.team : undefined;
  };
  assert.equal(team(2), 'Old Name');
  assert.equal(team(3), 'New Name');
});
