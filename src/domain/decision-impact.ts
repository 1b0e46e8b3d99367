import type { Race, Season } from './season.ts';
import { classesOf } from './season.ts';
import type { PointsAdjustment, RoundRuling, StewardDecision } from './decisions.ts';
import { addToRuling, applyRuling, carClasses, emptyRuling, removeFromRuling, withDrop } from './decisions.ts';
import type { ClassRound } from './classification.ts';
import { resultLabel, scoreClassRound } from './classification.ts';
import { teamTable } from './standings.ts';
import type { MilliPoints } from './points.ts';
import { fromMilli, toMilli } from './points.ts';

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
 * The work done to tell every decision's before and after, counted so that a test can show it
 * grows with the number of decisions, not with its square, without timing anything.
 */
export interface ImpactWork {
  /** Race classifications re-applied from their round's decisions (the season's once, then at most one per decision). */
  classificationsRebuilt: number;
  /** Classes of a race scored (every class of every race once, then each class of the race a decision touches). */
  classRoundsScored: number;
  /** Tables ranked to order the cars a decision moved (one per class it moved a car in). */
  tablesRanked: number;
}

/** Per class, per car: a value (points, or a result). */
type ByClass<T> = Map<string, Map<string, T>>;

/**
 * The season folded one decision at a time, in the order issued: each round's ruling, the races
 * as the decisions in force make them, each class's races scored, and each car's total in each
 * class's teams' table. A decision re-applies and re-scores its own round only, and moves the
 * totals by what that round's points changed; a deduction moves one total.
 */
class DecisionFold {
  private readonly rulings = new Map<number, RoundRuling>();
  private readonly inForce = new Map<string, StewardDecision>();
  private readonly reversed = new Set<string>();
  private readonly classes: ReadonlyMap<string, string>;
  /** Race indices in round order, as the standings score them. */
  private readonly order: readonly number[];
  /** How many times the table counts each race (by index): the first race of each round, once. */
  private readonly counted = new Map<number, number>();
  private readonly races: Race[];
  /** Per class, the races scored, in `order`. */
  private readonly scored = new Map<string, ClassRound[]>();
  /** Per class, the cars entered in it: the rows of its teams' table. */
  private readonly entered = new Map<string, readonly string[]>();
  /** Per class, per car: the points of the counted races, and the points deducted (thousandths). */
  private readonly raced: ByClass<MilliPoints> = new Map();
  private readonly deducted: ByClass<MilliPoints> = new Map();

  constructor(
    private readonly season: Season,
    private readonly work: ImpactWork,
  ) {
    this.classes = carClasses(season);
    // With no decision yet, a classification is still put in order: classified cars first.
    this.races = season.races.map((race) => this.rebuilt(race, emptyRuling()));
    this.order = season.races.map((_, i) => i).sort((a, b) => season.races[a]!.round - season.races[b]!.round);
    for (const r of season.rounds) {
      const first = this.order.find((i) => season.races[i]!.round === r.round);
      if (first !== undefined) this.counted.set(first, (this.counted.get(first) ?? 0) + 1);
    }
    for (const c of season.classes) {
      this.entered.set(
        c.id,
        season.entries.filter((e) => classesOf(season, e).includes(c.id)).map((e) => e.car),
      );
      this.raced.set(c.id, new Map());
      this.deducted.set(c.id, new Map());
      this.scored.set(c.id, []);
      this.order.forEach((i, k) => this.rescore(c.id, k, i));
    }
  }

  /** Takes the decision in force (or out, for what it reverses); false when nothing changed. */
  apply(d: StewardDecision): boolean {
    if (d.kind === 'reversal') {
      this.reversed.add(d.reverses);
      const target = this.inForce.get(d.reverses);
      if (!target) return false;
      this.inForce.delete(d.reverses);
      if (target.kind === 'points-deduction') this.deduct(target, -1);
      else {
        removeFromRuling(this.rulingOf(target.round), target);
        this.replaceRaces(target.round, (_, i) => this.rebuilt(this.season.races[i]!, this.rulingOf(target.round)));
      }
      return true;
    }
    if (this.reversed.has(d.id)) return false;
    this.inForce.set(d.id, d);
    if (d.kind === 'points-deduction') {
      this.deduct(d, 1);
      return true;
    }
    const ruling = this.rulingOf(d.round);
    addToRuling(ruling, d);
    this.replaceRaces(d.round, (race, i) =>
      d.kind === 'drop-positions' && race.classification
        ? { ...race, classification: withDrop(this.classes, race.classification, d) }
        : this.rebuilt(this.season.races[i]!, ruling),
    );
    return true;
  }

  /** Each class's results in the round's race (the first race of that round, as the standings read it). */
  results(round: number): ByClass<string | undefined> {
    const k = this.order.findIndex((i) => this.races[i]!.round === round);
    const results: ByClass<string | undefined> = new Map();
    for (const c of this.season.classes) {
      const outcomes = k === -1 ? [] : (this.scored.get(c.id)?.[k]?.outcomes ?? []);
      results.set(c.id, new Map(outcomes.map((o) => [o.car, resultLabel(o) ?? undefined])));
    }
    return results;
  }

  /** Each class's teams' totals: the counted races' points less the deductions. */
  totals(): ByClass<MilliPoints> {
    const totals: ByClass<MilliPoints> = new Map();
    for (const c of this.season.classes) {
      const raced = this.raced.get(c.id)!;
      const deducted = this.deducted.get(c.id)!;
      const cars = this.entered.get(c.id) ?? [];
      totals.set(c.id, new Map(cars.map((car) => [car, (raced.get(car) ?? 0) - (deducted.get(car) ?? 0)])));
    }
    return totals;
  }

  /** The cars in the order of the class's teams' table, ranked as the standings rank them. */
  ranked(classId: string, cars: ReadonlySet<string>): string[] {
    this.work.tablesRanked += 1;
    const adjustments: PointsAdjustment[] = [...this.deducted.get(classId)!]
      .filter(([car]) => cars.has(car))
      .map(([car, milli]) => ({ class: classId, round: 0, car, points: fromMilli(milli), decision: 'in force' }));
    return teamTable(this.season, classId, this.scored.get(classId) ?? [], adjustments, cars).rows.map((r) =>
      r.kind === 'teams' ? r.car : '',
    );
  }

  private rulingOf(round: number): RoundRuling {
    let ruling = this.rulings.get(round);
    if (!ruling) this.rulings.set(round, (ruling = emptyRuling()));
    return ruling;
  }

  private rebuilt(race: Race, ruling: RoundRuling): Race {
    this.work.classificationsRebuilt += 1;
    return applyRuling(race, ruling, this.classes);
  }

  private deduct(d: Extract<StewardDecision, { kind: 'points-deduction' }>, sign: 1 | -1): void {
    if (d.car === undefined) return; // a driver's deduction is not in the teams' table
    const byCar = this.deducted.get(d.class);
    if (!byCar) return;
    const milli = (byCar.get(d.car) ?? 0) + sign * toMilli(d.points);
    if (milli === 0) byCar.delete(d.car);
    else byCar.set(d.car, milli);
  }

  /** Replaces the round's races and scores them again for every class. */
  private replaceRaces(round: number, replace: (race: Race, index: number) => Race): void {
    this.order.forEach((i, k) => {
      if (this.races[i]!.round !== round) return;
      this.races[i] = replace(this.races[i]!, i);
      for (const c of this.season.classes) this.rescore(c.id, k, i);
    });
  }

  /** Scores the race for the class, and moves the class's totals by what its points changed. */
  private rescore(classId: string, k: number, index: number): void {
    this.work.classRoundsScored += 1;
    const scored = this.scored.get(classId)!;
    const times = this.counted.get(index) ?? 0;
    const raced = this.raced.get(classId)!;
    if (times > 0 && scored[k]) {
      for (const [car, points] of firstPoints(scored[k])) raced.set(car, (raced.get(car) ?? 0) - times * points);
    }
    scored[k] = scoreClassRound(this.season, this.races[index]!, classId);
    if (times > 0) {
      for (const [car, points] of firstPoints(scored[k])) raced.set(car, (raced.get(car) ?? 0) + times * points);
    }
  }
}

/** Each car's points in a class round: its first outcome's, as a table cell reads it. */
function firstPoints(classRound: ClassRound): Map<string, MilliPoints> {
  const points = new Map<string, MilliPoints>();
  for (const o of classRound.outcomes) if (!points.has(o.car)) points.set(o.car, o.points);
  return points;
}

/**
 * The before/after of every decision: the season with the decisions in force issued before it
 * (in the order issued), against the same plus this one. Only cars whose class result in the
 * decision's round, or whose points, moved are listed, class by class in the order of the table
 * after. The decisions are folded one at a time, so each before is the last one's after: the
 * work grows with the number of decisions, not with its square (a round with hundreds of
 * decisions re-applied every earlier one for each). One thing still grows with a round's drops:
 * drops come last whatever the order issued, so a later penalty there re-applies them.
 */
export function decisionImpacts(
  season: Season,
  decisions: readonly StewardDecision[],
  work: ImpactWork = { classificationsRebuilt: 0, classRoundsScored: 0, tablesRanked: 0 },
): Map<string, CarChange[]> {
  const fold = new DecisionFold(season, work);
  const impacts = new Map<string, CarChange[]>();
  let totals = fold.totals();
  for (const decision of decisions) {
    const resultsBefore = fold.results(decision.round);
    const before = totals;
    if (!fold.apply(decision)) {
      impacts.set(decision.id, []);
      continue;
    }
    totals = fold.totals();
    const resultsAfter = fold.results(decision.round);
    const changes: CarChange[] = [];
    for (const c of season.classes) {
      const [pointsBefore, pointsAfter] = [before.get(c.id)!, totals.get(c.id)!];
      const [rBefore, rAfter] = [resultsBefore.get(c.id)!, resultsAfter.get(c.id)!];
      const moved = new Set(
        [...pointsAfter.keys()].filter(
          (car) => pointsBefore.get(car) !== pointsAfter.get(car) || rBefore.get(car) !== rAfter.get(car),
        ),
      );
      if (moved.size === 0) continue;
      for (const car of fold.ranked(c.id, moved)) {
        const [resultBefore, resultAfter] = [rBefore.get(car), rAfter.get(car)];
        changes.push({
          class: c.id,
          car,
          ...(resultBefore !== undefined ? { resultBefore } : {}),
          ...(resultAfter !== undefined ? { resultAfter } : {}),
          pointsBefore: pointsBefore.get(car) ?? 0,
          pointsAfter: pointsAfter.get(car) ?? 0,
        });
      }
    }
    impacts.set(decision.id, changes);
  }
  return impacts;
}

/** The before/after of one decision of the list (see `decisionImpacts`): the list up to it is folded. */
export function decisionImpact(
  season: Season,
  decisions: readonly StewardDecision[],
  decision: StewardDecision,
): CarChange[] {
  const at = decisions.findIndex((d) => d.id === decision.id);
  const upTo = at === -1 ? [...decisions, decision] : decisions.slice(0, at + 1);
  return decisionImpacts(season, upTo).get(decision.id) ?? [];
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
