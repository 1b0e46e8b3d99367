import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntryChange, EntryListEdit } from './entry-list.ts';
import { applyEntryChange, roundsText } from './entry-list.ts';
import type { Issue } from './result.ts';
import type { Entry, Season } from './season.ts';
import { teamAt } from './season.ts';
import { buildSeason, car, line, race } from '../../test/support/season-builder.ts';

/**
 * Four rounds; rounds 1 and 2 raced. #22 (LMP2) ran A and B at round 1 (its line lists them), and
 * at round 2 its line lists nobody (the crew entered is credited); #7 (GT) holds round 2's pole.
 */
function season(): Season {
  return {
    ...buildSeason({
      classes: ['LMP2', 'GT'],
      rounds: 4,
      entries: [
        car('22', 'LMP2', ['Ana Silva', 'Ben Okoro', 'Chris Lee'], { team: 'Meridian' }),
        car('7', 'GT', ['Dan Wu', 'Eli Roth']),
      ],
      races: [
        race(1, [line('22', 'Classified', ['Ana Silva', 'Ben Okoro']), line('7', 'Ret', ['Dan Wu'])]),
        race(2, [line('22'), line('7')], { GT: '7' }),
      ],
    }),
    lineupRules: { allClasses: [{ name: '2 or 3 drivers', min: 2, max: 3 }], classes: {} },
  };
}

function applied(change: EntryChange, on: Season = season()): EntryListEdit {
  const result = applyEntryChange(on, change);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
  return result.value;
}

function refused(change: EntryChange, on: Season = season()): [string, string][] {
  const result = applyEntryChange(on, change);
  assert.ok(!result.ok, 'refused');
  return result.error.map((i: Issue) => [i.code, i.path.join('.')]);
}

const entryOf = (s: Season, number: string): Entry => {
  const found = s.entries.find((e) => e.car === number);
  assert.ok(found, `#${number}`);
  return found;
};

test('a car added from round 3 is entered for rounds 3 and 4, after the last car of its class', () => {
  const edit = applied({
    kind: 'add-entry',
    car: '99',
    class: 'LMP2',
    team: 'Late Entry Racing',
    fromRound: 3,
    drivers: [{ name: 'Zoe Park', rating: 'Bronze', nationality: 'KOR' }, { name: 'Dan Wu' }],
  });
  assert.deepEqual(
    edit.season.entries.map((e) => e.car),
    ['22', '99', '7'],
  );
  const added = entryOf(edit.season, '99');
  assert.deepEqual(added.drivers, [
    { name: 'Zoe Park', nationality: 'KOR', rating: 'Bronze', rounds: [3, 4] },
    { name: 'Dan Wu', rounds: [3, 4] },
  ]);
  assert.equal(added.eligible, true);
  assert.deepEqual(edit.entries, [{ car: '99', before: null, after: added }]);
  assert.equal(edit.summary, '#99 added to LMP2 from round 3: Late Entry Racing, Zoe Park, Dan Wu');
});

test('a driver new to a car keeps the rating and nationality of their other car', () => {
  const rated = applied({ kind: 'driver', car: '7', name: 'Dan Wu', rating: 'Gold', nationality: 'CHN' }).season;
  const edit = applied(
    { kind: 'crew', car: '22', fromRound: 3, drivers: [{ name: 'Ana Silva' }, { name: 'dan WU' }] },
    rated,
  );
  assert.deepEqual(entryOf(edit.season, '22').drivers.at(-1), {
    name: 'dan WU',
    nationality: 'CHN',
    rating: 'Gold',
    rounds: [3, 4],
  });
});

test('adding a car refuses a number taken, an unknown class and round, no driver and a driver twice', () => {
  assert.deepEqual(
    refused({
      kind: 'add-entry',
      car: '22',
      class: 'LMP3',
      team: 'X',
      fromRound: 9,
      drivers: [{ name: 'Ana SILVA' }, { name: 'Ana Silva' }],
    }),
    [
      ['duplicate-car', 'car'],
      ['unknown-class', 'class'],
      ['unknown-round', 'fromRound'],
      ['duplicate-driver', 'drivers.1'],
    ],
  );
  assert.deepEqual(refused({ kind: 'add-entry', car: '5', class: 'GT', team: 'X', drivers: [] }), [
    ['empty-crew', 'drivers'],
  ]);
});

test('a team renamed from round 3 keeps its old name for rounds 1 and 2; the tables show the new one', () => {
  const edit = applied({ kind: 'team-name', car: '22', team: 'Meridian by Apex', fromRound: 3 });
  const renamed = entryOf(edit.season, '22');
  assert.equal(renamed.team, 'Meridian by Apex');
  assert.deepEqual(renamed.teamNames, [{ team: 'Meridian', rounds: [1, 2] }]);
  assert.deepEqual(
    [1, 2, 3, 4].map((r) => teamAt(renamed, r)),
    ['Meridian', 'Meridian', 'Meridian by Apex', 'Meridian by Apex'],
  );
  // Renamed again from round 2: round 1 keeps the first name, rounds 2-4 take the third.
  const again = applied({ kind: 'team-name', car: '22', team: 'Apex', fromRound: 2 }, edit.season).season;
  assert.deepEqual(
    [1, 2, 3, 4].map((r) => teamAt(entryOf(again, '22'), r)),
    ['Meridian', 'Apex', 'Apex', 'Apex'],
  );
  // At every round: one name, no other.
  const everywhere = entryOf(applied({ kind: 'team-name', car: '22', team: 'Apex' }, again).season, '22');
  assert.equal(everywhere.teamNames, undefined);
});

test('a crew set from round 3: named drivers join, the others leave for rounds 3-4 only', () => {
  const edit = applied({
    kind: 'crew',
    car: '22',
    fromRound: 3,
    drivers: [{ name: 'ana silva' }, { name: 'Ben Okoro' }, { name: 'Fay Dunn', rating: 'Silver' }],
  });
  assert.deepEqual(entryOf(edit.season, '22').drivers, [
    { name: 'Ana Silva', rounds: 'all' },
    { name: 'Ben Okoro', rounds: 'all' },
    { name: 'Chris Lee', rounds: [1, 2] },
    { name: 'Fay Dunn', rating: 'Silver', rounds: [3, 4] },
  ]);
  assert.equal(edit.summary, '#22 from round 3: Ana Silva, Ben Okoro, Fay Dunn; joining: Fay Dunn; leaving: Chris Lee');
  assert.deepEqual(edit.findings, []);
});

test('a crew at one round: a stand-in for round 4 only; a driver left with no round leaves the crew', () => {
  const edit = applied({ kind: 'crew', car: '7', round: 4, drivers: [{ name: 'Dan Wu' }, { name: 'Gil Moss' }] });
  assert.deepEqual(entryOf(edit.season, '7').drivers, [
    { name: 'Dan Wu', rounds: 'all' },
    { name: 'Eli Roth', rounds: [1, 2, 3] },
    { name: 'Gil Moss', rounds: [4] },
  ]);
  const back = applied(
    { kind: 'crew', car: '7', round: 4, drivers: [{ name: 'Dan Wu' }, { name: 'Eli Roth' }] },
    edit.season,
  );
  assert.deepEqual(entryOf(back.season, '7').drivers, [
    { name: 'Dan Wu', rounds: 'all' },
    { name: 'Eli Roth', rounds: 'all' },
  ]);
});

test('a crew change may not take out a driver who drove a classified race, nor change a credited crew', () => {
  // Ana Silva drove #22 at round 1 (listed); round 2's line lists nobody, so its crew is credited.
  assert.deepEqual(
    refused({ kind: 'crew', car: '22', fromRound: 1, drivers: [{ name: 'Ben Okoro' }, { name: 'Chris Lee' }] }),
    [
      ['drove-classified-race', 'drivers'],
      ['credited-crew', 'drivers'],
    ],
  );
  const result = applyEntryChange(season(), { kind: 'crew', car: '22', round: 2, drivers: [{ name: 'Ana Silva' }] });
  assert.ok(!result.ok);
  assert.equal(
    result.error[0]?.message,
    "round 2's classification lists no drivers for #22 (Classified): it credits the crew entered then " +
      '(Ana Silva, Ben Okoro, Chris Lee), which cannot change now; correct that classification first',
  );
  // Adding a driver who did not drive round 1 changes nobody's result there: allowed.
  const added = applied({
    kind: 'crew',
    car: '22',
    round: 1,
    drivers: [{ name: 'Ana Silva' }, { name: 'Ben Okoro' }, { name: 'Chris Lee' }],
  });
  assert.deepEqual(added.entries, [], 'Chris Lee was entered already: nothing changes');
});

test('a withdrawal: refused where the car is classified or holds a pole, else its crew leaves that round', () => {
  const result = applyEntryChange(season(), { kind: 'withdraw', car: '22', round: 1 });
  assert.ok(!result.ok);
  assert.deepEqual(
    result.error.map((i) => i.message),
    [
      "#22 is in round 1's classification (Classified): it took part, so it cannot be withdrawn from round 1; " +
        'correct that classification first',
    ],
  );
  assert.deepEqual(refused({ kind: 'withdraw', car: '7', round: 2 }), [
    ['in-classification', 'round'],
    ['holds-pole', 'round'],
  ]);
  const edit = applied({ kind: 'withdraw', car: '22', round: 3 });
  assert.deepEqual(
    entryOf(edit.season, '22').drivers.map((d) => d.rounds),
    [
      [1, 2, 4],
      [1, 2, 4],
      [1, 2, 4],
    ],
  );
  assert.deepEqual(refused({ kind: 'withdraw', car: '22', round: 5 }), [['unknown-round', 'round']]);
  assert.deepEqual(refused({ kind: 'withdraw', car: '23', round: 3 }), [['unknown-car', 'car']]);
});

test("a driver's rating, nationality and other spellings; an alias may not be another driver's name", () => {
  const edit = applied({
    kind: 'driver',
    car: '22',
    name: 'ANA SILVA',
    rating: 'Silver',
    nationality: 'PRT',
    aliases: ['Ana SYLVA'],
  });
  assert.deepEqual(entryOf(edit.season, '22').drivers[0], {
    name: 'Ana Silva',
    nationality: 'PRT',
    rating: 'Silver',
    rounds: 'all',
    aliases: ['Ana SYLVA'],
  });
  assert.equal(edit.summary, '#22 Ana Silva: rating Silver, nationality PRT, also spelled Ana SYLVA');
  const cleared = applied({ kind: 'driver', car: '22', name: 'Ana Silva', rating: null, aliases: [] }, edit.season);
  assert.deepEqual(entryOf(cleared.season, '22').drivers[0], { name: 'Ana Silva', nationality: 'PRT', rounds: 'all' });
  assert.deepEqual(refused({ kind: 'driver', car: '22', name: 'Ana Silva', aliases: ['Ben OKORO'] }), [
    ['duplicate-driver', 'aliases.0'],
  ]);
  assert.deepEqual(refused({ kind: 'driver', car: '22', name: 'Nobody' }), [['unknown-driver', 'name']]);
});

test('removing the alias a classification names is refused: that line would name nobody', () => {
  const spelled = applied({ kind: 'driver', car: '7', name: 'Dan Wu', aliases: ['Dan WOO'] }).season;
  const withAlias: Season = {
    ...spelled,
    races: spelled.races.map((r) =>
      r.round === 1
        ? { ...r, classification: [line('22', 'Classified', ['Ana Silva']), line('7', 'Ret', ['Dan WOO'])] }
        : r,
    ),
  };
  assert.deepEqual(refused({ kind: 'driver', car: '7', name: 'Dan Wu', aliases: [] }, withAlias), [
    ['drove-classified-race', 'aliases'],
  ]);
});

test("a car's class changes only while no result names it; eligibility and model at any time", () => {
  assert.deepEqual(refused({ kind: 'entry-details', car: '7', class: 'LMP2' }), [['has-results', 'class']]);
  const added = applied({
    kind: 'add-entry',
    car: '99',
    class: 'GT',
    team: 'T',
    fromRound: 3,
    drivers: [{ name: 'Z' }, { name: 'Y' }],
  });
  const moved = applied({ kind: 'entry-details', car: '99', class: 'LMP2', carModel: 'Oreca 07' }, added.season);
  assert.deepEqual([entryOf(moved.season, '99').class, entryOf(moved.season, '99').carModel], ['LMP2', 'Oreca 07']);
  const ineligible = applied({ kind: 'entry-details', car: '7', eligible: false, carModel: null });
  assert.equal(entryOf(ineligible.season, '7').eligible, false);
  assert.equal(ineligible.summary, '#7: not eligible for points, car unknown');
});

test('a crew that breaks a line-up rule is returned as a finding, for the officer to confirm', () => {
  const edit = applied({ kind: 'crew', car: '22', fromRound: 3, drivers: [{ name: 'Ana Silva' }] });
  assert.deepEqual(
    edit.findings.map((f) => [f.round, f.rule, f.kind]),
    [
      [3, '2 or 3 drivers', 'violation'],
      [4, '2 or 3 drivers', 'violation'],
    ],
  );
});

test('a change that leaves the entry as it was changes nothing', () => {
  const edit = applied({ kind: 'team-name', car: '22', team: 'Meridian' });
  assert.deepEqual(edit.entries, []);
  assert.match(edit.summary, /\(no change\)$/);
});

test('rounds as a person reads them', () => {
  assert.equal(roundsText([5, 1, 2, 3, 7, 8]), '1-3, 5, 7, 8');
  assert.equal(roundsText([]), '');
});
