import type { Season } from './season.ts';
import type { StewardDecision } from './decisions.ts';
import { seasonWithDecisions } from './decisions.ts';
import { resultLabel, scoreClassRound } from './classification.ts';
import { teamStandings } from './standings.ts';
import type { MilliPoints } from './points.ts';
import { fromMilli } from './points.ts';

/** How one car's race and championship changed with a decision. */
export interface CarChange {
  readonly class: string;
  readonly car: string;
  /** The class result before and after: a position ('2') or a status ('DSQ'). */
  readonly resultBefore?: string;
  readonly resultAfter?: string;
  /** Championship totals (teams' table) before and after. */
  readonly pointsBefore: MilliPoints;
  readonly pointsAfter: MilliPoints;
}

/**
 * The before/after of one decision: the season with the decisions in force just before it was
 * issued, against the same plus this one. Only cars whose class position or points moved are listed.
 */
export function decisionImpact(
  season: Season,
  decisions: readonly StewardDecision[],
  decision: StewardDecision,
): CarChange[] {
  const earlier = decisions.filter((d) => d.id !== decision.id && d.at <= decision.at);
  const before = seasonWithDecisions(season, earlier);
  const after = seasonWithDecisions(season, [...earlier, decision]);
  const race = (s: Season) => s.races.find((r) => r.round === decision.round);
  const changes: CarChange[] = [];
  for (const c of season.classes) {
    const raceBefore = race(before.season);
    const raceAfter = race(after.season);
    const positions = (s: Season, r: typeof raceBefore) =>
      new Map(r ? scoreClassRound(s, r, c.id).outcomes.map((o) => [o.car, resultLabel(o) ?? undefined]) : []);
    const pBefore = positions(before.season, raceBefore);
    const pAfter = positions(after.season, raceAfter);
    const tBefore = new Map(
      teamStandings(before.season, c.id, before.adjustments).rows.map((r) => [
        r.kind === 'teams' ? r.car : '',
        r.points,
      ]),
    );
    const tAfter = new Map(
      teamStandings(after.season, c.id, after.adjustments).rows.map((r) => [r.kind === 'teams' ? r.car : '', r.points]),
    );
    for (const [car, pointsAfter] of tAfter) {
      const pointsBefore = tBefore.get(car) ?? 0;
      const resultBefore = pBefore.get(car);
      const resultAfter = pAfter.get(car);
      if (pointsBefore === pointsAfter && resultBefore === resultAfter) continue;
      changes.push({
        class: c.id,
        car,
        ...(resultBefore !== undefined ? { resultBefore } : {}),
        ...(resultAfter !== undefined ? { resultAfter } : {}),
        pointsBefore,
        pointsAfter,
      });
    }
  }
  return changes;
}

/** `#26 P2 → P1, +7 points` — the line a championship office reads out. */
export function describeChange(change: CarChange): string {
  const place = (r: string | undefined) => (r === undefined ? '–' : /^\d+$/.test(r) ? `P${r}` : r);
  const delta = fromMilli(change.pointsAfter - change.pointsBefore);
  const points = delta === 0 ? 'no change in points' : `${delta > 0 ? '+' : '−'}${Math.abs(delta)} points`;
  const moved =
    change.resultBefore === change.resultAfter
      ? place(change.resultAfter)
      : `${place(change.resultBefore)} → ${place(change.resultAfter)}`;
  return `#${change.car} ${moved}, ${points}`;
}
