import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { LineupRule } from '../domain/lineup-rules.ts';
import { REGION_IDS } from '../domain/regions.ts';
import type { Season } from '../domain/season.ts';
import { RATINGS } from '../domain/vocabulary.ts';
import { lineupReport } from './lineup-report.ts';
import { formatIssue, parseSeasonFile, serializeSeasonFile } from './season-file.ts';

/** A two-round season; `RULES` goes where the line-up rules go. */
const FILE = `format: pitwall-season/1
series: Asian Le Mans Series
season: "2019-20"
points: { positions: [25, 18, 15] }
classes: [LMP2, LMP2 Am]
RULES
rounds:
  - { round: 1, name: 4 Hours of Shanghai }
  - { round: 2, name: 4 Hours of The Bend }
entries:
  - car: "26"
    class: LMP2
    team: G-Drive Racing with Algarve
    drivers:
      - { name: Roman Rusinov, nationality: RUS, rating: Gold, rounds: all }
      - { name: James French, nationality: USA, rating: Silver, rounds: [2] }
  - car: "4"
    class: LMP2 Am
    team: ARC Bratislava
    drivers:
      - { name: Miro Konôpka, nationality: SVK, rating: Bronze, rounds: all }
      - { name: Kang Ling, nationality: CHN, rounds: all }
`;

const RULES = `lineupRules:
  allClasses:
    - { name: 2 or 3 drivers, min: 2, max: 3 }
  classes:
    LMP2:
      - { name: At least one Silver or Bronze, ratings: [Silver, Bronze], min: 1 }
    LMP2 Am:
      - { name: An Asian or Oceanian driver, nationalities: asia-oceania, min: 1, rounds: [2] }
      - { name: No Russian, nationalities: [RUS], max: 0 }`;

const withRules = (rules: string) => FILE.replace('RULES', rules);

function parsed(text: string): Season {
  const result = parseSeasonFile(text, 'test.yaml');
  if (!result.ok) assert.fail(result.error.map(formatIssue).join('\n'));
  return result.value;
}

function issues(text: string): string[] {
  const result = parseSeasonFile(text, 'test.yaml');
  if (result.ok) assert.fail('expected issues, the file was accepted');
  return result.error.map(formatIssue);
}

test('line-up rules are read as written, each absent field absent', () => {
  assert.deepEqual(parsed(withRules(RULES)).lineupRules, {
    allClasses: [{ name: '2 or 3 drivers', min: 2, max: 3 }],
    classes: {
      LMP2: [{ name: 'At least one Silver or Bronze', ratings: ['Silver', 'Bronze'], min: 1 }],
      'LMP2 Am': [
        { name: 'An Asian or Oceanian driver', nationalities: 'asia-oceania', min: 1, rounds: [2] },
        { name: 'No Russian', nationalities: ['RUS'], max: 0 },
      ],
    },
  });
  assert.equal(parsed(withRules('')).lineupRules, undefined);
  assert.deepEqual(parsed(withRules('lineupRules: {}')).lineupRules, { allClasses: [], classes: {} });
});

test('line-up rules are written back, one line per rule, and read back equal', () => {
  for (const rules of [RULES, 'lineupRules: {}', 'lineupRules: { classes: { LMP2: [] } }', '']) {
    const season = parsed(withRules(rules));
    const written = serializeSeasonFile(season);
    assert.deepEqual(parsed(written), season, rules);
  }
  const written = serializeSeasonFile(parsed(withRules(RULES)));
  assert.match(written, /^ {6}- \{ name: No Russian, nationalities: \[ RUS \], max: 0 \}$/m);
  assert.ok(written.indexOf('lineupRules:') > written.indexOf('classes: ['), 'after the classes they name');
});

const rule: fc.Arbitrary<LineupRule> = fc
  .record(
    {
      name: fc.string({ minLength: 1, maxLength: 20 }),
      ratings: fc.subarray([...RATINGS], { minLength: 1 }),
      nationalities: fc.oneof(fc.constantFrom(...REGION_IDS), fc.subarray(['JPN', 'AUS', 'GBR'], { minLength: 1 })),
      min: fc.nat(3),
      rounds: fc.subarray([1, 2], { minLength: 1 }),
    },
    { requiredKeys: ['name', 'min'] },
  )
  .chain((r) =>
    fc
      .option(fc.integer({ min: r.min, max: 4 }), { nil: undefined })
      .map((max) => ({ ...r, ...(max === undefined ? {} : { max }) })),
  );

test('any rules a season holds survive the file', () => {
  const season = parsed(withRules(''));
  fc.assert(
    fc.property(fc.array(rule, { maxLength: 3 }), fc.array(rule, { maxLength: 3 }), (all, lmp2) => {
      const withThem = { ...season, lineupRules: { allClasses: all, classes: { LMP2: lmp2 } } };
      assert.deepEqual(parsed(serializeSeasonFile(withThem)), withThem);
    }),
    { numRuns: 200 },
  );
});

test('bad rules: every problem, at its line', () => {
  const bad = `lineupRules:
  allClasses:
    - { name: Too many, min: 3, max: 2 }
    - { name: No bounds, ratings: [Bronze] }
    - { name: Bad rating, ratings: [Silver+], min: 1 }
    - { name: Bad region, nationalities: europe, min: 1 }
    - { name: Bad code, nationalities: [Japan], min: 1 }
    - { name: Typo, mni: 1 }
    - { name: Later, min: 1, rounds: [5] }
    - { min: 1 }
  classes:
    GT3:
      - { name: Unknown class, min: 1 }
    __proto__:
      - { name: Sneaky, min: 1 }
    LMP2: { name: Not a list, min: 1 }`;
  assert.deepEqual(issues(withRules(bad)), [
    'test.yaml:8: invalid lineupRules.allClasses[0].min: expected min no greater than max',
    'test.yaml:9: invalid lineupRules.allClasses[1].min: expected min, max or both',
    'test.yaml:10: invalid lineupRules.allClasses[2].ratings[0]: expected one of Platinum, Gold, Silver, Bronze, got "Silver+"',
    'test.yaml:11: invalid lineupRules.allClasses[3].nationalities: expected a region (asia, asia-oceania) or a list of ISO 3166-1 alpha-3 codes, got "europe"',
    'test.yaml:12: invalid lineupRules.allClasses[4].nationalities[0]: expected an ISO 3166-1 alpha-3 code such as CHN, got "Japan"',
    'test.yaml:13: invalid lineupRules.allClasses[5].min: expected min, max or both',
    'test.yaml:13: unknown-field lineupRules.allClasses[5].mni: unknown field, expected one of name, ratings, nationalities, min, max, rounds',
    'test.yaml:14: round-out-of-range lineupRules.allClasses[6].rounds[0]: round 5 is not in the calendar (rounds are 1, 2)',
    'test.yaml:15: missing lineupRules.allClasses[7].name: is required, expected a string',
    'test.yaml:17: unknown-class lineupRules.classes.GT3: class "GT3" is not in classes (LMP2, LMP2 Am)',
    'test.yaml:19: invalid lineupRules.classes.__proto__: expected a class id other than __proto__',
    'test.yaml:21: type lineupRules.classes.LMP2: expected a list, got a mapping',
  ]);
});

test("the documentation's example is a valid section", () => {
  const doc = readFileSync(new URL('../../docs/season-file.md', import.meta.url), 'utf8');
  const example = /```yaml\n(lineupRules:[\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(example, 'docs/season-file.md has a lineupRules example');
  const rules = parsed(withRules(example.trimEnd())).lineupRules;
  assert.deepEqual(Object.keys(rules?.classes ?? {}), ['LMP2', 'LMP2 Am']);
});

test("validate's lines: each finding at its entry's line", () => {
  const text = withRules(RULES);
  // Round 1: #26 has one driver, a Gold; #4's Kang Ling has no rating but no rule needs one.
  // Round 2: the Asian rule is in force and Kang Ling (CHN) meets it.
  assert.deepEqual(lineupReport(text, 'alms.yaml', parsed(text)), [
    'alms.yaml:19: lineup 26 round 1: 2 or 3 drivers: 1 driver entered, expected 2 to 3: Roman Rusinov',
    'alms.yaml:19: lineup 26 round 1: At least one Silver or Bronze: 0 of 1 driver entered are Silver or Bronze, expected at least 1: Roman Rusinov (Gold)',
  ]);
  assert.deepEqual(lineupReport(withRules(''), 'alms.yaml', parsed(withRules(''))), []);
});
