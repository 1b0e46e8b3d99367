import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkCrew, checkLineups } from './lineup-rules.ts';
import type { LineupRule } from './lineup-rules.ts';
import type { CrewMember } from './season.ts';
import { RATINGS } from './vocabulary.ts';
import type { Rating } from './vocabulary.ts';
import { buildSeason } from '../../test/support/season-builder.ts';

const NATIONALITIES = ['JPN', 'AUS', 'GBR', 'RUS'];

const knownMember = fc.record({
  name: fc.string({ minLength: 1, maxLength: 6 }),
  rating: fc.constantFrom(...RATINGS),
  nationality: fc.constantFrom(...NATIONALITIES),
  rounds: fc.constant('all' as const),
});

/** A crew member whose rating or nationality may be missing from the file. */
const member: fc.Arbitrary<CrewMember> = fc
  .record({ known: knownMember, hideRating: fc.boolean(), hideNationality: fc.boolean() })
  .map(({ known, hideRating, hideNationality }) => {
    const { rating, nationality, ...rest } = known;
    return { ...rest, ...(hideRating ? {} : { rating }), ...(hideNationality ? {} : { nationality }) };
  });

const crew = (of: fc.Arbitrary<CrewMember>) => fc.array(of, { maxLength: 5 });

const bounds = fc
  .record({ min: fc.option(fc.nat(4), { nil: undefined }), max: fc.option(fc.nat(4), { nil: undefined }) })
  .filter(({ min, max }) => (min !== undefined || max !== undefined) && (min ?? 0) <= (max ?? Infinity));

const rule: fc.Arbitrary<LineupRule> = fc
  .record({
    ratings: fc.option(fc.subarray([...RATINGS], { minLength: 1 }), { nil: undefined }),
    nationalities: fc.option(
      fc.oneof(fc.constantFrom('asia' as const, 'asia-oceania' as const), fc.subarray(NATIONALITIES, { minLength: 1 })),
      { nil: undefined },
    ),
    bounds,
  })
  .map(({ ratings, nationalities, bounds: b }) => ({
    name: 'rule',
    ...(ratings ? { ratings } : {}),
    ...(nationalities ? { nationalities } : {}),
    ...(b.min !== undefined ? { min: b.min } : {}),
    ...(b.max !== undefined ? { max: b.max } : {}),
  }));

/** A crew, and the same crew in another order. */
const crewAndShuffled = crew(member).chain((c) =>
  fc.tuple(fc.constant(c), fc.shuffledSubarray(c, { minLength: c.length, maxLength: c.length })),
);

const kindOf = (r: LineupRule, c: readonly CrewMember[]) => checkCrew(r, c)?.kind ?? 'pass';

test('the order of the drivers never matters', () => {
  fc.assert(
    fc.property(rule, crewAndShuffled, (r, [c, shuffled]) => {
      assert.equal(kindOf(r, shuffled), kindOf(r, c));
      // The message lists the crew in its order, but says the same counts.
      assert.equal(checkCrew(r, shuffled)?.message.split(':')[0], checkCrew(r, c)?.message.split(':')[0]);
    }),
  );
});

test('adding a driver never breaks a rule that has only a minimum', () => {
  fc.assert(
    fc.property(rule, crew(member), member, (r, c, extra) => {
      const { max: _max, ...minOnly } = r;
      fc.pre(minOnly.min !== undefined);
      if (kindOf(minOnly, c) === 'pass') assert.equal(kindOf(minOnly, [...c, extra]), 'pass');
      if (kindOf(minOnly, c) !== 'violation') assert.notEqual(kindOf(minOnly, [...c, extra]), 'violation');
    }),
  );
});

test('removing a driver never breaks a rule that has only a maximum', () => {
  fc.assert(
    fc.property(rule, crew(member), fc.nat(4), (r, c, drop) => {
      const { min: _min, ...maxOnly } = r;
      fc.pre(maxOnly.max !== undefined);
      const fewer = c.filter((_, i) => i !== drop);
      if (kindOf(maxOnly, c) === 'pass') assert.equal(kindOf(maxOnly, fewer), 'pass');
    }),
  );
});

test('a crew whose ratings and nationalities are all known is never "cannot check"', () => {
  fc.assert(fc.property(rule, crew(knownMember), (r, c) => kindOf(r, c) !== 'cannot-check'));
});

test('a pass or a violation with unknowns stays so whatever the unknowns turn out to be', () => {
  const filled = (c: readonly CrewMember[], ratings: Rating[], nationalities: string[]) =>
    c.map((m, i) => ({
      ...m,
      rating: m.rating ?? ratings[i % ratings.length] ?? 'Bronze',
      nationality: m.nationality ?? nationalities[i % nationalities.length] ?? 'JPN',
    }));
  fc.assert(
    fc.property(
      rule,
      crew(member),
      fc.array(fc.constantFrom(...RATINGS), { minLength: 1, maxLength: 5 }),
      fc.array(fc.constantFrom(...NATIONALITIES), { minLength: 1, maxLength: 5 }),
      (r, c, ratings, nationalities) => {
        const before = kindOf(r, c);
        if (before !== 'cannot-check') assert.equal(kindOf(r, filled(c, ratings, nationalities)), before);
      },
    ),
  );
});

test('the season check does not depend on the order of a crew', () => {
  fc.assert(
    fc.property(fc.array(rule, { maxLength: 3 }), crew(knownMember), (rules, c) => {
      const unique = c.filter((m, i) => c.findIndex((o) => o.name === m.name) === i);
      const seasonWith = (drivers: CrewMember[]) => ({
        ...buildSeason({
          rounds: 2,
          entries: [{ car: '1', class: 'LMP2', team: 'T', eligible: true, drivers }],
          races: [],
        }),
        lineupRules: { allClasses: rules, classes: {} },
      });
      const kinds = (drivers: CrewMember[]) => checkLineups(seasonWith(drivers)).map((f) => [f.round, f.kind]);
      assert.deepEqual(kinds([...unique].reverse()), kinds(unique));
    }),
  );
});
