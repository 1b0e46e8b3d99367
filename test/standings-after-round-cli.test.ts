/** `pitwall standings FILE --after-round N`: the championship as it stood after round N. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const bin = new URL('../bin/pitwall.js', import.meta.url).pathname;
const BUNDLED = new URL('../data/seasons/alms-2019-20.yaml', import.meta.url).pathname;
const pitwall = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

test('after round 3 of 2019-20: G-Drive 65, Carlin 56, Eurasia 55, three rounds of columns', () => {
  const run = pitwall(
    'standings',
    BUNDLED,
    '--class',
    'LMP2',
    '--kind',
    'teams',
    '--after-round',
    '3',
    '--format',
    'json',
  );
  assert.equal(run.status, 0, run.stderr);
  const document = JSON.parse(run.stdout) as {
    rounds: { round: number }[];
    standings: { rows: { position: number; car: string; points: number }[] }[];
  };
  assert.deepEqual(
    document.rounds.map((r) => r.round),
    [1, 2, 3],
  );
  assert.deepEqual(
    document.standings[0]?.rows.slice(0, 3).map((r) => [r.position, r.car, r.points]),
    [
      [1, '26', 65],
      [2, '45', 56],
      [3, '36', 55],
    ],
  );
  const table = pitwall('standings', BUNDLED, '--class', 'LMP2', '--kind', 'teams', '--after-round', '3');
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /\b65\b/);
  assert.doesNotMatch(table.stdout, /\b83\b/);
});

test('a round the season does not have: the rounds it has, exit 1, no stack trace', () => {
  const run = pitwall('standings', BUNDLED, '--after-round', '5');
  assert.equal(run.status, 1);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr.trim(), `${BUNDLED}: --after-round must be a round of the season (1, 2, 3, 4), not "5"`);
});
