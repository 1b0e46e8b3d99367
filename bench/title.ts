/**
 * `npm run bench` (title maths): a finale with six contenders' cars in a 20-car class, the pole
 * still open, for the teams' and the drivers' championship (three drivers a car). Each figure is
 * the median of five timed runs after a warm-up, first in-process, then as the user meets it:
 * `pitwall scenarios FILE ... --format json` in a process of its own, start-up included. The
 * target is 1 s for the command (issue 16).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Season } from '../src/domain/season.ts';
import { titleScenarios } from '../src/domain/title-scenarios.ts';
import { serializeSeasonFile } from '../src/formats/season-file.ts';
import { buildSeason, car, line, race } from '../test/support/season-builder.ts';
import { medianMs } from './timing.ts';

const TARGET_MS = 1000;
const CARS = Array.from({ length: 20 }, (_, i) => String(i + 1));

/**
 * Five rounds raced: the first six cars share the top places in a different order each round,
 * so that before the sixth all six are within a win of the leader.
 */
export function sixWayFinale(): Season {
  const orders = [
    [1, 2, 3, 4, 5, 6],
    [2, 3, 4, 5, 6, 1],
    [3, 4, 5, 6, 1, 2],
    [4, 5, 6, 1, 2, 3],
    [6, 1, 2, 3, 4, 5],
  ];
  const races = orders.map((top, k) => {
    const rest = CARS.filter((c) => !top.includes(Number(c)));
    const order = [...top.map(String), ...rest];
    return race(
      k + 1,
      order.map((c, i) => line(c, i === order.length - 1 ? 'Ret' : 'Classified')),
      { GT: String(top[0]) },
    );
  });
  const entries = CARS.map((c) => car(c, 'GT', [`Driver ${c}A`, `Driver ${c}B`, `Driver ${c}C`]));
  return buildSeason({ rounds: 6, entries, races });
}

const season = sixWayFinale();
const dir = mkdtempSync(join(tmpdir(), 'pitwall-title-bench-'));
const file = join(dir, 'six-way-finale.yaml');
writeFileSync(file, serializeSeasonFile(season));
const bin = new URL('../bin/pitwall.js', import.meta.url).pathname;

let missed = false;
console.log('title maths: six contenders\u2019 cars, 20-car class, pole open, before the last round');
for (const kind of ['teams', 'drivers'] as const) {
  const question = { classId: 'GT', kind, beforeRound: 6, poleKnown: false };
  const result = titleScenarios(season, question);
  const inProcess = medianMs(() => titleScenarios(season, question));
  const args = [bin, 'scenarios', file, '--class', 'GT', '--kind', kind, '--before-round', '6', '--format', 'json'];
  const command = medianMs(() => {
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
  });
  const sentences = Math.max(...result.contenders.map((c) => c.needs.length));
  console.log(
    `  ${kind.padEnd(8)} ${result.contenders.length} contenders, at most ${sentences} sentences: ` +
      `in process ${inProcess.toFixed(0)} ms, \`pitwall scenarios\` ${command.toFixed(0)} ms (target ${TARGET_MS} ms)`,
  );
  if (command > TARGET_MS) missed = true;
}
process.exitCode = missed ? 1 : 0;
