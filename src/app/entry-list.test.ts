import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Office } from './office.ts';
import { openOffice } from './office.ts';
import type { EntryChange } from '../domain/entry-list.ts';
import { changeEntryList, entryListChanges, entryListView } from './entry-list.ts';
import { parseSeasonFile } from '../formats/season-file.ts';
import { loadSeason } from '../store/seasons.ts';
import { databaseKind, openTestDatabase } from '../../test/support/database.ts';

const FIXTURE = new URL('../../test/fixtures/entry-list/season.yaml', import.meta.url);
const ID = 'el-2025';
const AT = '2025-02-10T09:00:00.000Z';

let office: Office;
before(async () => {
  office = await openOffice(await openTestDatabase());
  assert.ok((await office.importSeasonFile(await readFile(FIXTURE, 'utf8'), 'season.yaml')).ok);
});
after(() => office.close());

/** What a refused change must leave as it was: the season (and its revision) and the audit trail. */
async function snapshot(db: Office['db']): Promise<string> {
  const revision = await db.query('SELECT revision FROM seasons WHERE id = $1', [ID]);
  return JSON.stringify([revision, await loadSeason(db, ID), await entryListChanges(db, ID)]);
}

const change = (c: EntryChange, confirm = false) =>
  changeEntryList(office.db, ID, c, { by: 'Kim Lee', at: AT, confirm });

test(`changes are saved with who, when, what and each entry before and after (${databaseKind()})`, async () => {
  const added = await change({
    kind: 'add-entry',
    car: '99',
    class: 'LMP2',
    team: 'Late Entry Racing',
    fromRound: 3,
    drivers: [
      { name: 'Zoe PARK', rating: 'Bronze', nationality: 'KOR' },
      { name: 'Ivan PETROV', rating: 'Gold', nationality: 'BGR' },
    ],
  });
  assert.ok(added.ok, JSON.stringify(!added.ok && added.error));
  assert.equal(added.value.changed, true);
  const renamed = await change({ kind: 'team-name', car: '22', team: 'Meridian by Apex', fromRound: 3 });
  assert.ok(renamed.ok);

  const season = await loadSeason(office.db, ID);
  const view = entryListView(season!);
  const lmp2 = view.classes.find((c) => c.id === 'LMP2')!;
  assert.deepEqual(
    lmp2.entries.map((e) => e.car),
    ['22', '30', '99'],
  );
  assert.deepEqual(lmp2.entries[2]!.rounds, [
    { round: 3, team: 'Late Entry Racing', drivers: ['Zoe PARK', 'Ivan PETROV'] },
    { round: 4, team: 'Late Entry Racing', drivers: ['Zoe PARK', 'Ivan PETROV'] },
  ]);
  assert.deepEqual(
    lmp2.entries[0]!.rounds.map((r) => [r.round, r.team]),
    [
      [1, 'Meridian Racing'],
      [2, 'Meridian Racing'],
      [3, 'Meridian by Apex'],
      [4, 'Meridian by Apex'],
    ],
  );

  const trail = await entryListChanges(office.db, ID);
  assert.deepEqual(
    trail.map((c) => [c.kind, c.by, c.at, c.summary]),
    [
      ['add-entry', 'Kim Lee', AT, '#99 added to LMP2 from round 3: Late Entry Racing, Zoe PARK, Ivan PETROV'],
      ['team-name', 'Kim Lee', AT, '#22 runs as Meridian by Apex from round 3'],
    ],
  );
  assert.equal(trail[0]!.entries[0]!.before, null);
  assert.deepEqual(trail[1]!.entries[0]!.before?.team, 'Meridian Racing');
  assert.deepEqual(trail[1]!.entries[0]!.after?.teamNames, [{ team: 'Meridian Racing', rounds: [1, 2] }]);
  assert.deepEqual(trail[1]!.request, { car: '22', team: 'Meridian by Apex', fromRound: 3 });
});

test('a change that would contradict an imported result is refused, and nothing changes', async () => {
  const before = await snapshot(office.db);
  // Tomás ORTEGA drove #22 at round 1 (its line lists him).
  const refused = await change({
    kind: 'crew',
    car: '22',
    fromRound: 1,
    drivers: [{ name: 'Aksel LINDQVIST' }, { name: 'Renée FAURE' }],
  });
  assert.ok(!refused.ok);
  assert.equal(refused.error.code, 'conflict');
  assert.deepEqual(
    (refused.error.issues ?? []).map((i) => [i.code, i.path]),
    [
      ['drove-classified-race', 'drivers'],
      ['credited-crew', 'drivers'],
    ],
  );
  const withdrawn = await change({ kind: 'withdraw', car: '7', round: 2 });
  assert.ok(!withdrawn.ok);
  assert.deepEqual(
    (withdrawn.error.issues ?? []).map((i) => i.code),
    ['in-classification', 'holds-pole'],
  );
  const unknown = await change({ kind: 'withdraw', car: '8', round: 3 });
  assert.deepEqual(!unknown.ok && [unknown.error.code, unknown.error.message], [
    'not-found',
    'car: car #8 is not in the entry list of el-2025',
  ]);
  const noSeason = await changeEntryList(
    office.db,
    'nope',
    { kind: 'withdraw', car: '8', round: 3 },
    { by: 'x', at: AT },
  );
  assert.deepEqual(!noSeason.ok && noSeason.error.code, 'not-found');
  assert.equal(await snapshot(office.db), before);
});

test('a crew that breaks a line-up rule needs the officer to confirm it', async () => {
  const before = await snapshot(office.db);
  // One driver, and no Silver or Bronze: two rules broken at rounds 3 and 4.
  const crew: EntryChange = { kind: 'crew', car: '30', fromRound: 3, drivers: [{ name: 'Nia GOLD', rating: 'Gold' }] };
  const refused = await change(crew);
  assert.ok(!refused.ok);
  assert.equal(refused.error.code, 'needs-confirmation');
  assert.deepEqual(
    (refused.error.issues ?? []).map((i) => i.message),
    [
      '#30 round 3: 2 or 3 drivers: 1 driver entered, expected 2 to 3: Nia GOLD',
      '#30 round 3: At least one Silver or Bronze: 0 of 1 driver entered are Silver or Bronze, expected at least 1: Nia GOLD (Gold)',
      '#30 round 4: 2 or 3 drivers: 1 driver entered, expected 2 to 3: Nia GOLD',
      '#30 round 4: At least one Silver or Bronze: 0 of 1 driver entered are Silver or Bronze, expected at least 1: Nia GOLD (Gold)',
    ],
  );
  assert.equal(await snapshot(office.db), before);
  const confirmed = await change(crew, true);
  assert.ok(confirmed.ok);
  assert.equal(confirmed.value.findings.length, 4);
  // Put back: Fred and Lucas from round 3 again; Nia leaves the crew (no round left).
  const back = await change({
    kind: 'crew',
    car: '30',
    fromRound: 3,
    drivers: [{ name: 'Fred OKAFOR' }, { name: 'Lucas MÜLLER' }],
  });
  assert.ok(back.ok);
  const season = await loadSeason(office.db, ID);
  assert.deepEqual(
    season!.entries.find((e) => e.car === '30')!.drivers.map((d) => [d.name, d.rounds]),
    [
      ['Fred OKAFOR', 'all'],
      ['Lucas MÜLLER', 'all'],
    ],
  );
});

test('asking for what already is changes nothing and records nothing', async () => {
  const trail = (await entryListChanges(office.db, ID)).length;
  const same = await change({ kind: 'driver', car: '7', name: 'Hiro Tanaka', rating: 'Bronze' });
  assert.ok(same.ok);
  assert.equal(same.value.changed, false);
  assert.equal((await entryListChanges(office.db, ID)).length, trail);
});

test('export then import of the changed season keeps every change', async () => {
  const changes: EntryChange[] = [
    { kind: 'crew', car: '7', round: 4, drivers: [{ name: 'Hiro TANAKA' }, { name: 'Mei LIN', nationality: 'TWN' }] },
    { kind: 'driver', car: '51', name: 'Elodie Brazzouli', rating: 'Gold', aliases: ['Elodie BRAZZUOLI'] },
    { kind: 'withdraw', car: '30', round: 4 },
    { kind: 'entry-details', car: '99', eligible: false, carModel: 'Oreca 07 - Gibson', nationality: 'KOR' },
  ];
  for (const c of changes) {
    const done = await change(c, true);
    assert.ok(done.ok, JSON.stringify(!done.ok && done.error));
  }
  const stored = await loadSeason(office.db, ID);
  const text = await office.exportSeason(ID);
  const reread = parseSeasonFile(text!, 'exported.yaml');
  assert.ok(reread.ok, JSON.stringify(!reread.ok && reread.error.slice(0, 3)));
  assert.deepEqual(reread.value.entries, stored!.entries);
  // Into a fresh database, and out again: the same file.
  const other = await openOffice(await openTestDatabase());
  try {
    assert.ok((await other.importSeasonFile(text!, 'exported.yaml')).ok);
    assert.equal(await other.exportSeason(ID), text);
  } finally {
    await other.close();
  }
  const entries = reread.value.entries;
  assert.deepEqual(
    entries.find((e) => e.car === '7')!.drivers.map((d) => [d.name, d.rounds]),
    [
      ['Hiro TANAKA', 'all'],
      ['Sam BROOKS', [1, 2, 3]],
      ['Mei LIN', [4]],
    ],
  );
  assert.deepEqual(
    entries.find((e) => e.car === '30')!.drivers.map((d) => d.rounds),
    [
      [1, 2, 3],
      [1, 2, 3],
    ],
  );
  assert.equal(entries.find((e) => e.car === '99')!.eligible, false);
});

/** An Al Kamel qualifying results file: its header, and a row per car with its crew. */
function qualifyingCsv(rows: { car: string; team: string; cls: string; drivers: string[][] }[]): Uint8Array {
  const driverFields = ['FIRSTNAME', 'SECONDNAME', 'LICENSE', 'HOMETOWN', 'COUNTRY', 'SHORTNAME'];
  const extra = ['ECM Driver Id', 'ECM Country Id', '*Extra 3', '*Extra 4', '*Extra 5'];
  const header = [
    ...['POS', 'NUMBER', 'LAP', 'TIME', 'GAP_FIRST', 'GAP_PREVIOUS', 'KPH', ' LAPS', 'TEAM', 'CLASS', 'GROUP'],
    ...['DIVISION', 'VEHICLE', 'TIRES', 'ECM Participant Id', 'ECM Team Id', 'ECM Category Id', 'ECM Car Id'],
    ...['ECM Brand Id', 'ECM Country Id', '*Extra 7', '*Extra 8', '*Extra 9', 'Sort Key'],
    ...[1, 2, 3, 4, 5, 6].flatMap((n) => [...driverFields, ...extra].map((f) => `DRIVER${n}_${f}`)),
  ];
  const lines = rows.map((row, i) => {
    const cells: Record<string, string> = {
      POS: String(i + 1),
      NUMBER: row.car,
      LAP: '3',
      TIME: `2:0${i}.100`,
      ' LAPS': '8',
      TEAM: row.team,
      CLASS: row.cls,
    };
    row.drivers.forEach(([first = '', last = '', licence = '', country = ''], d) => {
      Object.assign(cells, {
        [`DRIVER${d + 1}_FIRSTNAME`]: first,
        [`DRIVER${d + 1}_SECONDNAME`]: last,
        [`DRIVER${d + 1}_LICENSE`]: licence,
        [`DRIVER${d + 1}_COUNTRY`]: country,
      });
    });
    return header.map((h) => cells[h] ?? '').join(',');
  });
  return new TextEncoder().encode(`${[header.join(','), ...lines].join('\n')}\n`);
}

const CLASSIFICATION_HEADER =
  'POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;DRIVER_3;DRIVER_4;VEHICLE;TYRES;CLASS;GROUP;DIVISION;STATUS;LAPS;TOTAL_TIME;GAP_FIRST;GAP_PREVIOUS;FL_LAPNUM;FL_TIME;FL_KPH;DRIVER_5;';

test('crew changes confirmed with a timing file are in the same audit trail, with each entry before and after', async () => {
  const race = new TextEncoder().encode(
    `${CLASSIFICATION_HEADER}\n1;51;Falcon Motorsport;Custódio ROCHA;Nuno COSTA;;;Ferrari 296 GT3;M;GT;;;Classified;98;4:01:24.963;;;41;2'05.768;175.5;;\n`,
  );
  const file = '202503011400-race-201-hour-4-results.csv';
  const refused = await office.importTimingClassification(ID, 4, race, file, 'Kim Lee');
  assert.ok(!refused.ok, 'a driver not in the crew waits for the confirmation');
  const before = (await entryListChanges(office.db, ID)).length;
  const imported = await office.importTimingClassification(ID, 4, race, file, 'Kim Lee', { confirm: true });
  assert.ok(imported.ok, JSON.stringify(!imported.ok && imported.error));
  const qualifying = qualifyingCsv([
    {
      car: '7',
      team: 'Kestrel GT',
      cls: 'GT',
      drivers: [
        ['Hiro', 'Tanaka', 'B', 'JPN'],
        ['Kenji', 'SATO', 'S', 'JPN'],
      ],
    },
  ]);
  const qualified = await office.importQualifying(ID, 3, qualifying, '202502141000-qualifying-results.csv', 'Kim Lee', {
    confirm: true,
  });
  assert.ok(qualified.ok, JSON.stringify(!qualified.ok && qualified.error));

  const trail = (await entryListChanges(office.db, ID)).slice(before);
  assert.deepEqual(
    trail.map((c) => [c.kind, c.by, c.summary]),
    [
      ['timing-crew', 'Kim Lee', `confirmed with ${file} (round 4): #51 Nuno COSTA added to the crew for round 4`],
      [
        'timing-crew',
        'Kim Lee',
        'confirmed with 202502141000-qualifying-results.csv (round 3): #7 Kenji SATO added to the crew for round 3',
      ],
    ],
  );
  const [race4, quali3] = trail;
  assert.deepEqual(
    race4!.entries.map((e) => [e.car, e.before?.drivers.length, e.after?.drivers.at(-1)]),
    [['51', 2, { name: 'Nuno COSTA', rounds: [4] }]],
  );
  assert.deepEqual(quali3!.entries[0]!.after?.drivers.at(-1), {
    name: 'Kenji SATO',
    nationality: 'JPN',
    rating: 'Silver',
    rounds: [3],
  });
  assert.deepEqual(race4!.request, { file, round: 4, crewChanges: ['#51 Nuno COSTA added to the crew for round 4'] });
});

test('two changes at once: each starts from the other, neither is lost', async () => {
  const [a, b] = await Promise.all([
    change({ kind: 'driver', car: '22', name: 'Aksel LINDQVIST', nationality: 'NOR' }),
    change({ kind: 'entry-details', car: '22', carModel: 'Oreca 07 - Gibson (2024)' }),
  ]);
  assert.ok(a.ok && b.ok);
  const entry = (await loadSeason(office.db, ID))!.entries.find((e) => e.car === '22')!;
  assert.deepEqual([entry.drivers[0]!.nationality, entry.carModel], ['NOR', 'Oreca 07 - Gibson (2024)']);
});
