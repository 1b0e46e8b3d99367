import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { seasonStandings } from '../domain/standings.ts';
import { buildSeason, car, line, race } from '../../test/support/season-builder.ts';
import { neutraliseFormula, writeCsv } from './csv.ts';
import { standingsCsv } from './standings-csv.ts';

test('a text cell that a spreadsheet would run as a formula is prefixed with a quote (OWASP)', () => {
  for (const start of ['=', '+', '-', '@', '\t', '\r']) {
    assert.equal(neutraliseFormula(`${start}1+1`), `'${start}1+1`, JSON.stringify(start));
  }
  // Text that only looks like a number is still text from a person: neutralised the same.
  assert.equal(neutraliseFormula('-5'), "'-5");
  for (const fine of ['G-Drive Racing', '26', 'DNS', 'Ret', '', "'quoted", ' =not first', 'a=b']) {
    assert.equal(neutraliseFormula(fine), fine);
  }
});

test('numbers are numbers: a points deduction stays -5, halves stay halves', () => {
  for (const number of [-5, -0.5, 0, 12.5, 83]) assert.equal(neutraliseFormula(number), number);
  assert.equal(
    writeCsv([
      ['team', 'points'],
      ['=1+1', -5],
      ['@SUM(A1)', 0.5],
    ]),
    "team,points\n'=1+1,-5\n'@SUM(A1),0.5\n",
  );
  // A cell holding a line break or the delimiter is quoted as RFC 4180 says, after the prefix.
  assert.equal(writeCsv([['\r=cmd', '-2+3,x']]), `"'\r=cmd","'-2+3,x"\n`);
});

test('standingsCsv: hostile team, driver and class names arrive as text; points, even negative, as numbers', () => {
  const season = {
    ...buildSeason({
      classes: ['=Class'],
      entries: [
        car('1', '=Class', ["@SUM(1+1)*cmd|' /C calc'!A0", 'Plain Driver'], { team: '=HYPERLINK("http://evil")' }),
        car('2', '=Class', ['+Plus Driver'], { team: '-2+3' }),
      ],
      races: [race(1, [line('1'), line('2')])],
    }),
    // 5 points off a car that scored 18: it shows 13; 30 off the other car's 25: -5.
    pointsAdjustments: [
      { class: '=Class', round: 1, points: 30, decision: 'r1-a', car: '1' },
      { class: '=Class', round: 1, points: 5, decision: 'r1-b', car: '2' },
    ],
  };
  const csv = standingsCsv(season, seasonStandings(season));
  const records = parse<Record<string, string>>(csv, { columns: true });
  const teams = records.filter((r) => r.kind === 'teams');
  assert.deepEqual(
    teams.map((r) => [r.class, r.car, r.team, r.points]),
    [
      ["'=Class", '2', "'-2+3", '13'],
      ["'=Class", '1', '\'=HYPERLINK("http://evil")', '-5'],
    ],
  );
  const drivers = records.filter((r) => r.kind === 'drivers').map((r) => r.driver);
  assert.deepEqual(drivers.sort(), ["'+Plus Driver", "'@SUM(1+1)*cmd|' /C calc'!A0", 'Plain Driver']);
  // No cell of the file begins like a formula.
  const cells = records.flatMap((r) => Object.values(r));
  assert.ok(cells.length > 20);
  assert.deepEqual(
    cells.filter((cell) => /^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell))),
    [],
  );
});

test('every CSV Pitwall writes goes through writeCsv: nothing else imports csv-stringify', () => {
  const src = fileURLToPath(new URL('../', import.meta.url));
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
    (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f),
  );
  assert.ok(files.length > 100);
  const writers = files.filter((f) => /from 'csv-stringify/.test(readFileSync(join(src, f), 'utf8')));
  assert.deepEqual(writers, [join('formats', 'csv.ts')]);
});
