/**
 * Bounded fuzzing of the timing parsers: random text, random bytes and real rows mutated never
 * make them throw; they always return a Result, and every issue points at a line of the input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { needsRecordedRaces, timingText } from '../../../test/support/timing-fixtures.ts';
import type { TimingFixture } from '../../../test/support/timing-fixtures.ts';
import { parseClassificationCsv } from './classification-csv.ts';
import { parseLapAnalysisCsv } from './lap-analysis-csv.ts';
import type { TimingInput } from './timing-csv.ts';

const PARSERS = [parseClassificationCsv, parseLapAnalysisCsv];
const RUNS = { numRuns: 150, seed: 2024 };

/** Never throws; an issue has a code, a message and a line of the input. */
function assertWellBehaved(input: TimingInput): void {
  const lines = (typeof input === 'string' ? input : new TextDecoder().decode(input)).split('\n').length;
  for (const parse of PARSERS) {
    const result = parse(input, 'fuzz.csv');
    assert.equal(typeof result.ok, 'boolean');
    if (result.ok) continue;
    assert.ok(result.error.length > 0);
    for (const issue of result.error) {
      assert.equal(issue.file, 'fuzz.csv');
      assert.ok(Number.isInteger(issue.line) && issue.line >= 1 && issue.line <= lines, `line ${issue.line}`);
      assert.match(issue.code, /^[a-z-]+$/);
      assert.ok(issue.message.length > 0);
    }
  }
}

/** The header and the first rows of a real file: small enough to mutate many times. */
function head(fixture: TimingFixture, rows: number): string[] {
  return timingText(fixture)
    .split(/\r?\n/)
    .slice(0, rows + 1);
}

const CSV_CHARS = fc.constantFrom(';', ',', '"', '\n', '\r', "'", ':', '.', ' ', 'B', '0', '9', '\uFFFD', '\uFEFF');
const noise = fc.array(fc.oneof(CSV_CHARS, fc.string({ maxLength: 3 })), { maxLength: 8 }).map((a) => a.join(''));

/** One edit of a list of lines: cut, insert noise, swap, duplicate, or empty a field. */
const mutation = (lines: readonly string[]) =>
  fc.oneof(
    fc.tuple(fc.nat(lines.length - 1), fc.nat(400), fc.nat(20)).map(([i, at, n]) => (ls: string[]) => {
      const l = ls[i] ?? '';
      ls[i] = l.slice(0, at) + l.slice(at + n);
    }),
    fc.tuple(fc.nat(lines.length - 1), fc.nat(400), noise).map(([i, at, text]) => (ls: string[]) => {
      const l = ls[i] ?? '';
      ls[i] = l.slice(0, at) + text + l.slice(at);
    }),
    fc.tuple(fc.nat(lines.length - 1), fc.nat(lines.length - 1)).map(([i, j]) => (ls: string[]) => {
      [ls[i], ls[j]] = [ls[j] ?? '', ls[i] ?? ''];
    }),
    fc.nat(lines.length - 1).map((i) => (ls: string[]) => {
      ls.splice(i, 0, ls[i] ?? '');
    }),
    fc.tuple(fc.nat(lines.length - 1), fc.nat(30), noise).map(([i, k, text]) => (ls: string[]) => {
      const fields = (ls[i] ?? '').split(/([;,])/);
      fields[k * 2] = text;
      ls[i] = fields.join('');
    }),
  );

test('random text never makes a parser throw', () => {
  fc.assert(fc.property(fc.string({ maxLength: 300 }), assertWellBehaved), RUNS);
  fc.assert(
    fc.property(
      fc.array(fc.oneof(CSV_CHARS, fc.constantFrom('NUMBER', 'LAP_NUMBER', 'POSITION', 'DRIVER_1', 'STATUS')), {
        maxLength: 80,
      }),
      (parts) => assertWellBehaved(parts.join('')),
    ),
    RUNS,
  );
});

test('random bytes never make a parser throw', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), assertWellBehaved), RUNS);
});

for (const fixture of [
  'leMans2024Laps',
  'sebring2025Laps',
  'leMans2024Classification',
  'imola2014Classification',
  'sebring2025Results',
] as const) {
  test(`mutated rows of ${fixture} never make a parser throw`, needsRecordedRaces, () => {
    const lines = head(fixture, 12);
    fc.assert(
      fc.property(fc.array(mutation(lines), { minLength: 1, maxLength: 4 }), (edits) => {
        const mutated = [...lines];
        for (const edit of edits) edit(mutated);
        assertWellBehaved(mutated.join('\n'));
      }),
      RUNS,
    );
  });
}

test('a real lap file cut after any whole row is read, every lap of it', needsRecordedRaces, () => {
  const lines = head('leMans2024Laps', 40);
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 40 }), (rows) => {
      const result = parseLapAnalysisCsv(`${lines.slice(0, rows + 1).join('\n')}\n`, 'cut.csv');
      return result.ok && result.value.laps.length === rows;
    }),
    { numRuns: 40 },
  );
});

test('a bad lap time in any row is reported at that row, and only there', needsRecordedRaces, () => {
  const lines = head('leMans2024Laps', 30);
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 30 }), fc.boolean(), (row, crlf) => {
      const mutated = lines.map((l, i) => (i === row ? l.replace(/^([^;]*;[^;]*;[^;]*;)[^;]*/, '$1x') : l));
      const result = parseLapAnalysisCsv(mutated.join(crlf ? '\r\n' : '\n'), 'bad.csv');
      assert.ok(!result.ok);
      assert.deepEqual(
        result.error.map((i) => [i.line, i.code, i.path]),
        [[row + 1, 'time', ['LAP_TIME']]],
      );
    }),
    { numRuns: 30 },
  );
});
