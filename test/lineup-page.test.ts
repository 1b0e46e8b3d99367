/** The season page shows each line-up finding beside its car, in words. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Office } from '../src/app/office.ts';
import { openOffice } from '../src/app/office.ts';
import { createHttpApp } from '../src/http/app.ts';
import { databaseKind, openTestDatabase } from './support/database.ts';

const FIXTURE = new URL('fixtures/lineup/pro-am-cup-2020.yaml', import.meta.url);

let office: Office;

before(async () => {
  office = await openOffice(await openTestDatabase());
  const imported = await office.importSeasonFile(await readFile(FIXTURE, 'utf8'), 'pro-am-cup-2020.yaml');
  assert.ok(imported.ok);
});
after(() => office.close());

/** The text a person sees: no tags, entities decoded, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.:])/g, '$1');

/** The entry-list row of a car, as HTML. */
function rowOf(html: string, team: string): string {
  const row = html.split('<tr>').find((r) => r.includes(team) && r.includes('class="crew"'));
  assert.ok(row, `no row for ${team}`);
  return row.slice(0, row.indexOf('</tr>'));
}

test(`the line-up rules survive the store (${databaseKind()})`, async () => {
  const season = await office.season('pro-am-cup-2020');
  assert.deepEqual(season?.lineupRules?.classes.LMP3?.[1], {
    name: 'An Asian or Oceanian driver',
    nationalities: 'asia-oceania',
    min: 1,
  });
});

test('each finding is in its car’s row: round, rule, verdict and why', async () => {
  const response = await createHttpApp(office).request('/seasons/pro-am-cup-2020');
  assert.equal(response.status, 200);
  const html = await response.text();

  assert.match(textOf(html), /Line-up rules: 3 findings for the stewards, shown beside each car\./);

  const pro = textOf(rowOf(html, 'Pro Crew Racing'));
  assert.match(pro, /Line-up rules, car #45: 1 finding/);
  assert.match(
    pro,
    /Round 1, At least one Silver or Bronze: not met\. 0 of 2 drivers entered are Silver or Bronze, expected at least 1: Ben Pro \(Gold\), Tom Pro \(Platinum\)/,
  );

  const mystery = textOf(rowOf(html, 'Mystery Motorsport'));
  assert.match(mystery, /Line-up rules, car #2: 2 findings/);
  assert.match(
    mystery,
    /Round 1, At least one Bronze: cannot check\. 0 of 2 drivers entered are Bronze and 1 is unknown/,
  );
  assert.match(mystery, /Round 2, At least one Bronze: cannot check\./);

  assert.doesNotMatch(rowOf(html, 'Inter Asia'), /lineup-findings/);
});

test('the list of findings is named by its title, for screen readers', async () => {
  const html = await (await createHttpApp(office).request('/seasons/pro-am-cup-2020')).text();
  const row = rowOf(html, 'Pro Crew Racing');
  const id = /<p id="([^"]+)" class="lineup-title">/.exec(row)?.[1];
  assert.ok(id);
  assert.match(row, new RegExp(`<ul aria-labelledby="${id}">`));
  assert.equal(html.split(`id="${id}"`).length, 2, 'the id is unique on the page');
});
