/** The Le Mans 2024 season file built from the official classification (test/support/le-mans-2024-season.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIssue, parseSeasonFile } from '../src/formats/season-file.ts';
import { LE_MANS_2024, leMans2024SeasonYaml } from './support/le-mans-2024-season.ts';
import { needsRecordedRaces } from './support/timing-fixtures.ts';

test(
  'Le Mans 2024 season file: parses with no issues; 62 entries in three classes, one double-points round',
  needsRecordedRaces,
  () => {
    const parsed = parseSeasonFile(leMans2024SeasonYaml(), 'le-mans-2024.yaml');
    if (!parsed.ok) assert.fail(parsed.error.map(formatIssue).join('\n'));
    const season = parsed.value;
    assert.equal(season.id, LE_MANS_2024.seasonId);
    assert.equal(season.series, 'FIA World Endurance Championship');
    assert.equal(season.season, '2024');
    assert.deepEqual(
      season.classes.map((c) => [c.id, c.name]),
      [
        ['HYPERCAR', 'Hypercar'],
        ['LMP2', 'LMP2'],
        ['LMGT3', 'LMGT3'],
      ],
    );
    assert.equal(season.entries.length, 62);
    const perClass = Object.fromEntries(
      season.classes.map((c) => [c.id, season.entries.filter((e) => e.class === c.id).length]),
    );
    assert.deepEqual(perClass, { HYPERCAR: 23, LMP2: 16, LMGT3: 23 });
    assert.equal(season.rounds.length, 1);
    assert.equal(season.rounds[0]?.round, LE_MANS_2024.round);
    assert.equal(season.rounds[0]?.pointsMultiplier, 2);
    assert.deepEqual(season.races, []);
    const winner = season.entries.find((e) => e.car === '50');
    assert.equal(winner?.team, 'Ferrari AF Corse');
    assert.deepEqual(
      winner?.drivers.map((d) => d.name),
      ['Antonio FUOCO', 'Miguel MOLINA', 'Nicklas NIELSEN'],
    );
  },
);
