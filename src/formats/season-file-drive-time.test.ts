/** The season file's optional `driveTime` section: read, written back, and its mistakes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatIssue, parseSeasonFile, serializeSeasonFile } from './season-file.ts';
import type { Season } from '../domain/season.ts';

const FIXTURE = new URL('../../test/fixtures/drive-time/le-mans-2024.yaml', import.meta.url);
const TEXT = readFileSync(FIXTURE, 'utf8');

function season(text: string): Season {
  const parsed = parseSeasonFile(text, 'le-mans.yaml');
  if (!parsed.ok) assert.fail(parsed.error.map(formatIssue).join('\n'));
  return parsed.value;
}

function problems(text: string): string[] {
  const parsed = parseSeasonFile(text, 'le-mans.yaml');
  return parsed.ok ? [] : parsed.error.map(formatIssue);
}

const H = 3_600_000;

test('driveTime: defaults, a class overriding them field by field, limits per rating, in ms', () => {
  assert.deepEqual(season(TEXT).driveTimeRules, {
    pitTime: 'counted',
    default: { maxPerDriverMs: 9 * H, maxStintMs: 3.5 * H },
    classes: { LMGT3: { maxStintMs: 4 * H, minPerDriverMs: { Bronze: 6.5 * H } } },
  });
});

test('a season without driveTime has no rules, and none appear when it is written', () => {
  const without = TEXT.replace(/^driveTime:\n(?: {2}.*\n)+/m, '');
  assert.equal(season(without).driveTimeRules, undefined);
  assert.doesNotMatch(serializeSeasonFile(season(without)), /driveTime/);
});

test('written and read back: the same rules', () => {
  const withPit = TEXT.replace('driveTime:\n', 'driveTime:\n  pitTime: excluded\n');
  const original = season(withPit);
  assert.equal(original.driveTimeRules?.pitTime, 'excluded');
  const written = serializeSeasonFile(original);
  assert.match(written, /^driveTime:$/m);
  assert.deepEqual(season(written).driveTimeRules, original.driveTimeRules);
});

test('mistakes in driveTime: each with its line', () => {
  const line = (text: string, pattern: string) => text.split('\n').findIndex((l) => l.includes(pattern)) + 1;
  const broken = TEXT.replace('maxPerDriver: 9h', 'maxPerDriver: 9 hours')
    .replace('LMGT3: { maxStint', 'GT3: { maxStint')
    .replace('{ Bronze: 6h30m }', '{ Bronce: 6h30m }')
    .replace('driveTime:\n', 'driveTime:\n  pitTime: sometimes\n');
  assert.deepEqual(problems(broken), [
    `le-mans.yaml:${line(broken, 'pitTime')}: invalid driveTime.pitTime: expected one of counted, excluded, got "sometimes"`,
    `le-mans.yaml:${line(broken, 'maxPerDriver')}: invalid driveTime.maxPerDriver: expected a duration such as 4h, 90m or 2h30m, got "9 hours"`,
    `le-mans.yaml:${line(broken, 'GT3:')}: unknown-class driveTime.classes.GT3: class "GT3" is not in classes (HYPERCAR, LMP2, LMGT3)`,
    `le-mans.yaml:${line(broken, 'Bronce')}: unknown-field driveTime.classes.GT3.minPerDriver.Bronce: unknown field, expected one of Platinum, Gold, Silver, Bronze`,
  ]);
});
