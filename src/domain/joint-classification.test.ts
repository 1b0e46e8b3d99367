import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Season } from './season.ts';
import { jointStandings } from './joint-classification.ts';
import { fromMilli } from './points.ts';
import { parseSeasonFile } from '../formats/season-file.ts';
import { parseJointFile } from '../formats/joint-file.ts';

const fixture = (name: string) => new URL(`../../test/fixtures/joint/${name}`, import.meta.url).pathname;
const season = (name: string): Season => {
  const parsed = parseSeasonFile(readFileSync(fixture(name), 'utf8'), name);
  if (!parsed.ok) throw new Error(parsed.error.map((i) => i.message).join('\n'));
  return parsed.value;
};
const joint = parseJointFile(readFileSync(fixture('gt-joint.yaml'), 'utf8'), 'gt-joint.yaml');
if (!joint.ok) throw new Error(joint.error.map((i) => i.message).join('\n'));
const definition = {
  ...joint.value,
  parts: [
    { season: season('endurance-a.yaml'), class: 'GT' },
    { season: season('sprint-b.yaml'), class: 'GT3' },
  ],
};

test('the joint GT classification scores both series under its own points, by the same engine', () => {
  const { season: merged, tables } = jointStandings(definition);
  assert.deepEqual(
    merged.rounds.map((r) => r.round),
    [1, 2, 3],
  );
  const [teams, drivers] = tables;
  assert.deepEqual(
    teams!.rows.map((r) => [
      r.position,
      r.kind === 'teams' ? `#${r.car} ${r.team}` : '',
      r.rounds.map((c) => `${c.result ?? ''}${c.pole ? 'P' : ''}`),
      fromMilli(r.points),
    ]),
    [
      // #7: 6 + pole, 10 + pole in A; 2nd (6) in B. The same number and team is one entry.
      [1, '#7 Red Racing', ['2P', '1P', '2'], 24],
      // Another team's #8 in B is a car of its own.
      [2, '#8/2 Green Racing', ['', '', '1P'], 11],
      // Level on 10: countback, a win beats a second place. GT Am #9 is classified in GT.
      [3, '#8 Blue Racing', ['1', 'Ret', ''], 10],
      [4, '#9 Amber Racing', ['3', '2', ''], 10],
    ],
  );
  assert.deepEqual(
    drivers!.rows.map((r) => [r.kind === 'drivers' ? r.driver : '', fromMilli(r.points)]),
    [
      ['Ann Red', 24],
      ['Gil Green', 11],
      ['Bob Blue', 10],
      ['Cy Amber', 10],
      ['Dan Red', 6],
    ],
  );
});

test('a joint file with problems says each with its line', () => {
  const text = readFileSync(fixture('gt-joint.yaml'), 'utf8')
    .replace('format: pitwall-joint/1', 'format: pitwall-joint/9')
    .replace('- { season: sprint-b.yaml, class: GT3 }', '- { season: sprint-b.yaml, klass: GT3 }');
  const parsed = parseJointFile(text, 'broken.yaml');
  assert.ok(!parsed.ok);
  const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
  assert.ok(parsed.error.some((i) => i.line === lineOf('format:')));
  assert.ok(parsed.error.some((i) => i.line === lineOf('klass')));
});
