/**
 * What a season file says about its results' state, and when a classification arrived, survive
 * the office: `state: provisional` is served and exported as such, and a season read "as of" a
 * moment does not show a classification imported after it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Office } from './office.ts';
import { openOffice } from './office.ts';
import { databaseKind, openTestDatabase } from '../../test/support/database.ts';

const EXAMPLE = new URL('../../test/fixtures/issue-example.yaml', import.meta.url);
const ID = 'alms-2019-20';
let office: Office;
let clock = new Date('2020-01-12T18:00:00Z');
let text: string;

before(async () => {
  office = await openOffice(await openTestDatabase(), { now: () => clock });
  text = await readFile(EXAMPLE, 'utf8');
});
after(() => office.close());

/** The example with round 2 marked provisional, as race control exports it before publication. */
const provisional = () => text.replace(/(- round: 2\n)/, '$1    state: provisional\n');

test(`state: provisional is kept on import and export (${databaseKind()})`, async () => {
  assert.ok((await office.importSeasonFile(provisional(), 'provisional.yaml')).ok);
  const season = await office.season(ID);
  assert.deepEqual(
    season?.races.map((r) => [r.round, r.state]),
    [
      [1, 'final'],
      [2, 'provisional'],
    ],
  );
  const exported = await office.exportSeason(ID);
  assert.match(exported ?? '', /- round: 2\n\s+state: provisional\n/);
  assert.doesNotMatch(exported ?? '', /- round: 1\n\s+state:/);

  clock = new Date('2020-01-12T20:00:00Z');
  assert.ok((await office.setResultsState(ID, 2, 'final', 'Stella Steward')).ok);
  assert.equal((await office.season(ID))?.races[1]?.state, 'final');
  assert.doesNotMatch((await office.exportSeason(ID)) ?? '', /state: provisional/);
});

test('as of a moment before a classification was imported, it is not there', async () => {
  const withoutRound2 = text.replace(/ {2}- round: 2\n[\s\S]*$/, '');
  clock = new Date('2020-02-01T10:00:00Z');
  assert.ok((await office.importSeasonFile(withoutRound2, 'round-1.yaml')).ok);
  clock = new Date('2020-02-01T12:00:00Z');
  assert.ok((await office.importSeasonFile(text, 'rounds-1-2.yaml')).ok);

  const between = await office.seasonAsOf(ID, '2020-02-01T11:00:00Z');
  assert.deepEqual(
    between?.races.map((r) => [r.round, r.classification?.length ?? null, r.state]),
    [
      [1, 3, 'final'],
      // Round 2's pole was known (qualifying comes first); its classification was not.
      [2, null, 'final'],
    ],
  );
  const later = await office.seasonAsOf(ID, '2020-02-01T13:00:00Z');
  assert.deepEqual(
    later?.races.map((r) => [r.round, r.classification?.length ?? null]),
    [
      [1, 3],
      [2, 2],
    ],
  );
  // Round 1 came unchanged with every import: it keeps the moment it first arrived (the first test's).
  const first = await office.seasonAsOf(ID, '2020-02-01T09:00:00Z');
  assert.equal(first?.races[0]?.classification?.length, 3);
  assert.deepEqual(
    (await office.seasonAsOf(ID, '2020-01-12T17:00:00Z'))?.races.map((r) => r.classification),
    [undefined, undefined],
  );
});
