/**
 * Every use-case that reads a season, changes it and writes it back whole does so under the
 * season's lock (store/seasons.ts `withSeasonLock`): two at once on the same season each start
 * from the other's result, neither is lost (nor refused by the seasons' key). On PostgreSQL
 * (DATABASE_URL) the two really run on two connections at once; PGlite has one connection and runs
 * them one after the other anyway. Each pair runs several times, so that the two overlap.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Office } from './office.ts';
import { openOffice } from './office.ts';
import { formatIssue } from '../formats/season-file.ts';
import { loadSeason } from '../store/seasons.ts';
import { databaseKind, openTestDatabase } from '../../test/support/database.ts';

const ENTRY_LIST = new URL('../../test/fixtures/entry-list/', import.meta.url);
const LAPS = new URL('../../test/fixtures/lap-analysis/', import.meta.url);
const ID = 'el-2025';
const LAPS_ID = 'laps-2024-25';
const QUALIFYING = '202412071015-qualifying-20lmp2-20and-20gt-results.csv';
const QUALIFYING_LAPS = '202412071015-qualifying-20lmp2-20and-20gt-laps.csv';
const TIMES = 6;

let office: Office;
let seasonFile: string;
before(async () => {
  office = await openOffice(await openTestDatabase(), { now: () => new Date('2025-02-15T19:00:00Z') });
  seasonFile = await readFile(new URL('season.yaml', ENTRY_LIST), 'utf8');
  for (const [text, name] of [
    [seasonFile, 'season.yaml'],
    [await readFile(new URL('season.yaml', LAPS), 'utf8'), 'laps.yaml'],
  ] as const) {
    const imported = await office.importSeasonFile(text, name);
    assert.ok(imported.ok, JSON.stringify(!imported.ok && imported.error));
  }
});
after(() => office.close());

const carModel = (id: string, model: string) =>
  office.changeEntryList(id, { kind: 'entry-details', car: '22', carModel: model }, 'Kim Lee');

async function stored(id: string) {
  const season = await loadSeason(office.db, id);
  assert.ok(season);
  return season;
}

const CLASSIFICATION_HEADER =
  'POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;DRIVER_3;DRIVER_4;VEHICLE;TYRES;CLASS;GROUP;DIVISION;STATUS;LAPS;TOTAL_TIME;GAP_FIRST;GAP_PREVIOUS;FL_LAPNUM;FL_TIME;FL_KPH;DRIVER_5;';
const LINES: Record<string, string> = {
  '22': '22;Meridian Racing;Aksel LINDQVIST;Tomás ORTEGA;;;Oreca 07 - Gibson;M;LMP2',
  '30': '30;Red Dune Engineering;Fred OKAFOR;Lucas MÜLLER;;;Oreca 07 - Gibson;M;LMP2',
  '51': '51;Falcon Motorsport;Custódio ROCHA;Élodie BRAZZOULI;;;Ferrari 296 GT3;M;GT',
};

/** Round 3's race results from the timing system, the cars in `order`. */
function classificationCsv(order: readonly string[]): Uint8Array {
  const rows = order.map(
    (car, i) => `${i + 1};${LINES[car]};;;Classified;${103 - i};4:01:1${i}.000;;;41;1'53.710;175.5;;`,
  );
  return new TextEncoder().encode(`${[CLASSIFICATION_HEADER, ...rows].join('\n')}\n`);
}

test(`an entry-list change and a classification import at once: both are in the season (${databaseKind()})`, async () => {
  for (let i = 0; i < TIMES; i += 1) {
    const order = i % 2 === 0 ? ['22', '30', '51'] : ['30', '22', '51'];
    const [imported, changed] = await Promise.all([
      office.importTimingClassification(ID, 3, classificationCsv(order), '202502151400-race-results.csv', 'Tim Keeper'),
      carModel(ID, `Oreca 07 - Gibson (${i})`),
    ]);
    assert.ok(changed.ok, JSON.stringify(!changed.ok && changed.error));
    assert.ok(imported.ok, JSON.stringify(!imported.ok && imported.error.map(formatIssue)));
    const season = await stored(ID);
    assert.equal(season.entries.find((e) => e.car === '22')?.carModel, `Oreca 07 - Gibson (${i})`);
    const race = season.races.find((r) => r.round === 3);
    assert.deepEqual(
      race?.classification?.map((l) => l.car),
      order,
    );
  }
});

test('two pole changes of one round at once: both poles are set', async () => {
  for (let i = 0; i < TIMES; i += 1) {
    const [lmp2, gt] = i % 2 === 0 ? ['30', '51'] : ['22', '7'];
    const [a, b] = await Promise.all([
      office.setPoles(ID, 2, [{ class: 'LMP2', cars: [lmp2] }], 'Stella Steward'),
      office.setPoles(ID, 2, [{ class: 'GT', cars: [gt] }], 'Stella Steward'),
    ]);
    assert.ok(a.ok && b.ok, JSON.stringify([a, b]));
    const poles = (await stored(ID)).races.find((r) => r.round === 2)?.poles;
    assert.deepEqual(poles, { LMP2: [lmp2], GT: [gt] });
  }
});

/** An Al Kamel qualifying results file with the one car #7 (its best lap on lap 3). */
function qualifyingCsv(): Uint8Array {
  const header = ['POS', 'NUMBER', 'LAP', 'TIME', ' LAPS', 'TEAM', 'CLASS', 'DRIVER1_FIRSTNAME', 'DRIVER1_SECONDNAME'];
  const row = ['1', '7', '3', '2:01.100', '8', 'Kestrel GT', 'GT', 'Hiro', 'TANAKA'];
  return new TextEncoder().encode(`${header.join(',')}\n${row.join(',')}\n`);
}

test('an entry-list change and a qualifying results import at once: both are in the season', async () => {
  for (let i = 0; i < TIMES; i += 1) {
    // Round 3's GT pole goes to #51 by hand, then back to #7 by the file, each time.
    assert.ok((await office.setPoles(ID, 3, [{ class: 'GT', cars: ['51'] }], 'Stella Steward')).ok);
    const [changed, imported] = await Promise.all([
      carModel(ID, `Oreca 07 (${i})`),
      office.importQualifying(ID, 3, qualifyingCsv(), '202502141000-qualifying-results.csv', 'Tim Keeper'),
    ]);
    assert.ok(changed.ok, JSON.stringify(!changed.ok && changed.error));
    assert.ok(imported.ok, JSON.stringify(!imported.ok && imported.error.map(formatIssue)));
    const season = await stored(ID);
    assert.equal(season.entries.find((e) => e.car === '22')?.carModel, `Oreca 07 (${i})`);
    assert.deepEqual(season.races.find((r) => r.round === 3)?.poles.GT, ['7']);
  }
});

test('an entry-list change and a qualifying lap analysis (setting poles) at once: both are in the season', async () => {
  const results = await readFile(new URL(QUALIFYING, LAPS), 'utf8');
  const imported = await office.importQualifying(LAPS_ID, 1, results, QUALIFYING, 'Tim Keeper');
  assert.ok(imported.ok, JSON.stringify(!imported.ok && imported.error.map(formatIssue)));
  const laps = await readFile(new URL(QUALIFYING_LAPS, LAPS), 'utf8');
  for (let i = 0; i < TIMES; i += 1) {
    // Race 2's poles set otherwise by hand, then by the lap analysis, each time.
    const byHand = [
      { class: 'LMP2', cars: ['30'] },
      { class: 'GT', cars: ['51'] },
    ];
    assert.ok((await office.setPoles(LAPS_ID, 2, byHand, 'Stella Steward')).ok);
    const [changed, analysed] = await Promise.all([
      carModel(LAPS_ID, `Oreca 07 (${i})`),
      office.importLapAnalysis(LAPS_ID, 2, laps, QUALIFYING_LAPS, 'Tim Keeper'),
    ]);
    assert.ok(changed.ok, JSON.stringify(!changed.ok && changed.error));
    assert.ok(analysed.ok, JSON.stringify(!analysed.ok && analysed.error.map(formatIssue)));
    const season = await stored(LAPS_ID);
    assert.equal(season.entries.find((e) => e.car === '22')?.carModel, `Oreca 07 (${i})`);
    assert.deepEqual(season.races.find((r) => r.round === 2)?.poles, { LMP2: ['22', '24', '30'], GT: ['7', '51'] });
  }
});

test('a season file imported over the season while the entry list changes: one after the other, both done', async () => {
  for (let i = 0; i < TIMES; i += 1) {
    const [changed, imported] = await Promise.all([
      carModel(ID, `Oreca 07 [${i}]`),
      office.importSeasonFile(seasonFile, 'season.yaml'),
    ]);
    assert.ok(changed.ok, JSON.stringify(!changed.ok && changed.error));
    assert.ok(imported.ok);
    // The change on the file's season, or the file over the change: never half of each.
    const model = (await stored(ID)).entries.find((e) => e.car === '22')?.carModel;
    assert.ok(model === `Oreca 07 [${i}]` || model === 'Oreca 07 - Gibson', model ?? 'no car model');
  }
});

test("two stewards reversing one decision at once: the second is checked against the first's, and refused", async () => {
  for (let i = 0; i < TIMES; i += 1) {
    const input = { round: 1, kind: 'disqualification' as const, car: '30', reason: `Technical (${i})` };
    const issued = await office.issueDecision(ID, input, 'Stella Steward');
    assert.ok(issued.ok, JSON.stringify(issued));
    const reversal = {
      round: 1,
      kind: 'reversal' as const,
      reverses: issued.value.decision.id,
      reason: 'Appeal upheld',
    };
    const both = await Promise.all([
      office.issueDecision(ID, reversal, 'Stella Steward'),
      office.issueDecision(ID, reversal, 'Rob Referee'),
    ]);
    // Whichever took the lock first is issued.
    assert.deepEqual(both.map((r) => (r.ok ? 'issued' : r.error.issues?.map((p) => p.code).join())).sort(), [
      'already-reversed',
      'issued',
    ]);
  }
});
