/** Ties as data: the season file's dead-heat rule is read, validated and written back (issue 16). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSeasonFile, serializeSeasonFile } from '../src/formats/season-file.ts';

const file = (tieBreakers: string) => `format: pitwall-season/1
series: Test Series
season: "2020"
points: { positions: [25, 18, 15], pole: 1 }
tieBreakers: ${tieBreakers}
classes: [P]
rounds:
  - { round: 1, name: Round 1 }
entries:
  - { car: "1", class: P, team: Team 1, drivers: [{ name: Ann, rounds: all }] }
`;

test('deadHeat: shared, or a criterion in words; written back as read', () => {
  const decided = parseSeasonFile(
    file('{ teams: [countback], drivers: [countback], deadHeat: { decidedBy: the FIA nominates the champion } }'),
    'd.yaml',
  );
  assert.ok(decided.ok);
  assert.deepEqual(decided.value.tieBreakers.deadHeat, { decidedBy: 'the FIA nominates the champion' });
  const again = parseSeasonFile(serializeSeasonFile(decided.value), 'again.yaml');
  assert.ok(again.ok);
  assert.deepEqual(again.value.tieBreakers, decided.value.tieBreakers);
  const shared = parseSeasonFile(file('{ teams: [countback], drivers: [poles], deadHeat: shared }'), 's.yaml');
  assert.ok(shared.ok);
  assert.equal(shared.value.tieBreakers.deadHeat, 'shared');
  const none = parseSeasonFile(file('[countback]'), 'n.yaml');
  assert.ok(none.ok);
  assert.equal(none.value.tieBreakers.deadHeat, undefined);
});

test('a dead-heat rule that is neither is refused with the field and what was expected', () => {
  const parsed = parseSeasonFile(file('{ teams: [countback], drivers: [countback], deadHeat: coin-toss }'), 'b.yaml');
  assert.ok(!parsed.ok);
  assert.equal(parsed.error.length, 1);
  assert.equal(parsed.error[0]?.line, 5);
  assert.deepEqual(parsed.error[0]?.path, ['tieBreakers', 'deadHeat']);
  assert.match(parsed.error[0]?.message ?? '', /^expected shared, or \{ decidedBy: .*got "coin-toss"/);
});
