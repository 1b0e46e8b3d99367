import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Office } from './office.ts';
import { openOffice } from './office.ts';
import { teamStandings } from '../domain/standings.ts';
import type { Season } from '../domain/season.ts';
import { databaseKind, openTestDatabase } from '../../test/support/database.ts';

const EXAMPLE = new URL('../../test/fixtures/issue-example.yaml', import.meta.url);
let office: Office;
let clock = new Date('2019-11-24T10:00:00Z');
let text: string;

before(async () => {
  office = await openOffice(await openTestDatabase(), { now: () => clock });
  text = await readFile(EXAMPLE, 'utf8');
  assert.ok((await office.importSeasonFile(text, 'example.yaml')).ok);
});
after(() => office.close());

const lmp2 = (s: Season | undefined) =>
  teamStandings(s!, 'LMP2').rows.map((r) => [r.kind === 'teams' ? r.car : '', r.points / 1000]);
const ID = 'alms-2019-20';

test(`a disqualification re-classifies the race and the standings follow (${databaseKind()})`, async () => {
  assert.deepEqual(lmp2(await office.season(ID)), [
    ['45', 45],
    ['26', 43],
  ]);
  const revision = office.revision();
  clock = new Date('2019-11-24T12:00:00Z');
  const issued = await office.issueDecision(
    ID,
    { round: 1, kind: 'disqualification', car: '26', reason: 'Technical: ride height' },
    'Stella Steward',
  );
  assert.ok(issued.ok, JSON.stringify(issued));
  assert.deepEqual(issued.value.impact, ['#45 P2 → P1, +7 points', '#26 P1 → DSQ, −25 points']);
  assert.equal(issued.value.decision.by, 'Stella Steward');
  assert.equal(issued.value.decision.at, '2019-11-24T12:00:00.000Z');
  assert.ok(office.revision() > revision);
  assert.deepEqual(lmp2(await office.season(ID)), [
    ['45', 52],
    ['26', 18],
  ]);
});

test('"as of" shows the standings before the decision', async () => {
  assert.deepEqual(lmp2(await office.seasonAsOf(ID, '2019-11-24T11:00:00Z')), [
    ['45', 45],
    ['26', 43],
  ]);
});

test('a bad decision is refused and nothing is recorded', async () => {
  const before = await office.decisions(ID);
  const unknownCar = await office.issueDecision(
    ID,
    { round: 1, kind: 'disqualification', car: '99', reason: 'x' },
    'S',
  );
  assert.ok(!unknownCar.ok);
  assert.match(unknownCar.error.message, /car: "99" is not in the entry list/);
  const noReason = await office.issueDecision(ID, { round: 1, kind: 'exclusion', car: '45', reason: ' ' }, 'S');
  assert.ok(!noReason.ok);
  const nothingToReverse = await office.issueDecision(
    ID,
    { round: 1, kind: 'reversal', reverses: 'nope', reason: 'x' },
    'S',
  );
  assert.ok(!nothingToReverse.ok);
  assert.deepEqual(await office.decisions(ID), before);
});

test('decisions are append-only in the database itself', async () => {
  await assert.rejects(office.db.query('UPDATE steward_decisions SET reason = $1', ['rewritten']), /append-only/);
  await assert.rejects(office.db.query('DELETE FROM steward_decisions'), /append-only/);
  assert.equal((await office.decisions(ID)).length, 1);
});

test('re-importing the season keeps its decisions; a reversal restores the result', async () => {
  assert.ok((await office.importSeasonFile(text, 'example.yaml')).ok);
  assert.deepEqual(lmp2(await office.season(ID))[0], ['45', 52]);
  const [dsq] = await office.decisions(ID);
  clock = new Date('2019-12-01T09:00:00Z');
  const reversed = await office.issueDecision(
    ID,
    { round: 1, kind: 'reversal', reverses: dsq!.id, reason: 'Appeal upheld' },
    'Stella Steward',
  );
  assert.ok(reversed.ok);
  assert.deepEqual(lmp2(await office.season(ID)), [
    ['45', 45],
    ['26', 43],
  ]);
  assert.equal((await office.decisions(ID)).length, 2);
});

test('decisions with their impact: each one before → after as issued, the same list the API and the pages show', async () => {
  const all = await office.decisionsWithImpact(ID);
  assert.deepEqual(
    all?.map((d) => [d.decision.kind, d.impact]),
    [
      ['disqualification', ['#45 P2 → P1, +7 points', '#26 P1 → DSQ, −25 points']],
      ['reversal', ['#45 P1 → P2, −7 points', '#26 DSQ → P1, +25 points']],
    ],
  );
  assert.equal((await office.decisionsWithImpact(ID, 1))?.length, 2);
  assert.deepEqual(await office.decisionsWithImpact(ID, 2), []);
  assert.equal(await office.decisionsWithImpact('nope'), undefined);
});

test('results are final by default, provisional when reopened, final when published', async () => {
  const state = async () => (await office.season(ID))!.races.find((r) => r.round === 2)!.state;
  assert.equal(await state(), 'final');
  assert.ok((await office.setResultsState(ID, 2, 'provisional', 'Tim Keeper')).ok);
  assert.equal(await state(), 'provisional');
  clock = new Date('2020-01-12T18:00:00Z');
  assert.ok((await office.setResultsState(ID, 2, 'final', 'Stella Steward')).ok);
  assert.equal(await state(), 'final');
  assert.deepEqual(
    (await office.resultsStates(ID)).map((c) => [c.round, c.state, c.by]),
    [
      [2, 'provisional', 'Tim Keeper'],
      [2, 'final', 'Stella Steward'],
    ],
  );
  assert.ok(!(await office.setResultsState(ID, 9, 'final', 'S')).ok);
});
