import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseSeasonFile } from '../src/formats/season-file.ts';
import type { Race, Season } from '../src/domain/season.ts';
import { isEnteredFor } from '../src/domain/season.ts';
import { scoreClassRound } from '../src/domain/classification.ts';
import { STANDINGS_KINDS } from '../src/domain/vocabulary.ts';
import type { StandingsKind } from '../src/domain/vocabulary.ts';
import type { TitleQuestion } from '../src/domain/title-maths.ts';
import { classCars, completedWith, keyOf, remainingRounds, seasonBefore, tableOf } from '../src/domain/title-maths.ts';
import type { Outcome } from '../src/domain/title-needs.ts';
import { ruleHolds } from '../src/domain/title-needs.ts';
import { NO_PLACE, OTHER_CAR } from '../src/domain/title-field.ts';
import { titleScenarios } from '../src/domain/title-scenarios.ts';
import { casesHold } from '../src/domain/title-cases.ts';

const parsed = parseSeasonFile(readFileSync('data/seasons/alms-2019-20.yaml', 'utf8'), 'alms-2019-20.yaml');
if (!parsed.ok) throw new Error('the bundled season does not parse');
const season: Season = parsed.value;

const lmp2 = (poleKnown: boolean): TitleQuestion => ({ classId: 'LMP2', kind: 'teams', beforeRound: 4, poleKnown });

test('before Buriram, G-Drive, Carlin and Eurasia #36 are the only LMP2 contenders (65 / 56 / 55)', () => {
  const result = titleScenarios(season, lmp2(false));
  assert.deepEqual(
    result.contenders.map((c) => [c.key, c.points]),
    [
      ['26', 65],
      ['45', 56],
      ['36', 55],
    ],
  );
  assert.equal(result.eliminated.length, 4, 'seven LMP2 cars, three still in it');
  assert.ok(result.eliminated.every((c) => !c.canWin && !c.clinched));
  assert.equal(result.contenders[0]?.needs[0], 'G-Drive Racing with Algarve is champion if it finishes 2nd or better');
});

test('before Buriram in one sentence each, as a commentator would say it (pole still open)', () => {
  const result = titleScenarios(season, lmp2(false));
  assert.deepEqual(
    result.contenders.map((c) => c.commentary),
    [
      'G-Drive is champion with 2nd or better, or 3rd from pole; ' +
        'with 3rd without pole unless Thunderhead Carlin wins or Eurasia #36 wins from pole; ' +
        'with 4th or 5th, or 6th from pole, unless Thunderhead Carlin or Eurasia #36 wins; ' +
        "with 6th without pole, or 7th or no finish, if the others' results help",
      'Thunderhead Carlin is champion with a win unless G-Drive finishes 2nd; ' +
        'with 2nd from pole unless G-Drive finishes in the top 5 or Eurasia #36 wins; ' +
        'with 2nd without pole unless G-Drive finishes in the top 5 (or 6th from pole) or Eurasia #36 wins; ' +
        "with 3rd–5th, if the others' results help",
      'Eurasia #36 is champion with a win from pole unless G-Drive finishes 2nd; ' +
        'with a win without pole unless G-Drive finishes in the top 3; ' +
        'with 2nd from pole unless G-Drive finishes in the top 5 or Thunderhead Carlin wins; ' +
        "with 2nd without pole, or 3rd or 4th, or 5th from pole, if the others' results help",
    ],
  );
  const gDrive = result.contenders[0];
  assert.equal(gDrive?.cases.length, 12, '1st to 7th and no finish, with and without pole where that matters');
  assert.deepEqual(gDrive?.cases.slice(3, 5), [
    {
      result: '3rd, without pole',
      text: 'champion unless Thunderhead Carlin wins or Eurasia #36 wins from pole',
    },
    { result: '4th', text: 'champion unless Thunderhead Carlin or Eurasia #36 wins' },
  ]);
});

test("with Carlin's pole known, shorter sentences; and the one case of Carlin's win that kept G-Drive champion", () => {
  const result = titleScenarios(season, lmp2(true));
  assert.deepEqual(
    result.contenders.map((c) => c.commentary),
    [
      'G-Drive is champion with 2nd or better; with 3rd unless Thunderhead Carlin wins; ' +
        'with 4th or 5th unless Thunderhead Carlin or Eurasia #36 wins; ' +
        "with 6th, 7th or no finish, if the others' results help",
      'Thunderhead Carlin is champion with a win unless G-Drive finishes 2nd; ' +
        'with 2nd unless G-Drive finishes in the top 5 or Eurasia #36 wins; ' +
        'with 3rd unless G-Drive finishes in the top 6 or Eurasia #36 finishes in the top 2; ' +
        'with 4th or 5th if G-Drive does not finish, unless Eurasia #36 finishes in the top 3',
      'Eurasia #36 is champion with a win unless G-Drive finishes in the top 3; ' +
        'with 2nd unless G-Drive finishes in the top 6 or Thunderhead Carlin wins; ' +
        'with 3rd if G-Drive does not finish, unless Thunderhead Carlin finishes in the top 2; ' +
        'with 4th if G-Drive does not finish, unless Thunderhead Carlin finishes in the top 5',
    ],
  );
  // Carlin won from pole with G-Drive second: the one case that kept G-Drive champion.
  assert.deepEqual(result.contenders[1]?.cases[0], {
    result: '1st',
    text: 'champion unless G-Drive finishes 2nd',
  });
});

test("after Carlin's Buriram pole the gap is 8 and second place is enough for G-Drive", () => {
  const result = titleScenarios(season, lmp2(true));
  const [gDrive, carlin] = result.contenders;
  assert.equal(carlin?.points, 57);
  assert.equal((gDrive?.points ?? 0) - (carlin?.points ?? 0), 8);
  assert.equal(gDrive?.maxPoints, 90);
  assert.equal(gDrive?.needs[0], 'G-Drive Racing with Algarve is champion if it finishes 2nd or better');
});

test('the 2019-20 season as published: G-Drive champion, two rounds out the numbers to beat', () => {
  const result = titleScenarios(season, { ...lmp2(false), beforeRound: 3 });
  assert.equal(result.contenders[0]?.key, '26');
  assert.ok(result.contenders.some((c) => c.needs.some((n) => n.startsWith('needs to outscore G-Drive'))));
});

test('two rounds out, drivers: crewmates are named together, and one point is one point', () => {
  const result = titleScenarios(season, { classId: 'LMP3', kind: 'drivers', beforeRound: 3, poleKnown: false });
  const hippe = result.contenders.find((c) => c.key === 'Martin Hippe');
  assert.deepEqual(hippe?.crewmates, ['Nigel Moore']);
  assert.deepEqual(hippe?.needs, [
    'Martin Hippe can reach 95 points',
    'needs to outscore Colin Noble and Tony Wells by 1 point (more to be sure without tie-breakers)',
  ]);
  assert.ok(result.contenders.every((c) => c.needs.length <= 8));
});

/**
 * A random race of `round` for the class: an order of the cars entered for it (a car with no
 * driver entered cannot start), some retired, and a pole for a car of the class itself.
 */
function raceArbitrary(base: Season, classId: string, round: number): fc.Arbitrary<Race> {
  const entered = base.entries.filter(
    (e) => classCars(base, classId).includes(e.car) && e.drivers.some((d) => isEnteredFor(d, round)),
  );
  const cars = entered.map((e) => e.car);
  const holders = entered.filter((e) => e.class === classId).map((e) => e.car);
  const decided = base.races.find((r) => r.round === round);
  return fc
    .tuple(
      fc.shuffledSubarray(cars, { minLength: cars.length, maxLength: cars.length }),
      fc.array(fc.boolean(), { minLength: cars.length, maxLength: cars.length }),
      fc.constantFrom(...(holders.length > 0 ? holders : [''])),
    )
    .map(([order, retired, pole]) => ({
      round,
      classification: order.map((car, i) => ({
        car,
        status: retired[i] === true ? ('Ret' as const) : ('Classified' as const),
      })),
      poles: decided ? decided.poles : pole === '' ? {} : { [classId]: [pole] },
    }));
}

/** The last round's outcome as title-needs.ts sees it: championship positions of its cars, and the pole. */
function outcomeOf(base: Season, race: Race, classId: string, cars: readonly string[], poleOpen: boolean): Outcome {
  const scored = scoreClassRound(base, race, classId);
  const positions = Object.fromEntries(
    cars.map((car) => [car, scored.outcomes.find((o) => o.car === car)?.championshipPosition ?? NO_PLACE]),
  );
  const poleCar = scored.outcomes.find((o) => o.pole)?.car;
  if (!poleOpen) return { positions };
  return { positions, pole: poleCar !== undefined && cars.includes(poleCar) ? poleCar : OTHER_CAR };
}

function checkQuestion(question: TitleQuestion, seed: number): void {
  const result = titleScenarios(season, question);
  const base = seasonBefore(season, question.beforeRound, question.poleKnown);
  const rounds = remainingRounds(season, question.beforeRound);
  const rows = [...result.contenders, ...result.eliminated];
  const races = fc.tuple(...rounds.map((round) => raceArbitrary(base, question.classId, round)));
  fc.assert(
    fc.property(races, (played) => {
      const table = tableOf(completedWith(base, played), question.classId, question.kind);
      for (const row of rows) {
        const champion = table.find((r) => keyOf(r) === row.key)?.position === 1;
        if (champion) assert.ok(row.canWin, `${row.key} became champion but was eliminated`);
        if (row.clinched) assert.ok(champion, `${row.key} had clinched but lost`);
        const field = result.lastRound?.field;
        const last = played[0];
        if (field === undefined || last === undefined || !row.canWin) continue;
        const outcome = outcomeOf(base, last, question.classId, field.cars, field.poleChoices !== undefined);
        const rules = row.sentences.flatMap((s) => (s.rule ? [s.rule] : []));
        const said = rules.some((rule) => ruleHolds(rule, outcome));
        if (said) assert.ok(champion, `${row.key}: a sentence holds in ${JSON.stringify(outcome)}, a lost title`);
        const complete = !row.sentences.some((s) => s.kind === 'summary');
        if (complete) assert.equal(said, champion, `${row.key}: ${JSON.stringify(outcome)}`);
        // The case table behind the commentator's sentence is exact, whatever the field's size.
        const needs = result.lastRound?.needs.get(row.key);
        assert.ok(needs, `${row.key}: its cases are worked out`);
        assert.equal(
          casesHold(needs.cases, needs.own, outcome),
          champion,
          `${row.key} cases: ${JSON.stringify(outcome)}`,
        );
      }
    }),
    { seed, numRuns: rounds.length === 1 ? 300 : 100 },
  );
  for (const c of result.contenders) {
    assert.ok(c.needs.length > 0 && c.needs.length <= 8, `${c.key} can win: between 1 and 8 sentences`);
  }
}

for (const carClass of season.classes) {
  for (const kind of STANDINGS_KINDS as readonly StandingsKind[]) {
    for (const round of season.rounds) {
      const hasPole = season.races.some((r) => r.round === round.round && (r.poles[carClass.id] ?? []).length > 0);
      for (const poleKnown of hasPole ? [false, true] : [false]) {
        const question = { classId: carClass.id, kind, beforeRound: round.round, poleKnown };
        test(`brute force: ${carClass.id} ${kind} before round ${round.round}${poleKnown ? ' (pole known)' : ''}`, () => {
          checkQuestion(question, 2019 + round.round);
        });
      }
    }
  }
}
