/**
 * A round's final classification computed from its laps (a lap analysis, or the live events) by
 * the same race state the live page is folded from (./race-state.ts) and the season's
 * classification rule (domain/classification-rules.ts; the ACO's when the season gives none).
 * Pure: laps in, lines out, whatever order the laps come in.
 *
 * @example
 * const { lines } = classifyLaps(analysis.laps, season, 1);
 * for (const l of lines) console.log(l.position, l.car, l.status);
 */
import type { ComputedLine } from '../domain/classification-check.ts';
import { ACO_CLASSIFICATION, classifyFinish } from '../domain/classification-rules.ts';
import type { LapEvent } from '../domain/lap-event.ts';
import type { Season } from '../domain/season.ts';
import { applyLap, EMPTY_RACE, raceContext } from './race-state.ts';

export interface LapClassification {
  readonly lines: readonly ComputedLine[];
  /** Race time of the first crossing under the chequered flag; null when no lap was. */
  readonly chequeredAtMs: number | null;
  /** Laps of cars the season does not enter (they are not classified), per car number. */
  readonly notEntered: Readonly<Record<string, number>>;
  /** Laps refused as a lap already seen or going backwards. */
  readonly refused: number;
}

/**
 * The classification once every lap is in. Laps are applied in race-time order (a car's own laps
 * in lap order), as the timing would have sent them; without a lap under the chequered flag the
 * race is not over, and `lines` is empty.
 */
export function classifyLaps(laps: readonly LapEvent[], season: Season, round: number): LapClassification {
  const context = raceContext(season, round);
  const ordered = [...laps].sort((a, b) => a.elapsedMs - b.elapsedMs || a.lap - b.lap);
  const notEntered: Record<string, number> = {};
  let state = EMPTY_RACE;
  for (const lap of ordered) {
    if (context.entryOf(lap.car) === undefined) notEntered[lap.car] = (notEntered[lap.car] ?? 0) + 1;
    else state = applyLap(state, lap, context);
  }
  const refused = state.rejected['duplicate-lap'] + state.rejected['lap-backwards'];
  const { chequeredAtMs } = state;
  if (chequeredAtMs === null) return { lines: [], chequeredAtMs, notEntered, refused };
  const rules = season.classificationRules ?? ACO_CLASSIFICATION;
  const lines = classifyFinish(Object.values(state.cars), rules, chequeredAtMs).map((line): ComputedLine => ({
    position: line.position,
    classPosition: line.classPosition,
    car: line.car.car,
    class: line.car.class,
    team: line.car.team,
    status: line.status,
    laps: line.car.laps,
    elapsedMs: line.car.elapsedMs,
    tookFlag: line.car.finished,
    requiredLaps: line.requiredLaps,
    stoppedOnLastLap: line.stoppedOnLastLap,
  }));
  return { lines, chequeredAtMs, notEntered, refused };
}
