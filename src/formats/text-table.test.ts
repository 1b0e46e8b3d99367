/** The terminal table: boxed, dense, columns as wide as their widest cell in terminal columns. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textTable } from './text-table.ts';

test('a table is boxed, the head then the rows with no rule between them, cells padded to the widest', () => {
  assert.equal(
    textTable(
      ['Pos', 'Team'],
      [
        ['1', 'G-Drive Racing'],
        ['10', 'Eurasia'],
      ],
    ),
    [
      '┌─────┬────────────────┐',
      '│ Pos │ Team           │',
      '│ 1   │ G-Drive Racing │',
      '│ 10  │ Eurasia        │',
      '└─────┴────────────────┘',
    ].join('\n'),
  );
});

test('a CJK character takes two columns, an accented letter one, and the box stays square', () => {
  const table = textTable(
    ['Driver', 'Nat'],
    [
      ['小林可夢偉', 'JPN'],
      ['Sébastien Page', 'FRA'],
      ['Ho-Pin Tung 董荷斌', 'CHN'],
    ],
  );
  assert.equal(
    table,
    [
      '┌────────────────────┬─────┐',
      '│ Driver             │ Nat │',
      '│ 小林可夢偉         │ JPN │',
      '│ Sébastien Page     │ FRA │',
      '│ Ho-Pin Tung 董荷斌 │ CHN │',
      '└────────────────────┴─────┘',
    ].join('\n'),
  );
});

test('a line break in a cell does not break the box; a missing cell is empty; no rows is the head alone', () => {
  assert.equal(
    textTable(['A', 'B'], [['two\nlines'], ['x', 'y']]),
    ['┌───────────┬───┐', '│ A         │ B │', '│ two lines │   │', '│ x         │ y │', '└───────────┴───┘'].join(
      '\n',
    ),
  );
  assert.equal(textTable(['Car'], []), ['┌─────┐', '│ Car │', '└─────┘'].join('\n'));
});
