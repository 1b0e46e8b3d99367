import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseSeasonFile } from '../src/formats/season-file.ts';
import type { Race, Season } from '../src/domain/season.ts';
import { scoreClassRound } from '../src/domain/classification.ts';
import { STANDINGS_KINDS } from '../src/domain/vocabulary.ts';
import type { StandingsKind } from '../src/domain/vocabulary.ts';
import type { TitleQuestion } from '../src/domain/title-maths.ts';
import { classCars, completedWith, keyOf, remainingRounds, seasonBefore, tableOf } from '../src/domain/title-maths.ts';
import type { Outcome } from '../src/domain/title-needs.ts';
import { OTHER_CAR, ruleHolds } from '../src/domain/title-needs.ts';
import { titleScenarios } from '../src/domain/title-scenarios.ts';

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
  assert.ok(result.eliminated.every((c) => !c.canWin && !c.clinched));
  assert.equal(result.contenders[0]?.needs[0], 'G-Drive Racing with Algarve is champion if it finishes 2nd or better');
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

/** A random race of `round` for the class: an order of its cars, some retired, and a pole. */
function raceArbitrary(base: Season, classId: string, round: number): fc.Arbitrary<Race> {
  const cars = classCars(base, classId);
  const decided = base.races.find((r) => r.round === round);
  return fc
    .tuple(
      fc.shuffledSubarray(cars, { minLength: cars.length, maxLength: cars.length }),
      fc.array(fc.boolean(), { minLength: cars.length, maxLength: cars.length }),
      fc.constantFrom(...cars),
    )
    .map(([order, retired, pole]) => ({
      round,
      classification: order.map((car, i) => ({
        car,
        status: retired[i] === true ? ('Ret' as const) : ('Classified' as const),
      })),
      poles: decided ? decided.poles : { [classId]: [pole] },
    }));
}

/** The last round's outcome as title-needs.ts sees it: the contenders' cars' class positions and the pole. */
function outcomeOf(base: Season, race: Race, classId: string, cars: readonly string[], poleOpen: boolean): Outcome {
  const scored = scoreClassRound(base, race, classId);
  const positions = Object.fromEntries(
    cars.map((car) => [car, scored.outcomes.find((o) => o.car === car)?.position ?? 0]),
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
        const analysis = result.lastRound;
        const last = played[0];
        if (analysis === undefined || last === undefined || !row.canWin) continue;
        const outcome = outcomeOf(base, last, question.classId, analysis.cars, analysis.poleOpen);
        const rules = analysis.rules.get(row.key) ?? [];
        assert.equal(
          rules.some((rule) => ruleHolds(rule, outcome)),
          champion,
          `${row.key}: ${JSON.stringify(outcome)}`,
        );
      }
    }),
    { seed, numRuns: rounds.length === 1 ? 400 : 150 },
  );
  for (const c of result.contenders) {
    if (result.lastRound === undefined) continue;
    const rules = result.lastRound.rules.get(c.key) ?? [];
    assert.ok(rules.length > 0, `${c.key} can win, so some outcome makes it champion`);
    assert.equal(c.clinched, rules.length === 1 && Object.keys(rules[0]?.positions ?? {}).length === 0);
  }
}

for (const carClass of season.classes) {
  for (const kind of STANDINGS_KINDS as readonly StandingsKind[]) {
    for (const round of season.rounds) {
      const hasPole = season.races.some((r) => r.round === round.round && Object.keys(r.poles).length > 0);
      for (const poleKnown of hasPole ? [false, true] : [false]) {
        const question = { classId: carClass.id, kind, beforeRound: round.round, poleKnown };
        test(`brute force: ${carClass.id} ${kind} before round ${round.round}${poleKnown ? ' (pole known)' : ''}`, () => {
          checkQuestion(question, 2019 + round.round);
        });
      }
    }
  }
}
