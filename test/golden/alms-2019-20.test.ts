/**
 * The golden test: `pitwall standings data/seasons/alms-2019-20.yaml --format json` against every
 * table the 2019-20 Asian Le Mans Series published (transcribed in alms-2019-20.published.ts).
 * Every row's position, per-round results and points must match, except the figures listed in
 * UNREPRODUCIBLE — and each of those must really differ, so the list cannot go stale.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { PUBLISHED, UNREPRODUCIBLE } from './alms-2019-20.published.ts';
import type { StandingsDocument, StandingsRowJson } from '../../src/formats/standings-json.ts';

const SEASON = new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url).pathname;
const BIN = new URL('../../bin/pitwall.js', import.meta.url).pathname;

const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'standings', SEASON, '--format', 'json']);
const computed = JSON.parse(stdout) as StandingsDocument;

const keyOf = (row: StandingsRowJson) => ('car' in row ? row.car : row.driver);
const exception = (cls: string, kind: string, row: string, field: string) =>
  UNREPRODUCIBLE.find((u) => u.class === cls && u.kind === kind && u.row === row && u.field === field);
const shown = (cell: string | null) => cell ?? '(blank)';

test('the season has the published calendar and all ten tables', () => {
  assert.equal(computed.series, 'Asian Le Mans Series');
  assert.equal(computed.season, '2019-20');
  assert.deepEqual(
    computed.rounds.map((r) => r.name),
    ['4 Hours of Shanghai', '4 Hours of The Bend', '4 Hours of Sepang', '4 Hours of Buriram'],
  );
  assert.deepEqual(
    computed.standings.map((t) => `${t.class} ${t.kind}`),
    PUBLISHED.map((t) => `${t.class} ${t.kind}`),
  );
});

for (const published of PUBLISHED) {
  test(`${published.class} ${published.kind}: every published row, point for point and in order`, () => {
    const table = computed.standings.find((t) => t.class === published.class && t.kind === published.kind);
    assert.ok(table, 'table missing');
    const rows = new Map(table.rows.map((r) => [keyOf(r), r]));
    for (const expected of published.rows) {
      const key = expected.car ?? expected.driver ?? expected.name;
      const row = rows.get(key);
      const listed = (field: string) => exception(published.class, published.kind, key, field);
      if (!row) {
        assert.ok(listed('row'), `${key}: published row missing`);
        continue;
      }
      if (!listed('points')) assert.equal(row.points, expected.points, `${key}: points`);
      if (!listed('position')) assert.equal(row.position, expected.position, `${key}: position`);
      expected.results.forEach((result, i) => {
        if (!listed(`round ${i + 1}`)) assert.equal(row.rounds[i]?.result, result, `${key}: round ${i + 1}`);
      });
    }
    const publishedKeys = new Set(published.rows.map((r) => r.car ?? r.driver ?? r.name));
    for (const row of table.rows) {
      if (!publishedKeys.has(keyOf(row))) {
        assert.ok(exception(published.class, published.kind, keyOf(row), 'row'), `${keyOf(row)}: row not published`);
      }
    }
    // In order: the computed table lists rows by position, as the published one does.
    const positions = table.rows.map((r) => r.position);
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
    );
  });
}

test('every figure listed as unreproducible really differs from the computed one', () => {
  for (const u of UNREPRODUCIBLE) {
    const table = computed.standings.find((t) => t.class === u.class && t.kind === u.kind);
    const row = table?.rows.find((r) => keyOf(r) === u.row);
    const round = /^round (\d+)$/.exec(u.field)?.[1];
    const value =
      u.field === 'row'
        ? row
          ? '(no row)'
          : '(absent)'
        : !row
          ? '(absent)'
          : u.field === 'points'
            ? String(row.points)
            : u.field === 'position'
              ? String(row.position)
              : round
                ? shown(row.rounds[Number(round) - 1]?.result ?? null)
                : '(unknown field)';
    assert.notEqual(value, '(unknown field)', `${u.row}: unknown field ${u.field}`);
    if (u.field === 'row') assert.ok(row && u.published === '(no row)', `${u.row}: listed as an extra row`);
    else assert.notEqual(value, u.published, `${u.class} ${u.kind} ${u.row} ${u.field}: listed, but reproduced`);
    assert.ok(u.reason.length > 20, `${u.row}: the reason must say why`);
  }
});

test('the title: G-Drive 83, Carlin 82, and the contradictions are recorded in the file', async () => {
  const lmp2 = computed.standings.find((t) => t.class === 'LMP2' && t.kind === 'teams')!;
  assert.deepEqual(
    lmp2.rows.slice(0, 2).map((r) => ['car' in r ? r.team : '', r.points]),
    [
      ['G-Drive Racing with Algarve', 83],
      ['Thunderhead Carlin Racing', 82],
    ],
  );
  const file = await readFile(SEASON, 'utf8');
  assert.match(file, /CONTRADICTION LMP3 teams, row '#18/);
  assert.match(file, /CONTRADICTION Gabriele Lancieri/);
});
