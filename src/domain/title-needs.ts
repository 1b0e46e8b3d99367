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
import type { StandingsRow } from './standings.ts';
import { polePoints, positionPoints, scaleFor } from './points.ts';
import type { Rankable } from './tie-breakers.ts';
import { crewmates, deadHeatCriterion, decidingOrder } from './tie-breakers.ts';
import type { LastRoundField, Place } from './title-field.ts';
import { exactly, lastRoundField, noBetterThan, NO_PLACE, placeOf, possible } from './title-field.ts';
import type { TitleQuestion } from './title-maths.ts';
import { carsOf, keyOf, poleDecided, seasonBefore, tableOf } from './title-maths.ts';
import type { Slices, Unreachable } from './title-cover.ts';
import { coverOf } from './title-cover.ts';

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
}

export interface LastRoundAnalysis {
  readonly field: LastRoundField;
  /** Verdicts per row key, from every outcome of the round. */
  readonly canWin: ReadonlySet<string>;
  readonly clinched: ReadonlySet<string>;
  readonly needs: ReadonlyMap<string, ContenderNeeds>;
}

/** A row's score after the round, for each rank of its car (rankOf order) and with or without the pole. */
interface Scored {
  readonly key: string;
  readonly car: string | undefined;
  /** Equal for rows that score alike in every outcome (crewmates). */
  readonly signature: string;
  readonly at: (rank: number, pole: boolean) => Rankable;
}

function scoredRows(season: Season, question: TitleQuestion, rows: readonly StandingsRow[], field: LastRoundField) {
  const scale = scaleFor(season.points, question.classId);
  const multiplier = season.rounds.find((r) => r.round === field.round)?.pointsMultiplier ?? 1;
  return rows.map((row): Scored => {
    const car = carsOf(season, question.classId, question.kind, keyOf(row), field.round).find((c) =>
      field.cars.includes(c),
    );
    const cache = new Map<number, Rankable>();
    const at = (rank: number, pole: boolean): Rankable => {
      const place = car === undefined ? NO_PLACE : placeOf(field, rank);
      const withPole = pole && car !== undefined;
      const id = place * 2 + (withPole ? 1 : 0);
      const known = cache.get(id);
      if (known) return known;
      const points =
        (place === NO_PLACE ? 0 : positionPoints(scale, place, multiplier)) + (withPole ? polePoints(scale) : 0);
      const cell = {
        result: place === NO_PLACE ? null : String(place),
        pole: withPole,
        points,
        championshipPosition: place === NO_PLACE ? null : place,
      };
      const scored = { points: row.points + points, rounds: [...row.rounds, cell] };
      cache.set(id, scored);
      return scored;
    };
    const signature = JSON.stringify([car, row.points, row.rounds.map((c) => [c.result, c.pole, c.points])]);
    return { key: keyOf(row), car, signature, at };
  });
}

/** The outcome space of the round for the given rows, with each row's score. */
function setUp(season: Season, question: TitleQuestion, rows: readonly StandingsRow[], round: number) {
  const cars = rows.flatMap((row) => carsOf(season, question.classId, question.kind, keyOf(row), round));
  const field = lastRoundField(season, question.classId, round, cars, !poleDecided(season, round, question.classId));
  return { field, scored: scoredRows(season, question, rows, field) };
}

/**
 * For row `i`, the slices of the outcome space (its car's rank × pole holder): whether it can
 * be champion there at all (`alive`), and the threshold each other car must not beat.
 * `strict`: a tie with a row of another car does not count as a title (a dead heat decided by a
 * criterion the results do not give).
 */
function slicesFor(field: LastRoundField, scored: readonly Scored[], i: Scored, strict: boolean, order: Order): Slices {
  const ownRanks = i.car === undefined ? [0] : Array.from({ length: field.places + 1 }, (_, k) => k + 1);
  const poles = field.poleChoices ?? [undefined];
  const others = field.cars.filter((car) => car !== i.car);
  const holds = (mine: Rankable, theirs: Rankable) => {
    const diff = order(mine, theirs);
    return diff < 0 || (diff === 0 && (!strict || crewmates(mine, theirs)));
  };
  const alive: boolean[] = [];
  const thresholds: number[][] = [];
  // Crewmates score alike: one row of each crew is enough.
  const rivalsOn = new Map(
    others.map(
      (car) =>
        [
          car,
          distinct(
            scored.filter((j) => j.car === car),
            (j) => j.signature,
          ),
        ] as const,
    ),
  );
  for (const pole of poles) {
    for (const rank of ownRanks) {
      const mine = i.at(rank, pole === i.car);
      // Rows racing no car of the outcome, and rows of its own car, are decided by its own result.
      alive.push(
        scored.every(
          (j) => j === i || (j.car !== undefined && j.car !== i.car) || holds(mine, j.at(rank, pole === j.car)),
        ),
      );
      thresholds.push(
        others.map((car) => {
          // The other car's rows score less the lower it finishes: the first rank at which the
          // row holds them all is found by halving.
          const rivals = rivalsOn.get(car) ?? [];
          const holdsAt = (x: number) => rivals.every((j) => holds(mine, j.at(x, pole === car)));
          let low = 1;
          let high = field.places + 2;
          while (low < high) {
            const mid = Math.floor((low + high) / 2);
            if (holdsAt(mid)) high = mid;
            else low = mid + 1;
          }
          return low;
        }),
      );
    }
  }
  return { field, own: i.car, ownRanks, poles, others, alive, thresholds };
}

type Order = (a: Rankable, b: Rankable) => number;

function distinct<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)) !== undefined);
}

/** True when some outcome of the slice makes the row champion. */
function sliceWins(slices: Slices, s: number): boolean {
  const row = slices.thresholds[s] ?? [];
  if (!slices.alive[s] || row.some((t) => t > slices.field.places + 1)) return false;
  const allowed = new Map(slices.others.map((car, k) => [car, noBetterThan(slices.field, row[k] ?? 1)]));
  const rank = slices.ownRanks[s % slices.ownRanks.length] ?? 0;
  if (slices.own !== undefined) allowed.set(slices.own, exactly(slices.field, rank));
  return possible(slices.field, allowed);
}

/** True when no slice leaves any other car a place that beats the row (its own place aside). */
function sureIn(slices: Slices): boolean {
  return slices.alive.every((alive, s) => {
    const rank = slices.ownRanks[s % slices.ownRanks.length] ?? 0;
    return alive && (slices.thresholds[s] ?? []).every((t) => t === 1 || (t === 2 && rank === 1));
  });
}

/** Rows of other cars `i` can end level with at the top, in some outcome where it is champion. */
function deadHeats(slices: Slices, scored: readonly Scored[], i: Scored, order: Order, won: boolean[]): string[] {
  const found = new Set<string>();
  won.forEach((wins, s) => {
    if (!wins) return;
    const rank = slices.ownRanks[s % slices.ownRanks.length] ?? 0;
    const pole = slices.poles[Math.floor(s / slices.ownRanks.length)];
    const mine = i.at(rank, pole === i.car);
    slices.others.forEach((car, k) => {
      const from = slices.thresholds[s]?.[k] ?? 1;
      for (const j of scored.filter((r) => r.car === car && !found.has(r.key))) {
        // From the threshold down, the other row only falls further behind: ties come first.
        for (let x = from; x <= slices.field.places + 1; x++) {
          const theirs = j.at(x, pole === car);
          if (order(mine, theirs) !== 0) break;
          if (crewmates(mine, theirs)) continue;
          const allowed = new Map(
            slices.others.map((c, n) => [c, noBetterThan(slices.field, slices.thresholds[s]?.[n] ?? 1)]),
          );
          allowed.set(car, exactly(slices.field, x));
          if (slices.own !== undefined) allowed.set(slices.own, exactly(slices.field, rank));
          if (possible(slices.field, allowed)) found.add(j.key);
        }
      }
    });
  });
  return [...found];
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
  const canWin = new Set<string>();
  const firstSlices = new Map<string, Slices>();
  for (const i of first.scored) {
    const slices = firstSlices.get(i.signature) ?? slicesFor(first.field, first.scored, i, false, order);
    firstSlices.set(i.signature, slices);
    if (slices.alive.some((_, s) => sliceWins(slices, s))) canWin.add(i.key);
  }
  const contenders = candidates.filter((row) => canWin.has(keyOf(row)));
  // Without the rows that cannot win, the outcomes are said over the contenders' cars only.
  const same = contenders.length === candidates.length;
  const { field, scored } = same ? first : setUp(season, question, contenders, round);
  const clinched = new Set<string>();
  const needs = new Map<string, ContenderNeeds>();
  // Crewmates have the same outcomes: their rules are worked out once.
  const covers = new Map<string, ReturnType<typeof coverOf>>();
  const crews = new Map<string, { slices: Slices; sure: boolean; won: boolean[]; deadHeatWith: string[] }>();
  for (const i of scored) {
    let crew = crews.get(i.signature);
    if (!crew) {
      const slices = (same ? firstSlices.get(i.signature) : undefined) ?? slicesFor(field, scored, i, false, order);
      const sure = sureIn(named ? slicesFor(field, scored, i, true, order) : slices);
      const won = slices.alive.map((_, s) => sliceWins(slices, s));
      crew = { slices, sure, won, deadHeatWith: deadHeats(slices, scored, i, order, won) };
      crews.set(i.signature, crew);
    }
    const { slices, won, deadHeatWith } = crew;
    if (crew.sure) clinched.add(i.key);
    // A dead heat is said in a sentence of its own, which leaves one fewer for the rules.
    const max = maxSentences - (deadHeatWith.length > 0 ? 1 : 0);
    const signature = JSON.stringify([i.car, max, won, slices.thresholds]);
    const cover = covers.get(signature) ?? coverOf(slices, won, max);
    covers.set(signature, cover);
    const ownPlaces = [...new Set(won.flatMap((w, s) => (w ? [slices.ownRanks[s % slices.ownRanks.length] ?? 0] : [])))]
      .filter((rank) => i.car !== undefined && rank > 0)
      .map((rank) => placeOf(field, rank));
    needs.set(i.key, {
      ...(i.car !== undefined ? { own: i.car } : {}),
      rules: cover.rules,
      unreachable: cover.unreachable,
      complete: cover.complete,
      ownPlaces,
      deadHeatWith,
    });
  }
  return { field, canWin, clinched, needs };
}
