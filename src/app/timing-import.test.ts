import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Office } from './office.ts';
import { openOffice } from './office.ts';
import { parseClassificationCsv } from '../formats/timing/classification-csv.ts';
import type { ProvisionalLine } from '../formats/timing/classification-csv.ts';
import { serializeSeasonFile } from '../formats/season-file.ts';
import type { Season } from '../domain/season.ts';
import { teamStandings } from '../domain/standings.ts';
import { buildSeason } from '../../test/support/season-builder.ts';
import { needsRecordedRaces, timingBytes } from '../../test/support/timing-fixtures.ts';
import { databaseKind, openTestDatabase } from '../../test/support/database.ts';

const titleCase = (name: string) =>
  name.replace(/\b(\p{L})(\p{L}*)/gu, (_, a: string, b: string) => a + b.toLowerCase());

/** Asian Le Mans 2023, Dubai race 1 (real Al Kamel file): a season whose entry list is that race's. */
const seasonOf = (timingLines: readonly ProvisionalLine[]): Season => ({
  ...buildSeason({
    classes: ['LMP2', 'LMP3', 'GT'],
    entries: timingLines.map((l) => ({
      car: l.car,
      class: l.class,
      team: l.team,
      eligible: true,
      // The crews as a season file spells them; car 7's third driver left out, to be reported.
      drivers: l.drivers
        .filter((_, i) => !(l.car === '7' && i === 2))
        .map((name) => ({ name: titleCase(name), rounds: 'all' as const })),
    })),
    races: [],
    rounds: 2,
  }),
  id: 'alms-2023',
});

let bytes: Uint8Array;
let timingLines: readonly ProvisionalLine[];
let office: Office;
before(async () => {
  if (needsRecordedRaces.skip) return; // the tests are skipped: nothing to set up
  bytes = timingBytes('dubai2023Classification');
  const timing = parseClassificationCsv(bytes, 'dubai.csv');
  assert.ok(timing.ok);
  timingLines = timing.value.lines;
  office = await openOffice(await openTestDatabase(), { now: () => new Date('2023-02-11T19:30:00Z') });
  assert.ok((await office.importSeasonFile(serializeSeasonFile(seasonOf(timingLines)), 'alms-2023.yaml')).ok);
});
after(() => office?.close());

test(
  `a real timing classification becomes round 1's provisional results (${databaseKind()})`,
  needsRecordedRaces,
  async () => {
    // A driver not in the crew: refused, that line only, nothing changed, until the officer confirms.
    const before = await office.exportSeason('alms-2023');
    const refused = await office.importTimingClassification('alms-2023', 1, bytes, 'dubai.csv', 'Tim Keeper');
    assert.deepEqual(!refused.ok && refused.error.map((i) => [i.code, i.message]), [
      ['driver-not-in-crew', "#7 Martin KONRAD is not in the car's crew"],
    ]);
    assert.equal(await office.exportSeason('alms-2023'), before);
    const imported = await office.importTimingClassification('alms-2023', 1, bytes, 'dubai.csv', 'Tim Keeper', {
      confirm: true,
    });
    assert.ok(imported.ok, JSON.stringify(!imported.ok && imported.error.slice(0, 3)));
    assert.deepEqual(imported.value.crewChanges, ['#7 Martin KONRAD added to the crew for round 1']);
    const stored = await office.season('alms-2023');
    const race = stored!.races.find((r) => r.round === 1)!;
    assert.equal(race.state, 'provisional');
    assert.equal(race.classification!.length, 46);
    assert.equal(race.classification!.filter((l) => l.status === 'Classified').length, 39);
    // Each line keeps what the sheet gives: laps, race time and the car's fastest lap.
    const sheetWinner = timingLines[0]!;
    const storedWinner = race.classification!.find((l) => l.car === sheetWinner.car)!;
    assert.deepEqual(
      [storedWinner.laps, storedWinner.totalTimeMs, storedWinner.bestLapMs],
      [sheetWinner.laps, sheetWinner.totalTimeMs, sheetWinner.bestLap?.lapTimeMs],
    );
    assert.ok((storedWinner.bestLapMs ?? 0) > 60_000, 'a Dubai lap takes more than a minute');
    assert.deepEqual(imported.value.unknownDrivers, []);
    const crew = stored!.entries.find((e) => e.car === '7')!.drivers;
    assert.deepEqual(crew.at(-1), { name: 'Martin KONRAD', rounds: [1] });
    // Class winners score 25: the first car of each class in the file.
    for (const cls of ['LMP2', 'LMP3', 'GT']) {
      const first = timingLines.find((l) => l.class === cls && l.status === 'Classified')!;
      const row = teamStandings(stored!, cls).rows[0]!;
      assert.equal(row.kind === 'teams' && row.car, first.car, cls);
      assert.equal(row.points, 25_000, cls);
    }
    assert.deepEqual(
      (await office.resultsStates('alms-2023')).map((s) => [s.round, s.state, s.by]),
      [[1, 'provisional', 'Tim Keeper']],
    );
  },
);

test('a file with a car not in the entry list changes nothing and names the line', needsRecordedRaces, async () => {
  const before = await office.exportSeason('alms-2023');
  const text = new TextDecoder().decode(bytes);
  const [header, first, ...rest] = text.split('\n');
  const strange = first!.replace(/^(\d+),(\d+),/, '$1,999,');
  const result = await office.importTimingClassification(
    'alms-2023',
    2,
    [header, strange, ...rest].join('\n'),
    'r2.csv',
    'Tim Keeper',
  );
  assert.ok(!result.ok);
  assert.deepEqual(
    result.error.map((i) => [i.line, i.code]),
    // Every line at once: the car no confirmation makes right, and the driver (entered for round 1 only).
    [
      [2, 'unknown-car'],
      [19, 'driver-not-entered'],
    ],
  );
  assert.match(result.error[0]!.message, /car #999 .* is not in the entry list of alms-2023/);
  assert.equal(await office.exportSeason('alms-2023'), before);
});

test(
  'a round that does not exist, or a file that is not a classification, is refused',
  needsRecordedRaces,
  async () => {
    const noRound = await office.importTimingClassification('alms-2023', 9, bytes, 'dubai.csv', 'T');
    assert.ok(!noRound.ok);
    assert.equal(noRound.error[0]!.code, 'round-out-of-range');
    const laps = await office.importTimingClassification(
      'alms-2023',
      2,
      'NUMBER;DRIVER_NUMBER;LAP_NUMBER\n1;1;1\n',
      'laps.csv',
      'T',
    );
    assert.ok(!laps.ok);
  },
);
