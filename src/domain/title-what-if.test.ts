import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseSeasonFile } from '../formats/season-file.ts';
import { fromMilli } from './points.ts';
import type { Season } from './season.ts';
import { STANDINGS_KINDS } from './vocabulary.ts';
import { casesHold } from './title-cases.ts';
import { NO_PLACE, OTHER_CAR } from './title-field.ts';
import { keyOf, seasonBefore, tableOf } from './title-maths.ts';
import { titleScenarios } from './title-scenarios.ts';
import type { Pick, WhatIf } from './title-what-if.ts';
import { classSeason, placesOf, racedWhatIf, whatIfField, whatIfTable } from './title-what-if.ts';

const parsed = parseSeasonFile(
  readFileSync(new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url), 'utf8'),
  'alms-2019-20.yaml',
);
if (!parsed.ok) throw new Error('the bundled season does not parse');
const season: Season = parsed.value;
const ROUNDS = season.rounds.map((r) => r.round);

/** The season as it stood after round `round`: its races up to it. */
const after = (round: number): Season => ({ ...season, races: season.races.filter((r) => r.round <= round) });

/** What happened in `round` for the class, as the calculator's picks: championship places and the pole. */
function realPicks(classId: string, round: number): WhatIf {
  const picks = racedWhatIf(season, classId, round);
  assert.ok(picks, `round ${round} was raced`);
  return picks;
}

test('the class cut of the season gives the same tables, for every class, kind and moment', () => {
  for (const carClass of season.classes) {
    const cut = classSeason(season, carClass.id);
    assert.ok(JSON.stringify(cut).length < JSON.stringify(season).length / 2, `${carClass.id}: the cut is small`);
    for (const round of ROUNDS) {
      for (const kind of STANDINGS_KINDS) {
        for (const poleKnown of [false, true]) {
          const whole = tableOf(seasonBefore(season, round, poleKnown), carClass.id, kind);
          const part = tableOf(seasonBefore(cut, round, poleKnown), carClass.id, kind);
          assert.deepEqual(part, whole, `${carClass.id} ${kind} before round ${round}`);
        }
        assert.deepEqual(
          tableOf(after(round), carClass.id, kind),
          tableOf(classSeason(after(round), carClass.id), carClass.id, kind),
        );
      }
    }
  }
});

/** True when the round's results say who drove a car of the class (a driver entered who did not): the calculator credits the crew entered. */
const crewsSaid = (classId: string, round: number) =>
  season.races
    .find((r) => r.round === round)
    ?.classification?.some(
      (l) => l.drivers !== undefined && classSeason(season, classId).entries.some((e) => e.car === l.car),
    ) ?? false;

test("the real results entered round by round give the engine's tables after each round (2019–20, every class)", () => {
  let compared = 0;
  let skipped = 0;
  for (const carClass of season.classes) {
    for (const round of ROUNDS) {
      for (const kind of STANDINGS_KINDS) {
        if (kind === 'drivers' && crewsSaid(carClass.id, round)) {
          skipped += 1;
          continue;
        }
        const question = { classId: carClass.id, kind, beforeRound: round, poleKnown: false };
        const before = classSeason(seasonBefore(season, round, false), carClass.id);
        const field = whatIfField(before, question, []);
        const table = whatIfTable(before, question, field, realPicks(carClass.id, round));
        assert.ok(table.ok, JSON.stringify(!table.ok && table.error));
        const engine = tableOf(after(round), carClass.id, kind).map((r) => [keyOf(r), r.position, fromMilli(r.points)]);
        assert.deepEqual(
          table.value.rows.map((r) => [r.key, r.position, r.points]),
          engine,
          `${carClass.id} ${kind} after round ${round}`,
        );
        assert.equal(table.value.final, round === 4);
        compared += 1;
      }
    }
  }
  // Only the drivers' tables of rounds where a driver entered did not drive are left out.
  assert.equal(compared + skipped, season.classes.length * ROUNDS.length * 2);
  assert.ok(skipped <= 3, `${skipped} left out`);
  assert.ok(!crewsSaid('LMP2', 4), 'the final round of LMP2 is compared for both championships');
});

test('Buriram as it was: Carlin wins from pole, G-Drive second — G-Drive champions by a point, 83 to 82', () => {
  const question = { classId: 'LMP2', kind: 'teams', beforeRound: 4, poleKnown: false } as const;
  const before = seasonBefore(season, 4, false);
  const field = whatIfField(before, question, ['26', '45', '36']);
  assert.deepEqual(
    field.cars.filter((c) => c.contender).map((c) => c.car),
    ['26', '45', '36'],
  );
  assert.deepEqual([field.places, field.poleOpen, field.final], [7, true, true]);
  const table = whatIfTable(before, question, field, { picks: { '45': 1, '26': 2 }, pole: '45' });
  assert.ok(table.ok);
  const [first, second] = table.value.rows;
  assert.deepEqual(
    [first?.label, first?.points, first?.gained, first?.champion],
    ['G-Drive Racing with Algarve', 83, 18, true],
  );
  assert.deepEqual([second?.label, second?.points, second?.champion], ['Thunderhead Carlin Racing', 82, false]);
});

test('picks: the cars on auto fill the free places in standings order; a place taken twice or left empty is said', () => {
  const question = { classId: 'LMP2', kind: 'teams', beforeRound: 4, poleKnown: false } as const;
  const before = seasonBefore(season, 4, false);
  const field = whatIfField(before, question, []);
  const filled = placesOf(field, { picks: { '45': 3, '36': NO_PLACE } });
  assert.ok(filled.ok);
  assert.deepEqual(filled.value, { '26': 1, '36': NO_PLACE, '33': 2, '45': 3, '34': 4, '96': 5, '1': 6 });
  const twice = placesOf(field, { picks: { '45': 2, '26': 2 } });
  assert.deepEqual(!twice.ok && twice.error.map((p) => p.message), [
    'G-Drive Racing with Algarve and Thunderhead Carlin Racing are both 2nd',
  ]);
  const allOut = Object.fromEntries(field.cars.map((c) => [c.car, NO_PLACE as Pick]));
  const gap = placesOf(field, { picks: { ...allOut, '45': 3 } });
  assert.deepEqual(!gap.ok && gap.error.map((p) => p.message), [
    'no car is 1st and 2nd: places run from 1st without a gap',
  ]);
  const pole = whatIfTable(before, question, field, { picks: {}, pole: '999' });
  assert.deepEqual(!pole.ok && pole.error.map((p) => p.code), ['pole-not-allowed']);
});

test("the calculator's champion is the one the case table names, whatever is picked (LMP2 before Buriram)", () => {
  const question = { classId: 'LMP2', kind: 'teams', beforeRound: 4, poleKnown: false } as const;
  const before = seasonBefore(season, 4, false);
  const scenarios = titleScenarios(season, question);
  const analysis = scenarios.lastRound;
  assert.ok(analysis);
  const field = whatIfField(
    before,
    question,
    scenarios.contenders.map((c) => c.key),
  );
  const cars = field.cars.map((c) => c.car);
  const holders = field.cars.filter((c) => c.mayHoldPole).map((c) => c.car);
  const arbitrary = fc.record({
    order: fc.shuffledSubarray(cars, { minLength: cars.length, maxLength: cars.length }),
    finishers: fc.integer({ min: 0, max: cars.length }),
    pole: fc.constantFrom(...holders),
  });
  fc.assert(
    fc.property(arbitrary, ({ order, finishers, pole }) => {
      const picks = Object.fromEntries(order.map((car, i) => [car, (i < finishers ? i + 1 : NO_PLACE) as Pick]));
      const table = whatIfTable(before, question, field, { picks, pole });
      assert.ok(table.ok);
      const positions = Object.fromEntries(
        analysis.field.cars.map((car) => [car, table.value.places[car] ?? NO_PLACE]),
      );
      const outcome = { positions, pole: analysis.field.cars.includes(pole) ? pole : OTHER_CAR };
      for (const contender of scenarios.contenders) {
        const needs = analysis.needs.get(contender.key);
        assert.ok(needs);
        const champion: boolean = table.value.rows.some((r) => r.key === contender.key && r.champion);
        assert.equal(
          casesHold(needs.cases, needs.own, outcome),
          champion,
          `${contender.key}: ${JSON.stringify(picks)} ${pole}`,
        );
      }
    }),
    { seed: 2020, numRuns: 300 },
  );
});
