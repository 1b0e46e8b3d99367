import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import wtf from 'wtf_wikipedia';
import { parseSeasonFile } from './season-file.ts';
import { seasonStandings } from '../domain/standings.ts';
import type { StandingsTable } from '../domain/standings.ts';
import { fromMilli } from '../domain/points.ts';
import { WIKI_COLOURS, standingsWikitable, standingsWikitext } from './standings-wikitext.ts';
import { roundHeadings, standingsMarkdown } from './standings-markdown.ts';

const path = new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url).pathname;
const parsed = parseSeasonFile(readFileSync(path, 'utf8'), path);
if (!parsed.ok) throw new Error(parsed.error.map((i) => i.message).join('\n'));
const season = parsed.value;
const tables = seasonStandings(season);

/** wtf_wikipedia's typings say `tables()` returns lists; at run time they are tables. */
interface ParsedTable {
  keyValue(): Record<string, string>[];
  json(): Record<string, { text: string; formatting?: { bold?: string[] } }>[];
}
const parseTables = (wikitext: string) => wtf(wikitext).tables() as unknown as ParsedTable[];

/** What a reader of the published table sees: position, names, each round's result, total. */
function expectedCells(table: StandingsTable): string[][] {
  return table.rows.map((row) => [
    String(row.position),
    ...(row.kind === 'teams' ? [`#${row.car}`, row.team] : [row.driver, row.cars.map((c) => `#${c}`).join(' ')]),
    ...row.rounds.map((c) => c.result ?? (c.pole ? 'P' : '')),
    String(fromMilli(row.points)),
  ]);
}

test('every table of the 2019-20 season round-trips through wtf_wikipedia into the same cells', () => {
  const headings = roundHeadings(season);
  for (const table of tables) {
    const parsedTables = parseTables(standingsWikitable(season, table));
    assert.equal(parsedTables.length, 1, `${table.class} ${table.kind}`);
    const columns = [...(table.kind === 'teams' ? ['Pos.', 'Car', 'Team'] : ['Pos.', 'Driver', 'Cars']), ...headings];
    const rows = parsedTables[0]!.keyValue();
    const cells = rows.map((r) => [...columns, 'Points'].map((c) => r[c] ?? ''));
    assert.deepEqual(cells, expectedCells(table), `${table.class} ${table.kind}`);
  }
});

test('poles are bold and the colour key follows the result', () => {
  const lmp2 = tables.find((t) => t.class === 'LMP2' && t.kind === 'teams')!;
  const wikitext = standingsWikitable(season, lmp2);
  const rows = parseTables(wikitext)[0]!.json();
  const headings = roundHeadings(season);
  lmp2.rows.forEach((row, i) => {
    row.rounds.forEach((cell, r) => {
      const bold = rows[i]![headings[r]!]?.formatting?.bold ?? [];
      assert.equal(bold.length > 0, cell.pole, `#${row.kind === 'teams' ? row.car : ''} round ${cell.round}`);
    });
  });
  const winners = lmp2.rows.flatMap((r) => r.rounds).filter((c) => c.result === '1').length;
  assert.equal(wikitext.split(`background:${WIKI_COLOURS.first};`).length - 1, winners);
  const retired = lmp2.rows.flatMap((r) => r.rounds).filter((c) => c.result === 'Ret' || c.result === 'NC').length;
  assert.equal(wikitext.split(`background:${WIKI_COLOURS.notClassified};`).length - 1, retired);
});

test('the whole export is one heading and one table per championship', () => {
  const wikitext = standingsWikitext(season, tables);
  assert.equal(wtf(wikitext).tables().length, tables.length);
  assert.match(wikitext, /^=== LMP2 Teams ===\n\{\| class="wikitable"/);
});

test('Markdown: one table per championship, a line per row, pole in bold', () => {
  const markdown = standingsMarkdown(season, tables);
  assert.equal(markdown.match(/^### /gm)?.length, tables.length);
  const lmp2 = tables.find((t) => t.class === 'LMP2' && t.kind === 'teams')!;
  const leader = lmp2.rows[0]!;
  const line = markdown.split('\n').find((l) => leader.kind === 'teams' && l.startsWith(`| 1 | #${leader.car} |`));
  assert.ok(line);
  assert.ok(line.endsWith(`| ${fromMilli(leader.points)} |`));
  const poles = leader.rounds.filter((c) => c.pole).length;
  assert.equal(line.match(/\*\*/g)?.length ?? 0, poles * 2);
});
