/**
 * Each series preset's classification rule against that series' own published classification:
 * the cars of the sheet (laps; last crossing = total time; the flag taken when they crossed at or
 * after the winner) classified under the preset's rule come out in the sheet's order with its
 * statuses — Le Mans 2024 (wec), ALMS Dubai 2023 (alms), ELMS Imola 2014 (elms), Sebring 2025
 * (imsa) — and under another series' rule they do not, so the rules really differ.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ClassificationRules, FinishingCar } from '../src/domain/classification-rules.ts';
import { classifyFinish } from '../src/domain/classification-rules.ts';
import { formatIssue } from '../src/formats/season-file.ts';
import { parsePresetFile } from '../src/formats/preset-file.ts';
import type { Preset } from '../src/formats/preset-file.ts';
import { parseClassificationCsv } from '../src/formats/timing/classification-csv.ts';
import type { TimingFixture } from './support/timing-fixtures.ts';
import { needsRecordedRaces, timingBytes } from './support/timing-fixtures.ts';

function preset(name: string): Preset {
  const parsed = parsePresetFile(readFileSync(new URL(`../data/presets/${name}.yaml`, import.meta.url), 'utf8'), name);
  if (!parsed.ok) assert.fail(parsed.error.map(formatIssue).join('\n'));
  return parsed.value;
}

function rulesOf(name: string): ClassificationRules {
  const rules = preset(name).classification;
  assert.ok(rules, `${name} has a classification section`);
  return rules;
}

/** The sheet's cars as the timing saw them finish, and its own order with statuses. */
function sheet(fixture: TimingFixture) {
  const parsed = parseClassificationCsv(timingBytes(fixture), fixture);
  if (!parsed.ok) assert.fail(parsed.error.map(formatIssue).join('\n'));
  const lines = parsed.value.lines;
  const flagAtMs = lines[0]?.totalTimeMs ?? 0;
  const cars = lines.map((l): FinishingCar => ({
    car: l.car,
    class: l.class,
    laps: l.laps,
    elapsedMs: l.totalTimeMs ?? 0,
    finished: (l.totalTimeMs ?? 0) >= flagAtMs,
    bestLapMs: l.bestLap?.lapTimeMs ?? 0,
  }));
  return { cars, flagAtMs, official: lines.map((l) => `${l.car} ${l.status}`) };
}

const classified = (fixture: TimingFixture, rules: ClassificationRules) => {
  const { cars, flagAtMs } = sheet(fixture);
  return classifyFinish(cars, rules, flagAtMs).map((l) => `${l.car.car} ${l.status}`);
};

const CASES: [TimingFixture, string, string][] = [
  ['leMans2024Classification', 'wec', 'alms'],
  ['dubai2023Classification', 'alms', 'wec'],
  ['imola2014Classification', 'elms', 'imsa'],
  ['sebring2025Results', 'imsa', 'wec'],
];

for (const [fixture, own, other] of CASES) {
  test(
    `${fixture}: the ${own} preset's rule gives the official order and statuses; ${other}'s does not`,
    needsRecordedRaces,
    () => {
      const { official } = sheet(fixture);
      assert.ok(official.length > 30);
      assert.deepEqual(classified(fixture, rulesOf(own)), official);
      assert.notDeepEqual(classified(fixture, rulesOf(other)), official);
    },
  );
}

test(
  'Sebring 2025 under the ACO rule: #40 (345 laps, stopped before the end) falls from 18th to 44th',
  needsRecordedRaces,
  () => {
    const aco = classified('sebring2025Results', rulesOf('wec'));
    assert.equal(aco.indexOf('40 Ret') + 1, 44);
    assert.equal(classified('sebring2025Results', rulesOf('imsa')).indexOf('40 Classified') + 1, 18);
  },
);

test('the presets: IMSA scores 350 … 10 to the 30th and 35 for pole; the WEC pays double at Le Mans', () => {
  const imsa = preset('imsa');
  assert.equal(imsa.points.positions.length, 30);
  assert.deepEqual(imsa.points.positions.slice(0, 6), [350, 320, 300, 280, 260, 250]);
  assert.equal(imsa.points.positions.at(-1), 10);
  assert.equal(imsa.points.pole, 35);
  assert.deepEqual(preset('wec').pointsMultipliers, { '24 Hours of Le Mans': 2 });
  assert.deepEqual(preset('alms').pointsMultipliers, {});
  // Every preset says where its rules come from, and what is not certain.
  for (const name of ['alms', 'elms', 'imsa', 'sim-league', 'wec']) {
    const p = preset(name);
    assert.ok(p.sources.length > 0 && p.unconfirmed.length > 0, name);
    assert.ok(p.classification, `${name} has a classification rule`);
  }
});
