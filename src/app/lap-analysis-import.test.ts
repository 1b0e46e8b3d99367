/**
 * Lap analyses into a round on a real database (PGlite, or PostgreSQL with DATABASE_URL): a
 * race's stored for its drive times (replacing the one before, audited, its drivers read as the
 * crew's), refused line by line when it does not fit the round; a qualifying session's setting
 * the race-2 pole by the second-best valid lap, a lap deleted for track limits left out. The files
 * are test/fixtures/lap-analysis, made for these tests.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Office } from './office.ts';
import { openOffice } from './office.ts';
import { formatIssue } from '../formats/season-file.ts';
import { listResultsChanges } from '../store/results-changes.ts';
import { entryListChanges } from './entry-list.ts';
import { LapAnalysisCache, roundDriveTimes } from './drive-times.ts';
import { databaseKind, openTestDatabase } from '../../test/support/database.ts';
import type { Sql } from '../store/database.ts';

const FIXTURES = new URL('../../test/fixtures/lap-analysis/', import.meta.url);
const RACE = '202412071400-race-201-laps.csv';
const QUALIFYING = '202412071015-qualifying-20lmp2-20and-20gt-results.csv';
const QUALIFYING_LAPS = '202412071015-qualifying-20lmp2-20and-20gt-laps.csv';
const SEASON = 'laps-2024-25';

const fixture = (name: string) => readFile(new URL(name, FIXTURES), 'utf8');

/** Every row of every table, as text: a refused import changed nothing. */
async function snapshot(db: Sql): Promise<string> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`);
    parts.push(
      `${name}:\n${rows
        .map((r) => r.row)
        .sort()
        .join('\n')}`,
    );
  }
  return parts.join('\n');
}

let office: Office;
before(async () => {
  office = await openOffice(await openTestDatabase(), { now: () => new Date('2024-12-07T19:00:00Z') });
  const imported = await office.importSeasonFile(await fixture('season.yaml'), 'season.yaml');
  assert.ok(imported.ok, JSON.stringify(!imported.ok && imported.error));
});
after(() => office.close());

test(`a race lap analysis is stored with the crew's drivers, checked against the drive-time rules (${databaseKind()})`, async () => {
  const imported = await office.importLapAnalysis(SEASON, 1, await fixture(RACE), RACE, 'Tim Keeper');
  assert.ok(imported.ok, JSON.stringify(!imported.ok && imported.error.map(formatIssue)));
  assert.equal(imported.value.session, 'race');
  assert.deepEqual(
    imported.value.session === 'race' && {
      cars: imported.value.cars,
      laps: imported.value.laps,
      infringements: imported.value.infringements,
    },
    { cars: 5, laps: 73, infringements: 2 },
  );
  // Spelled otherwise by the timing: an alias, accents left out, `ue` for `ü`.
  assert.deepEqual(imported.value.session === 'race' && [...imported.value.spellings].sort(), [
    '#22 Tomas ORTEGA is Tomás ORTEGA',
    '#24 Maximilian HOHENBERG is Maximilian HOHENBERG-LANDAU',
    '#30 Lucas MUELLER is Lucas MÜLLER',
    '#51 Elodie BRAZZUOLI is Élodie BRAZZOULI',
  ]);
  assert.deepEqual(imported.value.crewChanges, []);

  const times = await office.driveTimes(SEASON, 1);
  assert.ok(times);
  assert.equal(times.file, RACE);
  assert.equal(times.checked, true);
  assert.deepEqual(
    times.classes.map((c) => [c.class, c.cars.map((car) => car.car)]),
    [
      ['LMP2', ['22', '24', '30']],
      ['GT', ['7', '51']],
    ],
  );
  const lmp2 = times.classes[0]!;
  assert.deepEqual(
    lmp2.cars[1]!.drivers.map((d) => [d.driver, d.rating, d.driveTimeMs, d.stints.length]),
    [
      ['Naveen PATEL', 'Bronze', 485_370, 1],
      ['Maximilian HOHENBERG-LANDAU', 'Gold', 789_720, 1],
      ['Kai NAKAMURA', 'Platinum', 662_526, 1],
    ],
  );
  assert.deepEqual(lmp2.infringements, [
    { car: '24', driver: 'Naveen PATEL', rule: 'minPerDriver', limitMs: 600_000, actualMs: 485_370, excessMs: 114_630 },
  ]);
  const gt = times.classes[1]!;
  // The team's name at round 1, before it was renamed.
  assert.equal(gt.cars[1]!.team, 'Falcon Motorsport');
  assert.deepEqual(gt.cars[1]!.drivers[1]!.driver, 'Élodie BRAZZOULI');
  assert.deepEqual(
    gt.infringements.map((i) => [i.car, i.driver, i.rule, i.fromLap, i.toLap]),
    [['7', 'Sam BROOKS', 'maxStint', 4, 14]],
  );
  const changes = await listResultsChanges(office.db, SEASON);
  assert.deepEqual(
    changes.map((c) => [c.round, c.kind, c.details, c.by]),
    [[1, 'lap-analysis', { file: RACE, session: 'race', cars: 5, laps: 73 }, 'Tim Keeper']],
  );
});

test("another lap analysis replaces the round's whole, with commas, the session given by the officer", async () => {
  // A re-export: commas, the header without spaces, and a name that does not say the session.
  const text = (await fixture(RACE)).replaceAll('; ', ';').replaceAll(';', ',');
  const withoutSeven = text
    .split('\n')
    .filter((l) => !l.startsWith('7,'))
    .join('\n');
  const unsaid = await office.importLapAnalysis(SEASON, 1, withoutSeven, 'laps-export.csv', 'Tim Keeper');
  assert.deepEqual(!unsaid.ok && unsaid.error.map(formatIssue), [
    'laps-export.csv:1: session laps-export.csv: cannot tell a race lap analysis from a qualifying one by its name: ' +
      'give ?session=race or ?session=qualifying (pitwall timing import --session)',
  ]);
  const imported = await office.importLapAnalysis(SEASON, 1, withoutSeven, 'laps-export.csv', 'Tim Keeper', {
    session: 'race',
  });
  assert.ok(imported.ok, JSON.stringify(!imported.ok && imported.error.map(formatIssue)));
  const times = await office.driveTimes(SEASON, 1);
  assert.equal(times?.file, 'laps-export.csv');
  assert.deepEqual(
    times?.classes.at(-1)?.cars.map((c) => c.car),
    ['51'],
  );
  const stored = await office.db.query<{ n: number }>(
    'SELECT count(*)::integer AS n FROM lap_analysis_laps WHERE season_id = $1 AND round = 1',
    [SEASON],
  );
  assert.equal(stored[0]?.n, 73 - 14);
  assert.equal((await listResultsChanges(office.db, SEASON)).filter((c) => c.kind === 'lap-analysis').length, 2);
  // Round 2 has none.
  assert.equal(await office.driveTimes(SEASON, 2), undefined);
});

test('the drive times read the laps again only after another import, even one of the same file at the same moment', async () => {
  const cache = new LapAnalysisCache(1);
  const lapReads: string[] = [];
  const counting: Sql = {
    ...office.db,
    query: (text, params) => {
      if (/FROM lap_analysis_laps/.test(text)) lapReads.push(text);
      return office.db.query(text, params);
    },
  };
  const text = await fixture(RACE);
  const whole = await office.importLapAnalysis(SEASON, 1, text, RACE, 'Tim Keeper', { confirm: true });
  assert.ok(whole.ok, JSON.stringify(!whole.ok && whole.error.map(formatIssue)));
  const season = await office.season(SEASON);
  assert.ok(season);
  const cars = async () =>
    (await roundDriveTimes(counting, season, 1, undefined, cache))?.classes.flatMap((c) =>
      c.cars.map((car) => car.car),
    );
  const before = await cars();
  assert.equal(lapReads.length, 1);
  assert.deepEqual(await cars(), before);
  assert.equal(lapReads.length, 1, 'the same import is not read twice');

  // The office's clock stands still: the same file name, the same moment, one car fewer.
  const lastCar = before?.at(-1) ?? '';
  const without = text
    .split('\n')
    .filter((l) => !l.startsWith(`${lastCar};`))
    .join('\n');
  const again = await office.importLapAnalysis(SEASON, 1, without, RACE, 'Tim Keeper', { confirm: true });
  assert.ok(again.ok, JSON.stringify(!again.ok && again.error.map(formatIssue)));
  assert.deepEqual(await cars(), before?.slice(0, -1));
  assert.equal(lapReads.length, 2);
  // One round held: another round's (none here) does not make it read again; the office's own cache the same.
  assert.equal(await roundDriveTimes(counting, season, 2, undefined, cache), undefined);
  assert.deepEqual(await cars(), before?.slice(0, -1));
  assert.equal(lapReads.length, 2);
  assert.deepEqual(
    (await office.driveTimes(SEASON, 1))?.classes.flatMap((c) => c.cars.map((car) => car.car)),
    before?.slice(0, -1),
  );
});

test('a lap analysis that does not fit the round is refused with its lines, nothing changed, until confirmed', async () => {
  const text = (await fixture(RACE))
    // Car #99 is in no entry list; Jonas WEBER is #22's for round 3 only; Zoe NOBODY is in no crew.
    .replace(/^7;/gm, '99;')
    .replace(/Renée FAURE/g, 'Jonas WEBER')
    .replace(/^(24;3;1[45];.*)Kai NAKAMURA/gm, '$1Zoe NOBODY');
  const before = await snapshot(office.db);
  const refused = await office.importLapAnalysis(SEASON, 1, text, RACE, 'Tim Keeper', { confirm: true });
  assert.deepEqual(!refused.ok && refused.error.map(formatIssue), [
    `${RACE}:14: driver-not-entered #22 Jonas WEBER is in the crew but not entered for round 1`,
    `${RACE}:30: driver-not-in-crew #24 Zoe NOBODY is not in the car's crew`,
    `${RACE}:61: unknown-car NUMBER: car #99 is not in the entry list of laps-2024-25`,
  ]);
  assert.equal(await snapshot(office.db), before);

  const fitting = text.replace(/^99;/gm, '7;');
  const unconfirmed = await office.importLapAnalysis(SEASON, 1, fitting, RACE, 'Tim Keeper');
  assert.deepEqual(!unconfirmed.ok && unconfirmed.error.map((i) => [i.line, i.code]), [
    [14, 'driver-not-entered'],
    [30, 'driver-not-in-crew'],
  ]);
  assert.equal(await snapshot(office.db), before);
  const confirmed = await office.importLapAnalysis(SEASON, 1, fitting, RACE, 'Tim Keeper', { confirm: true });
  assert.ok(confirmed.ok);
  assert.deepEqual(confirmed.value.crewChanges, [
    '#22 Jonas WEBER entered for round 1',
    '#24 Zoe NOBODY added to the crew for round 1',
  ]);
  const season = await office.season(SEASON);
  assert.deepEqual(season?.entries.find((e) => e.car === '24')?.drivers.at(-1), { name: 'Zoe NOBODY', rounds: [1] });
  // In the entry list's audit trail, as a classification's confirmed crew changes are.
  const recorded = (await entryListChanges(office.db, SEASON)).at(-1);
  assert.equal(recorded?.kind, 'timing-crew');
  assert.deepEqual(
    recorded?.entries.map((e) => e.car),
    ['22', '24'],
  );
  // Put the round back as the tests after this one expect it.
  assert.ok((await office.importLapAnalysis(SEASON, 1, await fixture(RACE), RACE, 'Tim Keeper')).ok);
});

test("a qualifying lap analysis sets race 2's pole by the second-best valid lap, a deleted lap left out", async () => {
  const laps = await fixture(QUALIFYING_LAPS);
  // Before the qualifying results, the deleted laps cannot be told: said, nothing set.
  const early = await office.importLapAnalysis(SEASON, 1, laps, QUALIFYING_LAPS, 'Tim Keeper');
  assert.ok(early.ok && early.value.session === 'qualifying');
  assert.deepEqual(early.value.poles, []);
  assert.match(
    early.value.notSet.join('\n'),
    /round 2 \(Sepang - Race 2\): no LMP2 pole \(second-best valid lap\): #24 has no best lap from the qualifying results/,
  );

  const results = await office.importQualifying(SEASON, 1, await fixture(QUALIFYING), QUALIFYING, 'Tim Keeper');
  assert.ok(results.ok, JSON.stringify(!results.ok && results.error.map(formatIssue)));
  assert.deepEqual(results.value.poles, [
    { round: 1, class: 'LMP2', cars: ['24', '30', '22'] },
    { round: 1, class: 'GT', cars: ['51', '7'] },
  ]);
  assert.deepEqual(results.value.notes, []);

  const imported = await office.importLapAnalysis(SEASON, 2, laps, QUALIFYING_LAPS, 'Tim Keeper');
  assert.ok(imported.ok && imported.value.session === 'qualifying', JSON.stringify(imported));
  // #30's 1:52.800 was deleted: counted, its second-best would be 1:53.300 and the pole.
  assert.deepEqual(imported.value.poles, [
    { round: 2, class: 'LMP2', cars: ['22', '24', '30'] },
    { round: 2, class: 'GT', cars: ['7', '51'] },
  ]);
  assert.deepEqual(imported.value.notes, [
    `${QUALIFYING_LAPS}:13: #30 lap 2 (1:52.800) is faster than its best in the qualifying results (1:53.300): taken as deleted`,
  ]);
  assert.deepEqual(imported.value.notSet, [
    'round 1 (Sepang - Race 1): race 1 is ordered by the best lap: the qualifying results set that pole (pitwall timing import …-results.csv)',
  ]);
  const season = await office.season(SEASON);
  assert.deepEqual(season?.races.find((r) => r.round === 2)?.poles, { LMP2: ['22', '24', '30'], GT: ['7', '51'] });
  assert.deepEqual(season?.races.find((r) => r.round === 1)?.poles, { LMP2: ['24', '30', '22'], GT: ['51', '7'] });
  // Each pole set is in the audit trail, as by PUT …/poles.
  const poles = (await listResultsChanges(office.db, SEASON)).filter((c) => c.kind === 'poles');
  assert.deepEqual(poles.at(-1), {
    round: 2,
    kind: 'poles',
    details: { LMP2: ['22', '24', '30'], GT: ['7', '51'] },
    by: 'Tim Keeper',
    at: '2024-12-07T19:00:00.000Z',
  });
  // The race lap analysis of round 1 is not touched by it, nor by saving the poles.
  assert.equal((await office.driveTimes(SEASON, 1))?.file, RACE);

  // A lap race control deleted (#22's 1:53.500, which the results cannot show) is named and left out.
  const deleted = await office.importLapAnalysis(SEASON, 2, laps, QUALIFYING_LAPS, 'Tim Keeper', { deleted: '22:3' });
  assert.ok(deleted.ok && deleted.value.session === 'qualifying');
  assert.deepEqual(deleted.value.poles[0], { round: 2, class: 'LMP2', cars: ['24', '30', '22'] });
  const unknown = await office.importLapAnalysis(SEASON, 2, laps, QUALIFYING_LAPS, 'Tim Keeper', { deleted: '22:30' });
  assert.deepEqual(!unknown.ok && unknown.error.map(formatIssue), [
    `${QUALIFYING_LAPS}:1: deleted deleted: car #22 has no lap 30 in the lap analysis`,
  ]);
});

test('qualifying results in a season without a pole rule say that the best lap set the pole', async () => {
  const text = (await fixture('season.yaml'))
    .replace('id: laps-2024-25', 'id: no-rule-2024-25')
    .replace(/^poleRule:.*$/m, '');
  assert.ok((await office.importSeasonFile(text, 'no-rule.yaml')).ok);
  const results = await office.importQualifying(
    'no-rule-2024-25',
    1,
    await fixture(QUALIFYING),
    QUALIFYING,
    'Tim Keeper',
  );
  assert.ok(results.ok);
  assert.deepEqual(
    results.value.poles.map((p) => [p.round, p.class, p.cars[0]]),
    [
      [1, 'LMP2', '24'],
      [1, 'GT', '51'],
    ],
  );
  assert.deepEqual(results.value.notes, [
    "round 1: the season has no pole rule (poleRule, docs/season-file.md): the pole is each class's best lap of " +
      'the qualifying results; correct it with PUT …/poles or pitwall poles if the series says otherwise',
  ]);
});
