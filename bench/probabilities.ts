/**
 * `npm run bench` (first part): championship probabilities for a 10-car class with 5 of 8 rounds
 * still to run, 100,000 simulated seasons. In the same run, a baseline that only draws the same
 * random numbers (two per car per round) — the floor any simulation of this model pays — and the
 * ratio of the two. Each figure is the median of five timed runs after a warm-up.
 */
import { formModel, simulate } from '../src/domain/probabilities.ts';
import type { FormModel } from '../src/domain/probabilities.ts';
import { mulberry32 } from '../src/domain/random.ts';
import type { Random } from '../src/domain/random.ts';
import { buildSeason, car, line, race } from '../test/support/season-builder.ts';
import { medianMs } from './timing.ts';

const SEASONS = 100_000;
const CARS = Array.from({ length: 10 }, (_, i) => String(i + 1));

/** Three rounds raced, each a rotation of the field with one retirement; pole to the winner. */
function benchSeason() {
  const races = [0, 1, 2].map((k) => {
    const order = CARS.map((_, i) => CARS[(i + k * 3) % CARS.length] ?? '');
    return race(
      k + 1,
      order.map((c, i) => line(c, i === order.length - 1 ? 'Ret' : 'Classified')),
      { P: order[0] ?? '' },
    );
  });
  return buildSeason({ rounds: 8, entries: CARS.map((c) => car(c, 'P', [`Driver ${c}`])), races });
}

/** The baseline: the same random draws as the simulation, and nothing else. */
function drawOnly(model: FormModel, random: Random, seasons: number): number {
  const draws = seasons * model.poleOpen.length * model.cars.length * 2;
  let sink = 0;
  for (let i = 0; i < draws; i++) sink += random();
  return sink;
}

const model = formModel(benchSeason(), 'P');
const simulationMs = medianMs(() => simulate(model, mulberry32(1), SEASONS));
const baselineMs = medianMs(() => drawOnly(model, mulberry32(1), SEASONS));
const perSecond = (ms: number) => Math.round((SEASONS / ms) * 1000).toLocaleString('en');

console.log(`probabilities: ${model.cars.length} cars, ${model.poleOpen.length} rounds to simulate`);
console.log(
  `  simulation  ${perSecond(simulationMs)} seasons/s, ${SEASONS.toLocaleString('en')} in ${simulationMs.toFixed(0)} ms`,
);
console.log(
  `  draws only  ${perSecond(baselineMs)} seasons/s, ${SEASONS.toLocaleString('en')} in ${baselineMs.toFixed(0)} ms`,
);
console.log(`  ratio       ${(simulationMs / baselineMs).toFixed(2)}x the cost of the random draws alone`);
if (simulationMs >= 1000) {
  console.error(`bench: ${SEASONS} seasons took ${simulationMs.toFixed(0)} ms, over the 1 s budget`);
  process.exitCode = 1;
}
