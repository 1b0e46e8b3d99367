import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatIssue } from './season-file.ts';
import { parsePresetFile, presetNotes, withPreset } from './preset-file.ts';
import { buildSeason, car } from '../../test/support/season-builder.ts';

const ALMS = new URL('../../data/presets/alms.yaml', import.meta.url);

test('the ALMS preset: 25-18-15-12-10-8-6-4-2-1, 0.5 to other classified, 1 for pole, best and second-best laps', () => {
  const parsed = parsePresetFile(readFileSync(ALMS, 'utf8'), 'alms.yaml');
  if (!parsed.ok) assert.fail(parsed.error.map(formatIssue).join('\n'));
  const preset = parsed.value;
  assert.equal(preset.name, 'alms');
  assert.deepEqual(preset.points, {
    positions: [25, 18, 15, 12, 10, 8, 6, 4, 2, 1],
    otherClassified: 0.5,
    pole: 1,
    scoringStatuses: ['Classified'],
    classes: {},
  });
  assert.deepEqual(preset.tieBreakers, { teams: ['countback'], drivers: ['countback'] });
  assert.deepEqual(preset.poleRule, { qualifying: 'per-meeting', grids: ['best-lap', 'second-best-lap'] });
  // Every rule says where it comes from, and what is not confirmed says so.
  assert.ok(preset.sources.every((s) => /regulations\.md|§\d/.test(s)));
  assert.ok(preset.unconfirmed.some((s) => /2023-24 and 2024-25/.test(s)));
  const notes = presetNotes(preset);
  assert.match(notes[0] ?? '', /^Rules from the alms preset \(Asian Le Mans Series/);
  assert.ok(notes.some((n) => n.startsWith('Not confirmed: ')));
});

test('a broken preset: every problem with its line', () => {
  const text = [
    'format: pitwall-preset/1',
    'name: ALMS',
    'series: Asian Le Mans Series',
    'seasons: "2021"',
    'summary: a test',
    'sources: [somewhere]',
    'points: { positions: [25, x] }',
    'poleRule: { qualifying: per-meeting }',
    'colour: blue',
    '',
  ].join('\n');
  const parsed = parsePresetFile(text, 'bad.yaml');
  assert.ok(!parsed.ok);
  assert.deepEqual(
    parsed.error.map((i) => `${i.line} ${i.code} ${i.path.join('.')}`),
    ['2 invalid name', '7 type points.positions.1', '8 invalid poleRule.grids', '9 unknown-field colour'],
  );
  assert.match(parsed.error[3]?.message ?? '', /expected one of format, name, series, seasons, summary, sources/);
});

test("withPreset: the preset's points, tie-breakers, pole and classification rules, and its round multipliers", () => {
  const text = [
    'format: pitwall-preset/1',
    'name: double-finale',
    'series: Test Series',
    'seasons: "2025"',
    'summary: a test',
    'sources: [somewhere]',
    'points: { positions: [10, 6, 4], pole: 1 }',
    'pointsMultipliers: { Finale: 2, Opener: 0.5 }',
    'classification: { minimumDistance: none, chequeredFlag: not-required, order: laps }',
    '',
  ].join('\n');
  const parsed = parsePresetFile(text, 'double-finale.yaml');
  if (!parsed.ok) assert.fail(parsed.error.map(formatIssue).join('\n'));
  const season = buildSeason({ rounds: 3, entries: [car('1', 'P', ['A'])], races: [] });
  const named = {
    ...season,
    rounds: [
      { round: 1, name: 'Opener', pointsMultiplier: 1 },
      { round: 2, name: 'Middle', pointsMultiplier: 1 },
      // A multiplier the user gave (--points-multiplier) is kept.
      { round: 3, name: 'Finale', pointsMultiplier: 3 },
    ],
  };
  const ruled = withPreset(named, parsed.value);
  assert.deepEqual(
    ruled.rounds.map((r) => r.pointsMultiplier),
    [0.5, 1, 3],
  );
  assert.deepEqual(ruled.points.positions, [10, 6, 4]);
  assert.deepEqual(ruled.classificationRules, {
    minimumDistance: { kind: 'none' },
    chequeredFlag: 'not-required',
    withoutFlag: 'Ret',
    order: 'laps',
    lastLapStop: 'Ret',
  });
  const broken = parsePresetFile(
    text.replace('Opener: 0.5', 'Opener: -1').replace('order: laps', 'order: fastest'),
    'bad.yaml',
  );
  assert.ok(!broken.ok);
  assert.deepEqual(
    broken.error.map((i) => `${i.line} ${i.code} ${i.path.join('.')}`),
    ['8 invalid pointsMultipliers.Opener', '9 invalid classification.order'],
  );
});
