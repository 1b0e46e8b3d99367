/**
 * The last round, exactly. A row is champion when it is level with or ahead of every other
 * row (the season's tie-breakers deciding), so its title outcomes are an intersection of
 * pairwise conditions: given its own car's place and the pole, each other car must finish no
 * better than some place — a threshold found by scoring that car's places one by one. Nothing
 * enumerates the positions of the whole field: a threshold per car and per own result is the
 * exact answer, which is what keeps six contenders' cars well inside a second.
 *
 * The scores are the standings engine's own rows (points, count-back by championship position,
 * poles) extended by the last round's cell, compared with the engine's own tie-breakers.
 */
import type { Season } from './season.ts';
import { deadHeatCriterion, decidingOrder } from './tie-breakers.ts';
import type { LastRoundField, Place } from './title-field.ts';
import { NO_PLACE, placeOf } from './title-field.ts';
import type { TitleQuestion } from './title-maths.ts';
import { keyOf, seasonBefore, tableOf } from './title-maths.ts';
import type { Unreachable } from './title-cover.ts';
import { coverOf } from './title-cover.ts';
import type { Order, Scored } from './title-slices.ts';
import { deadHeats, setUp, slicesFor, sliceWins } from './title-slices.ts';
import type { TitleCase } from './title-cases.ts';
import { casesOf } from './title-cases.ts';
import { canWinAtAll, clinchedAtWorst, summaryOf } from './title-summary.ts';

/**
 * Up to this many contenders' cars, every combination is said; beyond, a short exact summary
 * (issue 16: exact answers for up to six contenders' cars).
 */
export const EXACT_CARS = 6;

/**
 * A sentence read back as a rule: every listed car's championship position (NO_PLACE: none) is
 * one of those listed, the pole holder (a car, or OTHER_CAR) one of those listed, and in each
 * `ahead` pair the first car finishes ahead of the second (the second behind it, or not at all).
 */
export interface Rule {
  readonly positions: Readonly<Record<string, readonly Place[]>>;
  readonly pole?: readonly string[];
  readonly ahead?: readonly (readonly [string, string])[];
}

/** One outcome of the last round: each car's championship position, and the pole holder when open. */
export interface Outcome {
  readonly positions: Readonly<Record<string, Place>>;
  readonly pole?: string;
}

export function ruleHolds(rule: Rule, outcome: Outcome): boolean {
  for (const [car, allowed] of Object.entries(rule.positions)) {
    if (!allowed.includes(outcome.positions[car] ?? NO_PLACE)) return false;
  }
  for (const [first, second] of rule.ahead ?? []) {
    const a = outcome.positions[first] ?? NO_PLACE;
    const b = outcome.positions[second] ?? NO_PLACE;
    if (a === NO_PLACE || (b !== NO_PLACE && b < a)) return false;
  }
  return rule.pole === undefined || (outcome.pole !== undefined && rule.pole.includes(outcome.pole));
}

/** What one contender needs: rules that together hold in exactly its title outcomes, unless `complete` is false. */
export interface ContenderNeeds {
  readonly own?: string;
  readonly rules: readonly Rule[];
  /** Per rule, the places each of its cars cannot take anyway (a negation may cover them). */
  readonly unreachable: readonly Unreachable[];
  /** False when the rules were too many to list: those given are a part of the title outcomes. */
  readonly complete: boolean;
  /** Its own positions in some title outcome (what it must do whatever the others do). */
  readonly ownPlaces: readonly Place[];
  /** Rows of other cars it can end level with on everything at the top (a dead heat). */
  readonly deadHeatWith: readonly string[];
  /** Case by case: its own place (and pole), and what takes the title away (title-cases.ts). */
  readonly cases: readonly TitleCase[];
}

export interface LastRoundAnalysis {
  readonly field: LastRoundField;
  /** Verdicts per row key, from every outcome of the round. */
  readonly canWin: ReadonlySet<string>;
  readonly clinched: ReadonlySet<string>;
  readonly needs: ReadonlyMap<string, ContenderNeeds>;
}

/**
 * The last round: verdicts for every row that can still reach the leader, then, for those that
 * can win, what they need (rules over the contenders' cars only: a car that cannot win matters
 * only through the places it takes).
 */
export function analyseLastRound(
  fullSeason: Season,
  question: TitleQuestion,
  round: number,
  maxSentences: number,
  exactCars = EXACT_CARS,
): LastRoundAnalysis {
  const season = seasonBefore(fullSeason, question.beforeRound, question.poleKnown);
  const order = decidingOrder(season.tieBreakers[question.kind]);
  const named = deadHeatCriterion(season.tieBreakers, season.tieBreakers[question.kind]) !== undefined;
  const rows = tableOf(season, question.classId, question.kind);
  const leader = Math.max(0, ...rows.map((r) => r.points));
  const reach = setUp(season, question, rows, round);
  // A row that cannot reach the leader's points now is never on top: it is left out.
  const candidates = rows.filter((row) =>
    reach.scored.some((s) => s.key === keyOf(row) && s.at(1, true).points >= leader),
  );
  const first = setUp(season, question, candidates, round);
  const canWin = new Set(
    first.scored.filter((i) => canWinAtAll(first.field, first.scored, i, order)).map((i) => i.key),
  );
  // Without the rows that cannot win, the outcomes are said over the contenders' cars only.
  const contenders = candidates.filter((row) => canWin.has(keyOf(row)));
  const { field, scored } = setUp(season, question, contenders, round);
  const exact = field.cars.length <= exactCars;
  const clinched = new Set<string>();
  const needs = new Map<string, ContenderNeeds>();
  // Crewmates have the same outcomes: their needs are worked out once.
  const crews = new Map<string, { sure: boolean; needs: Omit<ContenderNeeds, 'own'> }>();
  for (const i of scored) {
    let crew = crews.get(i.signature);
    if (!crew) {
      const sure = clinchedAtWorst(field, scored, i, named, order);
      const needs = exact ? exactNeeds(field, scored, i, order, maxSentences) : summaryNeeds(field, scored, i, order);
      crew = { sure, needs: { ...needs, cases: casesOf(field, scored, i, order) } };
      crews.set(i.signature, crew);
    }
    if (crew.sure) clinched.add(i.key);
    needs.set(i.key, { ...(i.car !== undefined ? { own: i.car } : {}), ...crew.needs });
  }
  return { field, canWin, clinched, needs };
}

/** Every combination that makes the row champion, in the fewest sentences (at most `maxSentences`). */
function exactNeeds(
  field: LastRoundField,
  scored: readonly Scored[],
  i: Scored,
  order: Order,
  maxSentences: number,
): Omit<ContenderNeeds, 'own' | 'cases'> {
  const slices = slicesFor(field, scored, i, false, order);
  const won = slices.alive.map((_, s) => sliceWins(slices, s));
  const deadHeatWith = deadHeats(slices, scored, i, order, won);
  // A dead heat is said in a sentence of its own, which leaves one fewer for the rules.
  const cover = coverOf(slices, won, maxSentences - (deadHeatWith.length > 0 ? 1 : 0));
  const ownPlaces = [...new Set(won.flatMap((w, s) => (w ? [slices.ownRanks[s % slices.ownRanks.length] ?? 0] : [])))]
    .filter((rank) => i.car !== undefined && rank > 0)
    .sort((a, b) => a - b)
    .map((rank) => placeOf(field, rank));
  return { rules: cover.rules, unreachable: cover.unreachable, complete: cover.complete, ownPlaces, deadHeatWith };
}

function summaryNeeds(field: LastRoundField, scored: readonly Scored[], i: Scored, order: Order) {
  const summary = summaryOf(field, scored, i, order);
  return { ...summary, unreachable: summary.rules.map(() => ({})), deadHeatWith: [] };
}
