import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

const bin = new URL('../bin/pitwall.js', import.meta.url).pathname;
const BUNDLED = new URL('../data/seasons/alms-2019-20.yaml', import.meta.url).pathname;
const standings = (format: string) =>
  execFileSync(
    process.execPath,
    [bin, 'standings', BUNDLED, '--class', 'LMP2', '--kind', 'teams', '--format', format],
    {
      encoding: 'utf8',
    },
  );

test('pitwall standings --format wikitext: a wikitable with the colour key, the champion in gold', () => {
  const out = standings('wikitext');
  assert.match(out, /^=== LMP2 Teams ===\n\{\| class="wikitable"/);
  assert.match(
    out,
    /\|-\n! 1\n\| #26\n\| align="left" \| G-Drive Racing with Algarve\n\| style="background:#FFFFBF;" \| 1\n/,
  );
  assert.match(out, /\|}\n$/);
});

test('pitwall standings --format markdown: a table row per car', () => {
  const out = standings('markdown');
  assert.match(out, /^### Asian Le Mans Series 2019-20 — LMP2 Teams\n\n\| Pos \| Car \| Team \|/);
  assert.match(out, /\n\| 1 \| #26 \| G-Drive Racing with Algarve \| 1 \| 1 \| 3 \| 2 \| 83 \|\n/);
});
