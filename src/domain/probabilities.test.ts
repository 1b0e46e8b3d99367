import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseSeasonFile } from '../formats/season-file.ts';
import type { Season } from './season.ts';
import { formModel, simulate, titleOdds } from './probabilities.ts';
import { mulberry32 } from './random.ts';
import { seasonBefore } from './title-maths.ts';
import { rankRows } from './tie-breakers.ts';
import type { TieBreaker } from './vocabulary.ts';

const FILE = new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url);
const parsed = parseSeasonFile(readFileSync(FILE, 'utf8'), 'alms-2019-20.yaml');
if (!parsed.ok) throw new Error('the bundled season does not parse');
const SEASON: Season = parsed.value;
const BEFORE_4 = seasonBefore(SEASON, 4, false);
const CLASSES = SEASON.classes.map((c) => c.id);
const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual}`);

test('the same seed gives the same odds; another seed, other odds', () => {
  const a = titleOdds(BEFORE_4, 'LMP2', { seasons: 2000, seed: 7 });
  assert.deepEqual(titleOdds(BEFORE_4, 'LMP2', { seasons: 2000, seed: 7 }), a);
  assert.notDeepEqual(titleOdds(BEFORE_4, 'LMP2', { seasons: 2000, seed: 8 }), a);
});

test('probabilities sum to 1 across cars and for every car and position', () => {
  for (const classId of CLASSES) {
    for (const round of [1, 2, 3, 4]) {
      const odds = titleOdds(seasonBefore(SEASON, round, false), classId, { seasons: 500, seed: round });
      close(
        odds.cars.reduce((sum, c) => sum + c.title, 0),
        1,
      );
      for (const car of odds.cars) {
        close(
          car.positions.reduce((sum, p) => sum + p, 0),
          1,
        );
        assert.equal(car.positions[0], car.title);
      }
      odds.cars.forEach((_, p) =>
        close(
          odds.cars.reduce((sum, c) => sum + (c.positions[p] ?? 0), 0),
          1,
        ),
      );
    }
  }
});

test('ALMS 2019-20 LMP2 before round 4: only G-Drive, Carlin and Eurasia can win', () => {
  const odds = titleOdds(BEFORE_4, 'LMP2', { seasons: 20_000, seed: 2020 });
  const leader = Math.max(...odds.cars.map((c) => c.points));
  const contenders = odds.cars.filter((c) => c.title > 0).map((c) => c.team);
  assert.deepEqual(contenders.sort(), [
    'Eurasia Motorsport',
    'G-Drive Racing with Algarve',
    'Thunderhead Carlin Racing',
  ]);
  for (const car of odds.cars) {
    // The exact maths: a car that cannot reach the leader's points never wins a simulation.
    if (car.maxPoints < leader) assert.equal(car.title, 0, car.car);
  }
});

test('a car that has clinched gets 1.0, everyone else 0', () => {
  for (const classId of CLASSES) {
    const odds = titleOdds(SEASON, classId, { seasons: 200, seed: 1 });
    const champion = odds.cars.filter((c) => c.title > 0);
    assert.equal(champion.length, 1, classId);
    assert.equal(champion[0]?.title, 1);
  }
});

test('simulated final points never exceed the points now plus the most still to score', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...CLASSES),
      fc.integer({ min: 1, max: SEASON.rounds.length }),
      fc.boolean(),
      fc.integer(),
      (classId, round, poleKnown, seed) => {
        const model = formModel(seasonBefore(SEASON, round, poleKnown), classId);
        simulate(model, mulberry32(seed), 50, ({ points: final }) => {
          final.forEach((points, car) => {
            const now = model.points[car] ?? 0;
            assert.ok(points >= now && points <= now + (model.maxRemaining[car] ?? 0));
          });
        });
      },
    ),
    { numRuns: 60 },
  );
});

test('the simulated final table is ordered as rankRows orders it', () => {
  const orders: TieBreaker[][] = [['countback'], ['poles', 'countback'], ['countback', 'poles'], []];
  for (const teams of orders) {
    const season: Season = { ...SEASON, tieBreakers: { ...SEASON.tieBreakers, teams } };
    for (const classId of CLASSES) {
      for (const round of [2, 3, 4]) {
        const model = formModel(seasonBefore(season, round, false), classId);
        simulate(model, mulberry32(round), 200, ({ points, counts, poles, order }) => {
          const rows = model.cars.map((car, i) => {
            const rounds: { result: string | null; pole: boolean }[] = [];
            for (let p = 0; p < model.width; p++) {
              for (let c = 0; c < (counts[i * model.width + p] ?? 0); c++)
                rounds.push({ result: String(p + 1), pole: false });
            }
            for (let c = 0; c < (poles[i] ?? 0); c++) rounds.push({ result: null, pole: true });
            return { car, points: points[i] ?? 0, rounds };
          });
          const expected = rankRows(rows, teams, (row) => row.car).map((row) => row.car);
          assert.deepEqual(
            Array.from(order, (i) => model.cars[i]),
            expected,
          );
        });
      }
    }
  }
});

test('LMP2 Am before round 4: Rick Ware Racing #52 has clinched and wins every simulation', () => {
  const odds = titleOdds(BEFORE_4, 'LMP2 Am', { seasons: 5000, seed: 4 });
  const clinched = odds.cars.find((c) => c.car === '52');
  assert.ok(clinched && odds.cars.every((c) => c === clinched || c.maxPoints < clinched.points));
  assert.equal(clinched.title, 1);
  assert.equal(clinched.positions[0], 1);
});
