import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIssue, parseSeasonFile } from '../season-file.ts';
import { parseClassificationCsv } from './classification-csv.ts';
import type { ProvisionalClassification } from './classification-csv.ts';
import { seasonFileFromClassification, seasonFromClassification, WEC_POINTS } from './season-from-classification.ts';

/** A small classification as Al Kamel writes it: `;`, trailing delimiter, two classes interleaved. */
const CSV = [
  'POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;DRIVER_3;VEHICLE;CLASS;STATUS;LAPS;',
  '1;22;United Autosports;Filipe ALBUQUERQUE;Phil HANSON;;Oreca 07 - Gibson;LMP2;Classified;120;',
  '2;007;Aston Martin Racing;Tom GAMBLE;Harry TINCKNELL;Ross GUNN;;HYPERCAR;Classified;118;',
  '3;7;Toyota Gazoo Racing;Kamui KOBAYASHI;;;Toyota GR010 - Hybrid;HYPERCAR;Retired;90;',
  '4;35;Alpine Elf Team;Paul-Loup CHATIN;Ferdinand HABSBURG;Charles MILESI;Alpine A424;LMP2;Retired;12;',
  '',
].join('\n');

function classification(): ProvisionalClassification {
  const parsed = parseClassificationCsv(CSV, 'results.csv');
  if (!parsed.ok) assert.fail(parsed.error.map(formatIssue).join('\n'));
  return parsed.value;
}

const OPTIONS = {
  series: 'FIA World Endurance Championship',
  season: '2024',
  round: { name: '6 Hours of Spa', circuit: 'Spa-Francorchamps', country: 'BEL', date: '2024-05-11' },
};

test('classes in order of first appearance, entries as printed, one round, no results; it reads back with no issues', () => {
  const text = seasonFileFromClassification(classification(), OPTIONS);
  const parsed = parseSeasonFile(text, 'spa.yaml');
  if (!parsed.ok) assert.fail(parsed.error.map(formatIssue).join('\n'));
  const season = parsed.value;
  assert.equal(season.id, 'fwec-2024');
  assert.equal(season.series, 'FIA World Endurance Championship');
  assert.equal(season.season, '2024');
  assert.deepEqual(
    season.classes.map((c) => [c.id, c.name]),
    [
      ['LMP2', 'LMP2'],
      ['HYPERCAR', 'HYPERCAR'],
    ],
  );
  assert.deepEqual(
    season.entries.map((e) => [e.car, e.class, e.team, e.carModel]),
    [
      ['22', 'LMP2', 'United Autosports', 'Oreca 07 - Gibson'],
      ['007', 'HYPERCAR', 'Aston Martin Racing', undefined],
      ['7', 'HYPERCAR', 'Toyota Gazoo Racing', 'Toyota GR010 - Hybrid'],
      ['35', 'LMP2', 'Alpine Elf Team', 'Alpine A424'],
    ],
  );
  assert.deepEqual(season.entries.find((e) => e.car === '007')?.drivers, [
    { name: 'Tom GAMBLE', rounds: 'all' },
    { name: 'Harry TINCKNELL', rounds: 'all' },
    { name: 'Ross GUNN', rounds: 'all' },
  ]);
  assert.deepEqual(
    season.entries.find((e) => e.car === '7')?.drivers.map((d) => d.name),
    ['Kamui KOBAYASHI'],
  );
  assert.equal(
    season.entries.every((e) => e.eligible),
    true,
  );
  assert.deepEqual(season.rounds, [
    {
      round: 1,
      name: '6 Hours of Spa',
      circuit: 'Spa-Francorchamps',
      country: 'BEL',
      date: '2024-05-11',
      pointsMultiplier: 1,
    },
  ]);
  assert.deepEqual(season.races, []);
  assert.deepEqual(season.points, WEC_POINTS);
  // The file itself keeps `007` a string, so no YAML reader can take it for the number 7.
  assert.match(text, /car: "007"/);
});

test('the id, points, multiplier, class names and notes given are written', () => {
  const points = { ...WEC_POINTS, positions: [10, 6, 4], otherClassified: 0.5, pole: 0 };
  const text = seasonFileFromClassification(classification(), {
    ...OPTIONS,
    id: 'wec-2024',
    round: { name: '24 Hours of Le Mans', pointsMultiplier: 2 },
    points,
    classNames: { HYPERCAR: 'Hypercar' },
    notes: ['From the provisional classification.'],
  });
  const parsed = parseSeasonFile(text, 'le-mans.yaml');
  if (!parsed.ok) assert.fail(parsed.error.map(formatIssue).join('\n'));
  assert.equal(parsed.value.id, 'wec-2024');
  assert.deepEqual(parsed.value.points, points);
  assert.deepEqual(parsed.value.rounds, [{ round: 1, name: '24 Hours of Le Mans', pointsMultiplier: 2 }]);
  assert.deepEqual(
    parsed.value.classes.map((c) => c.name),
    ['LMP2', 'Hypercar'],
  );
  assert.deepEqual(parsed.value.notes, ['From the provisional classification.']);
  // The text is the season serialised: it reads back to the same season.
  assert.deepEqual(
    parsed.value,
    seasonFromClassification(classification(), {
      ...OPTIONS,
      id: 'wec-2024',
      round: { name: '24 Hours of Le Mans', pointsMultiplier: 2 },
      points,
      classNames: { HYPERCAR: 'Hypercar' },
      notes: ['From the provisional classification.'],
    }),
  );
});
