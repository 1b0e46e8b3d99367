import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Office } from './office.ts';
import { openOffice } from './office.ts';
import { databaseKind, openTestDatabase } from '../../test/support/database.ts';

const EXAMPLE = new URL('../../test/fixtures/issue-example.yaml', import.meta.url);
let office: Office;
let text: string;

before(async () => {
  office = await openOffice(await openTestDatabase());
  text = await readFile(EXAMPLE, 'utf8');
});
after(() => office.close());

test(`importing a season file stores it whole (${databaseKind()})`, async () => {
  const imported = await office.importSeasonFile(text, 'example.yaml');
  assert.ok(imported.ok);
  const stored = await office.importedSeason('alms-2019-20');
  assert.deepEqual(stored, imported.value);
  assert.deepEqual(
    (await office.seasons()).map((s) => s.id),
    ['alms-2019-20'],
  );
});

test('a file with any problem changes nothing, and says every problem', async () => {
  const revision = office.revision();
  const before = await office.exportSeason('alms-2019-20');
  const broken = text
    .replace('Car Guy Racing', 'Someone Else')
    .replace('class: GT\n', 'class: GTX\n')
    .replace('{ car: "45" }', '{ car: "99" }');
  const result = await office.importSeasonFile(broken, 'broken.yaml');
  assert.ok(!result.ok);
  assert.deepEqual(result.error.map((i) => i.code).sort(), ['pole-class', 'unknown-car', 'unknown-class']);
  assert.equal(await office.exportSeason('alms-2019-20'), before);
  assert.equal(office.revision(), revision);
});

test('re-importing replaces the season and moves the revision on', async () => {
  const revision = office.revision();
  const renamed = text.replace('Car Guy Racing', 'Car Guy Racing Team');
  const result = await office.importSeasonFile(renamed, 'renamed.yaml');
  assert.ok(result.ok);
  assert.ok(office.revision() > revision);
  const season = await office.season('alms-2019-20');
  assert.equal(season?.entries.find((e) => e.car === '7')?.team, 'Car Guy Racing Team');
});

test('drive-time, line-up and invitation rules survive the store', async () => {
  for (const fixture of [
    'test/fixtures/drive-time/le-mans-2024.yaml',
    'test/fixtures/lineup/pro-am-cup-2020.yaml',
    'data/seasons/alms-2019-20.yaml',
  ]) {
    const file = new URL(`../../${fixture}`, import.meta.url);
    const imported = await office.importSeasonFile(await readFile(file, 'utf8'), fixture);
    assert.ok(imported.ok, fixture);
    assert.deepEqual(await office.importedSeason(imported.value.id), imported.value, fixture);
  }
});
