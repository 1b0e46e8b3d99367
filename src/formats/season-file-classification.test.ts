/** The season file's optional `classification` section: read, defaults, written back, and its mistakes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIssue, parseSeasonFile, serializeSeasonFile } from './season-file.ts';
import type { Season } from '../domain/season.ts';
import { ACO_CLASSIFICATION } from '../domain/classification-rules.ts';

/** A one-round season whose `classification` section is `section` (YAML lines, indented by the caller). */
const file = (section: string) =>
  [
    'format: pitwall-season/1',
    'series: Club Endurance',
    "season: '2025'",
    'points: { positions: [10, 6, 4] }',
    section,
    'classes: [P, GT]',
    'rounds: [{ round: 1, name: 3 Hours of Somewhere }]',
    'entries:',
    "  - { car: '1', class: P, team: One, drivers: [{ name: A, rounds: all }] }",
    '',
  ].join('\n');

function season(text: string): Season {
  const parsed = parseSeasonFile(text, 'club.yaml');
  if (!parsed.ok) assert.fail(parsed.error.map(formatIssue).join('\n'));
  return parsed.value;
}

function problems(text: string): string[] {
  const parsed = parseSeasonFile(text, 'club.yaml');
  return parsed.ok ? [] : parsed.error.map(formatIssue);
}

test('no classification section: no rule in the season, the ACO one applies, and none is written', () => {
  const s = season(file(''));
  assert.equal(s.classificationRules, undefined);
  assert.doesNotMatch(serializeSeasonFile(s), /^classification:/m);
});

test('a field left out is the ACO’s: { order: laps } changes the order only', () => {
  assert.deepEqual(season(file('classification: { order: laps }')).classificationRules, {
    ...ACO_CLASSIFICATION,
    order: 'laps',
  });
  assert.deepEqual(season(file('classification: { minimumDistance: { percent: 50 } }')).classificationRules, {
    ...ACO_CLASSIFICATION,
    minimumDistance: { kind: 'share', percent: 50, of: 'overall-winner', rounding: 'up' },
  });
});

test('every shape of the rule, read and written back to the same rule', () => {
  const rules = [
    'classification: { minimumDistance: none, chequeredFlag: not-required, order: laps }',
    'classification: { minimumDistance: { laps: 10 }, withoutFlag: NC }',
    'classification: { minimumDistance: { percent: 66.67, of: class-winner, rounding: nearest }, lastLapStop: classified }',
    'classification:\n  minimumDistance: { percent: 70, of: overall-winner, rounding: down }\n  chequeredFlag: required\n  order: status-groups\n  lastLapStop: Ret',
  ];
  const read = rules.map((r) => season(file(r)).classificationRules);
  assert.deepEqual(read, [
    {
      minimumDistance: { kind: 'none' },
      chequeredFlag: 'not-required',
      withoutFlag: 'Ret',
      order: 'laps',
      lastLapStop: 'Ret',
    },
    { ...ACO_CLASSIFICATION, minimumDistance: { kind: 'laps', laps: 10 }, withoutFlag: 'NC', lastLapStop: 'NC' },
    {
      ...ACO_CLASSIFICATION,
      minimumDistance: { kind: 'share', percent: 66.67, of: 'class-winner', rounding: 'nearest' },
      lastLapStop: 'classified',
    },
    { ...ACO_CLASSIFICATION, minimumDistance: { kind: 'share', percent: 70, of: 'overall-winner', rounding: 'down' } },
  ]);
  for (const r of rules) {
    const written = serializeSeasonFile(season(file(r)));
    assert.match(written, /^classification:\n {2}minimumDistance: /m);
    assert.deepEqual(season(written), season(file(r)), r);
  }
  // A rule that needs no flag has no last-lap rule to write.
  assert.doesNotMatch(serializeSeasonFile(season(file(rules[0]!))), /lastLapStop/);
});

test('mistakes in classification: each with its line, all at once', () => {
  const text = file(
    [
      'classification:',
      '  minimumDistance: { percent: 120, of: class-leader }',
      '  chequeredFlag: sometimes',
      '  order: laps-only',
      '  lastLapstop: Ret',
    ].join('\n'),
  );
  assert.deepEqual(problems(text), [
    'club.yaml:6: invalid classification.minimumDistance.percent: expected at most 100, got 120',
    'club.yaml:6: invalid classification.minimumDistance.of: expected one of overall-winner, class-winner, got "class-leader"',
    'club.yaml:7: invalid classification.chequeredFlag: expected one of required, not-required, got "sometimes"',
    'club.yaml:8: invalid classification.order: expected one of status-groups, laps, got "laps-only"',
    'club.yaml:9: unknown-field classification.lastLapstop: unknown field, expected one of minimumDistance, chequeredFlag, withoutFlag, order, lastLapStop',
  ]);
  assert.deepEqual(problems(file('classification: { minimumDistance: { percent: 70, laps: 10, rounding: up } }')), [
    'club.yaml:5: invalid classification.minimumDistance.laps: expected percent or laps, not both',
    'club.yaml:5: invalid classification.minimumDistance.rounding: rounding goes with percent, not with laps',
  ]);
  assert.deepEqual(problems(file('classification: { minimumDistance: {} }')), [
    'club.yaml:5: invalid classification.minimumDistance.percent: expected percent (such as 70) or laps (such as 10)',
  ]);
  assert.deepEqual(problems(file('classification: { minimumDistance: 70 }')), [
    'club.yaml:5: invalid classification.minimumDistance: expected none, { percent: 70, of: overall-winner, rounding: up }, or { laps: 10 }, got 70',
  ]);
  assert.deepEqual(problems(file('classification: { chequeredFlag: not-required, lastLapStop: NC }')), [
    'club.yaml:5: invalid classification.lastLapStop: lastLapStop is for races whose cars must take the chequered flag; without it a car is ranked on its laps',
  ]);
});
