/**
 * `npm run bench` (stewards' decisions): the before/after of every decision of a round with 484
 * decisions on the bundled season (penalties, drops, disqualifications, deductions, reversals),
 * as the round page and the API show it, then the same with twice as many. Targets: 484 within
 * 150 ms, and twice the decisions within 2.5 times the time (the work is linear; it was
 * quadratic: 0.85 s for 484). Each figure is the median of five timed runs after a warm-up.
 */
import { readFile } from 'node:fs/promises';
import { decisionImpacts } from '../src/domain/decision-impact.ts';
import type { StewardDecision } from '../src/domain/decisions.ts';
import { parseSeasonFile } from '../src/formats/season-file.ts';
import { medianMs } from './timing.ts';

const FILE = new URL('../data/seasons/alms-2019-20.yaml', import.meta.url);
const parsed = parseSeasonFile(await readFile(FILE, 'utf8'), FILE.pathname);
if (!parsed.ok) throw new Error('the bundled season does not read');
const season = parsed.value;
const race = season.races.find((r) => r.classification !== undefined);
if (!race?.classification) throw new Error('the bundled season has no classified race');
const cars = race.classification.map((l) => l.car);
const classId = season.classes[0]?.id ?? '';

/** `n` decisions on one round, every kind in turn, one a second. */
function decisions(n: number): StewardDecision[] {
  const issued: StewardDecision[] = [];
  for (let i = 0; i < n; i++) {
    const car = cars[(i * 7) % cars.length] ?? '';
    const base = {
      id: `d${i}`,
      round: race!.round,
      reason: 'bench',
      by: 'bench',
      at: new Date(Date.UTC(2020, 0, 1, 0, 0, i)).toISOString(),
    };
    switch (i % 6) {
      case 0:
        issued.push({ ...base, kind: 'time-penalty', car, timeMs: 5_000 });
        break;
      case 1:
        issued.push({ ...base, kind: 'drop-positions', car, positions: 1 + (i % 3) });
        break;
      case 2:
        issued.push({ ...base, kind: 'points-deduction', class: classId, car, points: 1 });
        break;
      case 3:
        issued.push({ ...base, kind: 'disqualification', car });
        break;
      case 4:
        issued.push({ ...base, kind: 'reversal', reverses: `d${i - 1}` });
        break;
      default:
        issued.push({ ...base, kind: 'time-penalty', car, timeMs: 30_000, laps: 1 });
    }
  }
  return issued;
}

const [n, twice] = [decisions(484), decisions(968)];
const ms = medianMs(() => decisionImpacts(season, n));
const twiceMs = medianMs(() => decisionImpacts(season, twice));
const ratio = twiceMs / ms;
const ok = ms <= 150 && ratio <= 2.5;
console.log(`decisions: the before/after of every decision of one round (${season.id}, round ${race.round})`);
console.log(`  484 decisions  ${ms.toFixed(0)} ms (target <= 150 ms)`);
console.log(
  `  968 decisions  ${twiceMs.toFixed(0)} ms, ${ratio.toFixed(2)}x (target <= 2.5x: linear) ${ok ? 'ok' : 'MISSED'}\n`,
);
if (!ok) process.exitCode = 1;
