/** A timing classification that spells a driver the old way reaches the same driver, by the season's aliases. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { raceFromTiming } from './timing-import.ts';
import { parseClassificationCsv } from '../formats/timing/classification-csv.ts';
import { buildSeason } from '../../test/support/season-builder.ts';

const season = buildSeason({
  rounds: 2,
  entries: [
    {
      car: '51',
      class: 'GT',
      team: 'AF Corse',
      eligible: true,
      drivers: [
        { name: 'Custodio Toledo', rounds: 'all' },
        { name: 'Cédric Sbirrazzuoli', rounds: 'all', aliases: ['Cedric SBIRRAZZOULI'] },
      ],
    },
  ],
  races: [],
});

const CSV = [
  'POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;DRIVER_3;CLASS;STATUS;LAPS;TOTAL_TIME;',
  "1;51;AF Corse;Custodio TOLEDO;Cedric SBIRRAZZOULI;Someone ELSE;GT;Classified;98;4:03'06.185;",
  '',
].join('\n');

test('the old spelling is the driver it was kept for; a name the crew does not have is reported', () => {
  const timing = parseClassificationCsv(CSV, 'race.csv');
  assert.ok(timing.ok, JSON.stringify(timing));
  const mapped = raceFromTiming(season, 2, timing.value, 'race.csv');
  assert.ok(mapped.ok);
  assert.deepEqual(mapped.value.race.classification?.[0]?.drivers, ['Custodio Toledo', 'Cédric Sbirrazzuoli']);
  assert.deepEqual(mapped.value.unknownDrivers, [{ car: '51', driver: 'Someone ELSE' }]);
});
