import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseSeasonFile } from '../formats/season-file.ts';
import { serializeSeasonFile } from '../formats/season-file-serialize.ts';
import type { Season } from './season.ts';
import type { InvitationRule } from './invitations.ts';
import { invitationContenders, invitations } from './invitations.ts';
import { buildSeason, car, line, race } from '../../test/support/season-builder.ts';

const path = new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url).pathname;
const parsed = parseSeasonFile(readFileSync(path, 'utf8'), path);
if (!parsed.ok) throw new Error(parsed.error.map((i) => i.message).join('\n'));
const alms = parsed.value;
const rules = alms.invitationRules!;
const beforeRound = (season: Season, round: number): Season => ({
  ...season,
  races: season.races.filter((r) => r.round < round),
});

test('2019-20: the four invitations to Le Mans 2020 come from the season file, each with its reason', () => {
  assert.equal(rules.event, '2020 24 Hours of Le Mans');
  const { invited, passed } = invitations(alms, rules);
  assert.deepEqual(
    invited.map((i) => i.reason),
    [
      '#26 G-Drive Racing with Algarve: LMP2 champions, 2019-20 Asian Le Mans Series',
      '#52 Rick Ware Racing: LMP2 Am champions, 2019-20 Asian Le Mans Series',
      '#2 Nielsen Racing: LMP3 champions, 2019-20 Asian Le Mans Series',
      '#27 HubAuto Corsa: GT champions, 2019-20 Asian Le Mans Series',
    ],
  );
  assert.ok(invited.every((i) => i.final));
  assert.deepEqual(passed, []);
});

test('2019-20 before Buriram: invitations held so far, and who can still earn the LMP2 one', () => {
  const season = beforeRound(alms, 4);
  const held = invitations(season, rules).invited;
  assert.equal(
    held[0]!.reason,
    '#26 G-Drive Racing with Algarve: LMP2 leaders after round 3, 2019-20 Asian Le Mans Series',
  );
  assert.ok(held.every((i) => !i.final));
  const lmp2 = invitationContenders(season, rules.rules[0]!);
  assert.deepEqual(
    lmp2.filter((c) => c.stillPossible).map((c) => [c.who, c.points / 1000, c.maxPoints / 1000]),
    [
      ['#26 G-Drive Racing with Algarve', 65, 91],
      ['#45 Thunderhead Carlin Racing', 56, 82],
      ['#36 Eurasia Motorsport', 55, 81],
    ],
  );
  assert.ok(lmp2.length > 3);
});

test('after the season nobody is "still possible" but the invited', () => {
  const lmp2 = invitationContenders(alms, rules.rules[0]!);
  assert.deepEqual(
    lmp2.filter((c) => c.stillPossible).map((c) => c.who),
    ['#26 G-Drive Racing with Algarve'],
  );
});

test('the invitation rules survive the season file round trip', () => {
  const again = parseSeasonFile(serializeSeasonFile(alms), 'again.yaml');
  assert.ok(again.ok);
  assert.deepEqual(again.value.invitationRules, rules);
});

test('a team cap and a full-season condition pass the invitation down the table', () => {
  const season = buildSeason({
    rounds: 2,
    entries: [
      car('1', 'GT', ['A'], { team: 'Red' }),
      car('2', 'GT', ['B'], { team: 'Red' }),
      car('3', 'GT', ['C'], { team: 'Blue' }),
      car('4', 'GT', ['D'], { team: 'Green' }),
    ],
    races: [race(1, [line('3'), line('1'), line('2'), line('4', 'Ret')]), race(2, [line('1'), line('2'), line('4')])],
  });
  const rule: InvitationRule = { class: 'GT', kind: 'teams', positions: 2, perTeam: 1, condition: 'full-season' };
  const { invited, passed } = invitations(season, { rules: [rule] });
  assert.deepEqual(
    invited.map((i) => i.reason),
    ['#1 Red: GT champions, 2020 Test Series', '#4 Green: GT 4th, 2020 Test Series'],
  );
  assert.deepEqual(
    passed.map((p) => [p.who, p.why]),
    [
      ['#2 Red', 'Red already invited'],
      ['#3 Blue', 'not a full-season entry'],
    ],
  );
  const contenders = invitationContenders(beforeRound(season, 2), rule);
  assert.deepEqual(
    contenders.filter((c) => c.stillPossible).map((c) => c.who),
    ['#3 Blue', '#1 Red', '#2 Red', '#4 Green'],
  );
});

test('a rule naming an unknown class is reported at its line', () => {
  const text = readFileSync(path, 'utf8').replace('- { class: LMP3, kind: teams', '- { class: LMP4, kind: teams');
  const broken = parseSeasonFile(text, 'broken.yaml');
  assert.ok(!broken.ok);
  const line = text.split('\n').findIndex((l) => l.includes('class: LMP4')) + 1;
  assert.deepEqual(
    broken.error.map((i) => [i.code, i.line]),
    [['unknown-class', line]],
  );
});

test("a drivers' invitation goes to the champion crew together: crewmates share one place", () => {
  const season = buildSeason({
    entries: [car('1', 'P', ['Ann', 'Bo']), car('2', 'P', ['Cy'])],
    races: [race(1, [line('1'), line('2')]), race(2, [line('1'), line('2')])],
  });
  const rule: InvitationRule = { class: 'P', kind: 'drivers', positions: 1, perTeam: 1 };
  const { invited, passed } = invitations(season, { rules: [rule] });
  // Ann and Bo, 50 each, are joint champions: one place, both invited, no "team already invited".
  assert.deepEqual(
    invited.map((i) => [i.who, i.position]),
    [
      ['Ann', 1],
      ['Bo', 1],
    ],
  );
  assert.deepEqual(passed, []);
});
