import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCrew, checkLineups, rulesFor } from './lineup-rules.ts';
import type { LineupRule, LineupRules } from './lineup-rules.ts';
import { REGIONS } from './regions.ts';
import type { CrewMember, Entry } from './season.ts';
import type { Rating } from './vocabulary.ts';
import { buildSeason, line, race } from '../../test/support/season-builder.ts';

const driver = (name: string, rating?: Rating, nationality?: string, rounds: CrewMember['rounds'] = 'all') => ({
  name,
  rounds,
  ...(rating ? { rating } : {}),
  ...(nationality ? { nationality } : {}),
});

// shared/research/regulations.md §4, ALMS LMP2 (≈2015-2020) and LMP2 Am.
const SILVER_OR_BRONZE: LineupRule = { name: 'At least one Silver or Bronze', ratings: ['Silver', 'Bronze'], min: 1 };
const ONE_SILVER: LineupRule = { name: 'At most one Silver', ratings: ['Silver'], max: 1 };
const NO_PRO: LineupRule = { name: 'No Platinum or Gold', ratings: ['Platinum', 'Gold'], max: 0 };
const CREW_SIZE: LineupRule = { name: '2 or 3 drivers', min: 2, max: 3 };
const ASIAN: LineupRule = { name: 'An Asian or Oceanian driver', nationalities: 'asia-oceania', min: 1 };

test('a crew of pros breaks the LMP2 Pro-Am rule, and the message shows the crew', () => {
  const crew = [driver('Roman Rusinov', 'Gold'), driver('Nick Cassidy', 'Platinum')];
  assert.deepEqual(checkCrew(SILVER_OR_BRONZE, crew), {
    kind: 'violation',
    crew: 'entered',
    message:
      '0 of 2 drivers entered are Silver or Bronze, expected at least 1: Roman Rusinov (Gold), Nick Cassidy (Platinum)',
  });
  assert.equal(checkCrew(SILVER_OR_BRONZE, [...crew, driver('James French', 'Silver')]), undefined);
});

test('LMP2 Am: at most one Silver, no Platinum or Gold', () => {
  const am = [driver('Kang Ling', 'Bronze'), driver('Darren Burke', 'Silver')];
  assert.equal(checkCrew(ONE_SILVER, am), undefined);
  assert.equal(checkCrew(NO_PRO, am), undefined);
  assert.equal(
    checkCrew(ONE_SILVER, [...am, driver('Second Silver', 'Silver')])?.message,
    '2 of 3 drivers entered are Silver, expected at most 1: Kang Ling (Bronze), Darren Burke (Silver), Second Silver (Silver)',
  );
  assert.equal(
    checkCrew(NO_PRO, [...am, driver('A Pro', 'Gold')])?.message,
    '1 of 3 drivers entered is Platinum or Gold, expected none: Kang Ling (Bronze), Darren Burke (Silver), A Pro (Gold)',
  );
});

test('crew size: the count of drivers, whatever their rating', () => {
  assert.equal(checkCrew(CREW_SIZE, [driver('Li Lin')])?.message, '1 driver entered, expected 2 to 3: Li Lin');
  const four = ['A', 'B', 'C', 'D'].map((n) => driver(n));
  assert.equal(checkCrew(CREW_SIZE, four, 'drove')?.message, '4 drivers drove, expected 2 to 3: A, B, C, D');
  assert.equal(checkCrew(CREW_SIZE, four.slice(0, 3)), undefined);
  assert.equal(
    checkCrew({ name: 'Two', min: 2, max: 2 }, four)?.message,
    '4 drivers entered, expected exactly 2: A, B, C, D',
  );
});

test('nationalities: a named region or a list of codes', () => {
  // Carlin 2019-20 was all-British: under the 2014 rule it would have needed an Asian/Oceanian driver.
  const carlin = [driver('Jack Manchester', 'Bronze', 'GBR'), driver('Ben Barnicoat', 'Gold', 'GBR')];
  assert.equal(
    checkCrew(ASIAN, carlin)?.message,
    '0 of 2 drivers entered are from Asia or Oceania, expected at least 1: Jack Manchester (GBR), Ben Barnicoat (GBR)',
  );
  assert.equal(checkCrew(ASIAN, [...carlin, driver('James Winslow', 'Silver', 'AUS')]), undefined);
  assert.equal(
    checkCrew({ ...ASIAN, nationalities: 'asia' }, [...carlin, driver('Winslow', 'Silver', 'AUS')])?.kind,
    'violation',
  );
  assert.equal(
    checkCrew({ name: 'A Japanese driver', nationalities: ['JPN'], min: 1 }, carlin)?.message.split(':')[0],
    '0 of 2 drivers entered are from JPN, expected at least 1',
  );
  assert.ok(REGIONS['asia-oceania'].nationalities.length === 50 + 1 + 29);
});

test('ratings and nationalities together: a driver counts only when both match', () => {
  const rule: LineupRule = { name: 'An Asian Bronze', ratings: ['Bronze'], nationalities: 'asia', min: 1 };
  assert.equal(checkCrew(rule, [driver('A', 'Bronze', 'GBR'), driver('B', 'Gold', 'JPN')])?.kind, 'violation');
  assert.equal(checkCrew(rule, [driver('A', 'Bronze', 'JPN')]), undefined);
  assert.match(
    checkCrew(rule, [driver('A', 'Silver', 'GBR')])?.message ?? '',
    /are Bronze and from Asia, .*: A \(Silver, GBR\)$/,
  );
});

test('an unknown rating is "cannot check" only when it decides the outcome', () => {
  const unknown = driver('Li Lin');
  assert.deepEqual(checkCrew(SILVER_OR_BRONZE, [driver('Pro', 'Gold'), unknown]), {
    kind: 'cannot-check',
    crew: 'entered',
    message:
      'cannot check: 0 of 2 drivers entered are Silver or Bronze and 1 is unknown, expected at least 1: Pro (Gold), Li Lin (rating unknown)',
  });
  // A known Bronze settles the rule whatever Li Lin is.
  assert.equal(checkCrew(SILVER_OR_BRONZE, [driver('Am', 'Bronze'), unknown]), undefined);
  // A known Gold breaks "no Platinum or Gold" whatever Li Lin is.
  assert.equal(checkCrew(NO_PRO, [driver('Pro', 'Gold'), unknown])?.kind, 'violation');
  assert.equal(checkCrew(NO_PRO, [driver('Am', 'Bronze'), unknown])?.kind, 'cannot-check');
  // Crew size needs no rating.
  assert.equal(checkCrew(CREW_SIZE, [unknown, driver('Other')]), undefined);
  assert.match(checkCrew(ASIAN, [driver('X', 'Gold')])?.message ?? '', /^cannot check: .*X \(nationality unknown\)$/);
});

const RULES: LineupRules = {
  allClasses: [CREW_SIZE],
  classes: { LMP2: [SILVER_OR_BRONZE], GT: [{ ...NO_PRO, rounds: [2] }] },
};

test('the rules of a class at a round: every class first, then its own, in force at that round', () => {
  assert.deepEqual(rulesFor(RULES, 'LMP2', 1), [CREW_SIZE, SILVER_OR_BRONZE]);
  assert.deepEqual(rulesFor(RULES, 'GT', 1), [CREW_SIZE]);
  assert.deepEqual(
    rulesFor(RULES, 'GT', 2).map((r) => r.name),
    ['2 or 3 drivers', 'No Platinum or Gold'],
  );
  assert.deepEqual(rulesFor(RULES, 'toString', 1), [CREW_SIZE]);
  assert.deepEqual(rulesFor(undefined, 'LMP2', 1), []);
});

const entry = (car: string, cls: string, drivers: CrewMember[]): Entry => ({
  car,
  class: cls,
  team: `Team ${car}`,
  eligible: true,
  drivers,
});

test('every car at every round it is entered for, against the rules in force then', () => {
  const season = {
    ...buildSeason({
      rounds: 3,
      entries: [
        // Gold and Platinum at round 1; the Silver joins from round 2; absent at round 3.
        entry('26', 'LMP2', [
          driver('Rusinov', 'Gold', 'RUS', [1, 2]),
          driver('Cassidy', 'Platinum', 'NZL', [1, 2]),
          driver('French', 'Silver', 'USA', [2]),
        ]),
        entry('27', 'GT', [driver('Rigon', 'Platinum', 'ITA'), driver('Chen', 'Bronze', 'TWN')]),
      ],
      races: [],
    }),
    lineupRules: RULES,
  };
  const found = checkLineups(season).map((f) => `${f.car} r${f.round} ${f.class} ${f.rule}: ${f.kind}`);
  assert.deepEqual(found, [
    '26 r1 LMP2 At least one Silver or Bronze: violation',
    '27 r2 GT No Platinum or Gold: violation',
  ]);
  assert.deepEqual(checkLineups({ ...season, lineupRules: undefined }), []);
});

test('the drivers a classified car raced with are checked when the classification lists them', () => {
  const crew = [driver('Pro', 'Gold'), driver('Am', 'Bronze'), driver('Other pro', 'Platinum')];
  const season = {
    ...buildSeason({
      rounds: 2,
      entries: [entry('45', 'LMP2', crew), entry('46', 'LMP2', crew)],
      races: [
        race(1, [line('45', 'Classified', ['Pro', 'Other pro']), line('46', 'Ret', ['Pro'])]),
        race(2, [line('45', 'Classified', ['Pro', 'Am'])]),
      ],
    }),
    lineupRules: RULES,
  };
  // Round 1: #45 finished without its Bronze having driven; #46 retired after one stint,
  // which breaks no line-up rule. Round 2: #45 raced with its Bronze.
  assert.deepEqual(checkLineups(season), [
    {
      car: '45',
      round: 1,
      class: 'LMP2',
      rule: 'At least one Silver or Bronze',
      kind: 'violation',
      crew: 'drove',
      message: '0 of 2 drivers who drove are Silver or Bronze, expected at least 1: Pro (Gold), Other pro (Platinum)',
    },
  ]);
});

test('a fault of the entered crew is reported once, not again for the crew that drove', () => {
  const season = {
    ...buildSeason({
      rounds: 1,
      entries: [entry('1', 'LMP2', [driver('A', 'Gold'), driver('B', 'Gold')])],
      races: [race(1, [line('1', 'Classified', ['A'])])],
    }),
    lineupRules: { allClasses: [], classes: { LMP2: [SILVER_OR_BRONZE] } },
  };
  assert.deepEqual(
    checkLineups(season).map((f) => f.crew),
    ['entered'],
  );
});

test('a car withdrawn from a round has no line-up to check there', () => {
  // ALMS 2019-20: #96 withdrew from The Bend with only Haruki Kurosawa still entered.
  const season = {
    ...buildSeason({
      rounds: 2,
      entries: [entry('96', 'LMP2', [driver('Haruki Kurosawa', 'Gold')])],
      races: [race(1, [line('96', 'Ret')]), race(2, [line('96', 'WD')])],
    }),
    lineupRules: RULES,
  };
  assert.deepEqual(
    checkLineups(season).map((f) => `${f.round} ${f.rule}`),
    ['1 2 or 3 drivers', '1 At least one Silver or Bronze'],
  );
});
