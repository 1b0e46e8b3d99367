import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseSeasonFile } from '../formats/season-file.ts';
import type { ClassificationLine, Season } from '../domain/season.ts';
import { liveStandings } from './live-standings.ts';
import { buildSeason, car, line, race } from '../../test/support/season-builder.ts';

const parsed = parseSeasonFile(readFileSync('data/seasons/alms-2019-20.yaml', 'utf8'), 'alms-2019-20.yaml');
if (!parsed.ok) throw new Error('the bundled season does not parse');
const season: Season = parsed.value;

/** Buriram as it was run (the season's own round 4: #45 wins, #26 2nd, #96 3rd). */
const buriram = season.races.find((r) => r.round === 4)?.classification ?? [];

/** LMP2 rows as [key, position, points, positionBefore, pointsBefore, change], in table order. */
function lmp2Teams(lines: readonly ClassificationLine[]) {
  const table = liveStandings(season, 4, lines)['LMP2/teams'];
  assert.ok(table);
  const rows = Object.values(table.rows)
    .sort((a, b) => a.position - b.position)
    .map((r) => [r.key, r.position, r.points, r.positionBefore, r.pointsBefore, r.change]);
  return { table, rows };
}

// Before Buriram, without Carlin's Buriram pole (the published final table less each car's Buriram
// points, ../shared/seeds/004): #26 65, #45 82 - 26 = 56, #36 55, #33 38 - 8 = 30,
// #34 28 - 6 = 22, #96 27 - 15 = 12, #1 13 - 12 = 1.

test('Buriram as it was run: the live LMP2 teams table at the flag is the published final one, 83 to 82', () => {
  const { table, rows } = lmp2Teams(buriram);
  assert.deepEqual(rows, [
    ['26', 1, 83_000, 1, 65_000, 0],
    ['45', 2, 82_000, 2, 56_000, 0],
    ['36', 3, 65_000, 3, 55_000, 0],
    ['33', 4, 38_000, 4, 30_000, 0],
    ['34', 5, 28_000, 5, 22_000, 0],
    ['96', 6, 27_000, 6, 12_000, 0],
    ['1', 7, 13_000, 7, 1_000, 0],
  ]);
  assert.deepEqual(table.title, {
    leader: '26',
    leaderLabel: 'G-Drive Racing with Algarve',
    gap: 1_000,
    second: '45',
    decides: true,
  });
  assert.equal(table.rows['45']?.label, 'Thunderhead Carlin Racing');
  assert.deepEqual(table.rows['45']?.cars, ['45']);
});

test('Buriram with Carlin winning and G-Drive third: Carlin would be champion by 2 points', () => {
  // #96 and #26 swapped: LMP2 order 45, 96, 26, 1, 36, 33, 34.
  const swapped = buriram.map((l) => (l.car === '26' ? { ...l, car: '96' } : l.car === '96' ? { ...l, car: '26' } : l));
  const { table, rows } = lmp2Teams(swapped);
  // 45: 56 + 1 + 25; 26: 65 + 15; 36: 55 + 10; 33: 30 + 8; 96: 12 + 18; 34: 22 + 6; 1: 1 + 12.
  assert.deepEqual(rows, [
    ['45', 1, 82_000, 2, 56_000, 1],
    ['26', 2, 80_000, 1, 65_000, -1],
    ['36', 3, 65_000, 3, 55_000, 0],
    ['33', 4, 38_000, 4, 30_000, 0],
    ['96', 5, 30_000, 6, 12_000, 1],
    ['34', 6, 28_000, 5, 22_000, -1],
    ['1', 7, 13_000, 7, 1_000, 0],
  ]);
  assert.deepEqual(table.title, {
    leader: '45',
    leaderLabel: 'Thunderhead Carlin Racing',
    gap: 2_000,
    second: '26',
    decides: true,
  });
});

test('the drivers title picture skips the leader’s crew-mates: G-Drive’s drivers lead Carlin’s by 1', () => {
  const table = liveStandings(season, 4, buriram)['LMP2/drivers'];
  assert.ok(table);
  // Published: French, Hoogenboom, Rusinov 83; Barnicoat, Manchester, Tincknell 82.
  for (const driver of ['James French', 'Leonard Hoogenboom', 'Roman Rusinov']) {
    assert.equal(table.rows[driver]?.points, 83_000, driver);
    assert.equal(table.rows[driver]?.position, 1, driver);
    assert.equal(table.rows[driver]?.label, driver);
  }
  assert.ok(['James French', 'Leonard Hoogenboom', 'Roman Rusinov'].includes(table.title.leader ?? ''));
  assert.ok(['Ben Barnicoat', 'Jack Manchester', 'Harry Tincknell'].includes(table.title.second ?? ''));
  assert.equal(table.title.gap, 1_000);
  assert.equal(table.rows['Ben Barnicoat']?.points, 82_000);
  assert.equal(table.rows['Ben Barnicoat']?.pointsBefore, 56_000);
});

test('every class has a teams and a drivers table; only the last round decides', () => {
  const tables = liveStandings(season, 4, buriram);
  assert.deepEqual(Object.keys(tables).sort(), [
    'GT Am/drivers',
    'GT Am/teams',
    'GT/drivers',
    'GT/teams',
    'LMP2 Am/drivers',
    'LMP2 Am/teams',
    'LMP2/drivers',
    'LMP2/teams',
    'LMP3/drivers',
    'LMP3/teams',
  ]);
  const round3 = season.races.find((r) => r.round === 3)?.classification ?? [];
  assert.equal(liveStandings(season, 3, round3)['LMP2/teams']?.title.decides, false);
});

test('a small season: pole kept from the imported qualifying, before tables follow the season object', () => {
  const entries = [car('1', 'P', ['A']), car('2', 'P', ['B']), car('3', 'P', ['C'])];
  const qualifying = race(2, undefined, { P: '3' });
  const small = buildSeason({ entries, rounds: 2, races: [race(1, [line('1'), line('2'), line('3')]), qualifying] });
  const rowsOf = (s: Season) =>
    Object.values(liveStandings(s, 2, [line('3'), line('2'), line('1')])['P/teams']?.rows ?? {})
      .sort((a, b) => a.position - b.position)
      .map((r) => [r.key, r.position, r.points, r.positionBefore, r.pointsBefore, r.change]);
  // Before round 2: #1 25, #2 18, #3 15 (its round-2 pole is the round's). Live: #3 wins (+25 + 1), #2 second
  // (+18), #1 third (+15).
  assert.deepEqual(rowsOf(small), [
    ['3', 1, 41_000, 3, 15_000, 2],
    ['1', 2, 40_000, 1, 25_000, -1],
    ['2', 3, 36_000, 2, 18_000, -1],
  ]);
  // Another season object (round 1 won by #2: #2 25 + 18, #3 16 + 25, #1 18 + 15) is not served the
  // first one's memoised tables.
  const other = buildSeason({ entries, rounds: 2, races: [race(1, [line('2'), line('1'), line('3')]), qualifying] });
  assert.deepEqual(rowsOf(other), [
    ['2', 1, 43_000, 1, 25_000, 0],
    ['3', 2, 41_000, 3, 15_000, 1],
    ['1', 3, 33_000, 2, 18_000, -1],
  ]);
  // Round 2 is the last round here: the leader would be champion.
  assert.equal(liveStandings(small, 2, [line('3')])['P/teams']?.title.decides, true);
});

test('ties before the race share their best position; at the opener nobody gains or loses a place', () => {
  const entries = [car('1', 'P', ['A']), car('2', 'P', ['B']), car('3', 'P', ['C']), car('4', 'P', ['D'])];
  const opener = buildSeason({ entries, rounds: 2, races: [] });
  const rowsOf = (s: Season, round: number, order: string[]) =>
    Object.values(
      liveStandings(
        s,
        round,
        order.map((c) => line(c)),
      )['P/teams']?.rows ?? {},
    )
      .sort((a, b) => a.position - b.position)
      .map((r) => [r.key, r.position, r.positionBefore, r.change]);
  assert.deepEqual(rowsOf(opener, 1, ['3', '1', '4', '2']), [
    ['3', 1, 1, 0],
    ['1', 2, 1, 0],
    ['4', 3, 1, 0],
    ['2', 4, 1, 0],
  ]);
  // After round 1 (#1 and #2 both retired: 0 each; #3 25, #4 18): #1 and #2 were joint third.
  const second = buildSeason({
    entries,
    rounds: 2,
    races: [race(1, [line('3'), line('4'), line('1', 'Ret'), line('2', 'Ret')])],
  });
  // Round 2: #2 wins (25), #1 second (18), #3 and #4 retire. #2 and #3 are then level on points
  // and count-back (a win each), as are #1 and #4 (a second each): they share (issue 16).
  assert.deepEqual(rowsOf(second, 2, ['2', '1']), [
    ['2', 1, 3, 2],
    ['3', 1, 1, 0],
    ['1', 3, 3, 0],
    ['4', 3, 2, -1],
  ]);
});

test('a lap that changes no order, status nor crew gives the same tables; one that does, new ones for its class', () => {
  const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    Object.keys(a).filter((key) => a[key] === b[key]);
  const first = liveStandings(season, 4, buriram);
  const all = Object.keys(first);
  assert.ok(all.includes('LMP2/teams') && all.includes('GT/drivers'), all.join(' '));
  // Every car a lap on and later: what the standings do not read.
  const lapOn = buriram.map((l) => ({ ...l, laps: (l.laps ?? 0) + 1, totalTimeMs: (l.totalTimeMs ?? 0) + 90_000 }));
  assert.deepEqual(same(liveStandings(season, 4, lapOn), first), all);
  // #26 and #96 swap places: LMP2's tables change, and no other class's.
  const swapped = buriram.map((l) => (l.car === '26' ? { ...l, car: '96' } : l.car === '96' ? { ...l, car: '26' } : l));
  const afterPass = liveStandings(season, 4, swapped);
  assert.deepEqual(
    same(afterPass, first),
    all.filter((key) => !key.startsWith('LMP2/')),
  );
  assert.equal(afterPass['LMP2/teams']?.rows['45']?.points, 82_000);
  const retired = buriram.map((l): ClassificationLine => (l.car === '26' ? { ...l, status: 'Ret' } : l));
  assert.notEqual(liveStandings(season, 4, retired)['LMP2/teams']?.rows['26']?.points, 83_000);
  const crew = buriram.map((l) => (l.car === '26' ? { ...l, drivers: ['Roman Rusinov'] } : l));
  const withCrew = liveStandings(season, 4, crew);
  assert.notEqual(withCrew['LMP2/drivers'], liveStandings(season, 4, buriram)['LMP2/drivers']);
  // The same lines again after others: computed again, and the same as the first time.
  assert.deepEqual(liveStandings(season, 4, buriram), first);
});
