/**
 * Golden tests of `pitwall validate`'s reports: each broken file in fixtures/broken, and the
 * `file:line: code` of every issue it must report. The expected lists were written by reading
 * the fixtures, not by running the parser: they are what a person fixing the file should see.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseSeasonFile } from '../src/formats/season-file.ts';

const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  '01-unknown-car.yaml': [
    '01-unknown-car.yaml:24: unknown-car', // classification: car "62"
    '01-unknown-car.yaml:26: unknown-car', // LMP2 pole: car "62"
  ],
  '02-unknown-class.yaml': [
    '02-unknown-class.yaml:8: unknown-class', // points override for LMP3
    '02-unknown-class.yaml:12: unknown-class', // alsoClassifiedIn: [GTE]
    '02-unknown-class.yaml:22: unknown-class', // class: GT3
    '02-unknown-class.yaml:31: unknown-class', // pole for GT3 (and no pole-class on top of it)
  ],
  '03-duplicate-car.yaml': [
    '03-duplicate-car.yaml:16: duplicate-car', // a second car "26"
    '03-duplicate-car.yaml:31: duplicate-result', // car "26" classified again
  ],
  '04-duplicate-driver.yaml': [
    '04-duplicate-driver.yaml:17: duplicate-driver', // Roman Rusinov entered again
    '04-duplicate-driver.yaml:21: duplicate-driver', // James French named twice in the race
  ],
  '05-round-out-of-range.yaml': [
    '05-round-out-of-range.yaml:10: duplicate-round', // a second round 2 in the calendar
    '05-round-out-of-range.yaml:17: round-out-of-range', // entered for round 5
    '05-round-out-of-range.yaml:22: round-out-of-range', // results for round 4
    '05-round-out-of-range.yaml:25: duplicate-round', // results for round 1 again
  ],
  '06-pole-other-class.yaml': [
    '06-pole-other-class.yaml:32: pole-class', // LMP2 pole to GT car 7
    '06-pole-other-class.yaml:33: pole-class', // GT pole to GT Am car 51
  ],
  '07-bad-status-and-rating.yaml': [
    '07-bad-status-and-rating.yaml:6: invalid', // scoring status Finished
    '07-bad-status-and-rating.yaml:7: invalid', // tie-breaker "coin toss"
    '07-bad-status-and-rating.yaml:10: invalid', // date 2019-11-31
    '07-bad-status-and-rating.yaml:10: invalid', // duration "4 hours"
    '07-bad-status-and-rating.yaml:15: invalid', // nationality Russia
    '07-bad-status-and-rating.yaml:18: invalid', // rating Silver+
    '07-bad-status-and-rating.yaml:22: invalid', // status Finished
    '07-bad-status-and-rating.yaml:22: invalid', // time 4:00.04.690
  ],
  '08-missing-fields-and-typo.yaml': [
    '08-missing-fields-and-typo.yaml:4: type', // season: 2019, unquoted
    '08-missing-fields-and-typo.yaml:7: unknown-field', // otherClasified
    '08-missing-fields-and-typo.yaml:11: missing', // round 2 has no name
    '08-missing-fields-and-typo.yaml:11: type', // round: "2"
    '08-missing-fields-and-typo.yaml:13: missing', // car 26 has no team
    '08-missing-fields-and-typo.yaml:17: missing', // a crew member with no name...
    '08-missing-fields-and-typo.yaml:17: unknown-field', // ...because it is spelt nmae
    '08-missing-fields-and-typo.yaml:18: missing', // car 45 has no drivers...
    '08-missing-fields-and-typo.yaml:21: unknown-field', // ...because it is spelt driver
    '08-missing-fields-and-typo.yaml:26: type', // laps: "114"
  ],
  '09-syntax-error.yaml': [
    // The YAML parser reads the over-indented line as a continuation of `class: LMP2`, and
    // reports both of its complaints where that value starts.
    '09-syntax-error.yaml:13: syntax',
    '09-syntax-error.yaml:13: syntax',
  ],
  '10-many-problems-at-once.yaml': [
    '10-many-problems-at-once.yaml:2: format', // pitwall-season/2
    '10-many-problems-at-once.yaml:9: invalid', // LMP2 listed twice
    '10-many-problems-at-once.yaml:11: missing', // round 1 has no name
    '10-many-problems-at-once.yaml:11: invalid', // country CN
    '10-many-problems-at-once.yaml:12: unknown-field', // contry
    '10-many-problems-at-once.yaml:12: type', // pointsMultiplier: half
    '10-many-problems-at-once.yaml:33: not-entered', // Hoogenboom is entered for round 2 only
    '10-many-problems-at-once.yaml:34: not-entered', // car 45 has nobody entered for round 1
    '10-many-problems-at-once.yaml:35: unknown-car', // car "8"
    '10-many-problems-at-once.yaml:36: duplicate-result', // car "26" again
    '10-many-problems-at-once.yaml:37: pole-class', // LMP2 pole to GT car 7
    '10-many-problems-at-once.yaml:38: round-out-of-range', // round 3
    '10-many-problems-at-once.yaml:40: unknown-driver', // Harry Tincknell is not in car 45's crew
  ],
};

const fixture = (name: string): string => readFileSync(new URL(`fixtures/broken/${name}`, import.meta.url), 'utf8');

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`${name} reports exactly its problems`, () => {
    let result: ReturnType<typeof parseSeasonFile> | undefined;
    assert.doesNotThrow(() => {
      result = parseSeasonFile(fixture(name), name);
    });
    assert.ok(result && !result.ok, 'the broken file was accepted');
    assert.deepEqual(
      result.error.map((issue) => `${issue.file}:${issue.line}: ${issue.code}`),
      expected,
    );
    for (const issue of result.error) {
      assert.ok(issue.message.length > 0 && !issue.message.includes('\n'), `one-line message: ${issue.message}`);
    }
  });
}
