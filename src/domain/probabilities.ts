/**
 * Championship probabilities for a class's teams: a Monte Carlo simulation of the remaining
 * rounds from each car's form this season (docs/probabilities.md describes the model).
 *
 * Built for speed: the season is first turned into a `FormModel` of flat typed arrays with
 * integer milli-points; `simulate` then runs whole seasons without allocating.
 */
import type { Season } from './season.ts';
import { classesOf } from './season.ts';
import type { MilliPoints } from './points.ts';
import { polePoints, positionPoints, scaleFor } from './points.ts';
import { compareKeys } from './tie-breakers.ts';
import { teamStandings } from './standings.ts';
import type { Random } from './random.ts';
import { mulberry32 } from './random.ts';

/** Prior weight, in rounds, spread evenly over every class position so an unseen result can happen. */
export const POSITION_PRIOR_ROUNDS = 1;
/** Prior retirement rate, worth one round of evidence: (retirements + 0.1) / (starts + 1). */
export const RETIREMENT_PRIOR = 0.1;

const COUNTBACK = 1;
const POLES = 2;

/** Everything the simulation needs, as flat arrays indexed by car (in car-number order). */
export interface FormModel {
  readonly cars: readonly string[];
  readonly teams: readonly string[];
  /** Points now, adjustments included. */
  readonly points: Int32Array;
  /** Width of a car's count-back row: class positions 1..width. */
  readonly width: number;
  /** Count-back now: `counts[car * width + p]` = results in class position p + 1. */
  readonly counts: Int32Array;
  readonly poles: Int32Array;
  /** Cumulative distribution of each car's class position: `cdf[car * n + p]` = P(position <= p + 1). */
  readonly cdf: Float64Array;
  readonly retirement: Float64Array;
  /** Per remaining round, race points by rank: `rankPoints[round * n + r]` for rank r + 1. */
  readonly rankPoints: Int32Array;
  /** Per remaining round, 1 when its pole point is still to be decided (0: qualifying done). */
  readonly poleOpen: Uint8Array;
  readonly polePoints: MilliPoints;
  /** The season's ordering tie-breakers (count-back, poles) in order. */
  readonly breakers: Uint8Array;
  /** The most each car can still score: a win and the pole in every remaining round. */
  readonly maxRemaining: Int32Array;
}

/** The form model of a class's teams' championship, from the season as it stands. */
export function formModel(season: Season, classId: string): FormModel {
  const scale = scaleFor(season.points, classId);
  const eligible = new Set(
    season.entries.filter((e) => e.eligible && classesOf(season, e).includes(classId)).map((e) => e.car),
  );
  const rows = teamStandings(season, classId)
    .rows.filter((row) => row.kind === 'teams' && eligible.has(row.car))
    .map((row) => (row.kind === 'teams' ? { ...row, key: row.car } : { ...row, key: '', team: '' }))
    .sort((a, b) => compareKeys(a.key, b.key));
  const n = rows.length;
  const classified = new Set(season.races.filter((r) => r.classification).map((r) => r.round));
  const remaining = season.rounds.filter((r) => !classified.has(r.round)).sort((a, b) => a.round - b.round);
  const positionsSeen = rows.flatMap((row) => row.rounds.map((c) => Number(c.result)).filter(isPosition));
  const width = Math.max(n, ...positionsSeen);

  const counts = new Int32Array(n * width);
  const cdf = new Float64Array(n * n);
  const retirement = new Float64Array(n);
  rows.forEach((row, car) => {
    const finishes = new Float64Array(n).fill(POSITION_PRIOR_ROUNDS / Math.max(n, 1));
    let starts = 0;
    let retirements = 0;
    for (const cell of row.rounds) {
      if (cell.result === null) continue;
      const position = Number(cell.result);
      if (isPosition(position)) {
        counts[car * width + position - 1]! += 1;
        finishes[Math.min(position, n) - 1]! += 1;
        starts += 1;
      } else if (cell.result !== 'DNS' && cell.result !== 'WD') {
        retirements += 1;
        starts += 1;
      }
    }
    const total = finishes.reduce((sum, f) => sum + f, 0);
    let cumulative = 0;
    for (let p = 0; p < n; p++) {
      cumulative += finishes[p]! / total;
      cdf[car * n + p] = p === n - 1 ? 1 : cumulative;
    }
    retirement[car] = (retirements + RETIREMENT_PRIOR) / (starts + 1);
  });

  const rankPoints = new Int32Array(remaining.length * n);
  const poleOpen = new Uint8Array(remaining.length);
  let maxRace = 0;
  remaining.forEach((round, k) => {
    for (let r = 0; r < n; r++) rankPoints[k * n + r] = positionPoints(scale, r + 1, round.pointsMultiplier);
    const qualified = season.races.some((race) => race.round === round.round && race.poles[classId]);
    poleOpen[k] = qualified ? 0 : 1;
    maxRace += (rankPoints[k * n] ?? 0) + (qualified ? 0 : polePoints(scale));
  });
  const breakers = season.tieBreakers.teams.flatMap((b) =>
    b === 'countback' ? [COUNTBACK] : b === 'poles' ? [POLES] : [],
  );
  return {
    cars: rows.map((r) => r.key),
    teams: rows.map((r) => r.team),
    points: Int32Array.from(rows.map((r) => r.points)),
    width,
    counts,
    poles: Int32Array.from(rows.map((r) => r.rounds.filter((c) => c.pole).length)),
    cdf,
    retirement,
    rankPoints,
    poleOpen,
    polePoints: polePoints(scale),
    breakers: Uint8Array.from(breakers),
    maxRemaining: new Int32Array(n).fill(maxRace),
  };
}

function isPosition(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}

/** Tallies of a simulation: `title[car]`, and `positions[car * n + p]` for final position p + 1. */
export interface Tally {
  readonly seasons: number;
  readonly title: Float64Array;
  readonly positions: Float64Array;
}

/** A simulated season's end: final points, count-back and poles per car, and the final order. */
export interface SeasonEnd {
  readonly points: Int32Array;
  readonly counts: Int32Array;
  readonly poles: Int32Array;
  /** Car indices, champion first. */
  readonly order: Int32Array;
}

/**
 * Runs `seasons` simulated seasons. `onSeason`, when given, sees each season's end (reused
 * arrays: copy what you keep).
 */
export function simulate(
  model: FormModel,
  random: Random,
  seasons: number,
  onSeason?: (end: SeasonEnd) => void,
): Tally {
  const n = model.cars.length;
  const { width, cdf, retirement, rankPoints, poleOpen, breakers } = model;
  const rounds = poleOpen.length;
  const points = new Int32Array(n);
  const counts = new Int32Array(n * width);
  const poles = new Int32Array(n);
  const keys = new Float64Array(n);
  const order = new Int32Array(n);
  const title = new Float64Array(n);
  const positions = new Float64Array(n * n);
  const end: SeasonEnd = { points, counts, poles, order };

  // Points first, then the season's tie-breakers, then car number (the cars are in that order).
  const before = (a: number, b: number): boolean => {
    if (points[a] !== points[b]) return points[a]! > points[b]!;
    for (let i = 0; i < breakers.length; i++) {
      if (breakers[i] === COUNTBACK) {
        for (let p = 0; p < width; p++) {
          const diff = counts[a * width + p]! - counts[b * width + p]!;
          if (diff !== 0) return diff > 0;
        }
      } else if (poles[a] !== poles[b]) return poles[a]! > poles[b]!;
    }
    return a < b;
  };

  for (let s = 0; s < seasons; s++) {
    points.set(model.points);
    counts.set(model.counts);
    poles.set(model.poles);
    for (let k = 0; k < rounds; k++) {
      let finishers = 0;
      let poleCar = -1;
      for (let car = 0; car < n; car++) {
        // The car's pace this round: a class position drawn from its form, made continuous
        // inside the position's band so that no two cars tie.
        const u = random();
        let p = 0;
        while (cdf[car * n + p]! <= u && p < n - 1) p++;
        const low = p === 0 ? 0 : cdf[car * n + p - 1]!;
        const key = p + (u - low) / (cdf[car * n + p]! - low);
        if (poleCar === -1 || key < keys[poleCar]!) poleCar = car;
        keys[car] = key;
        if (random() < retirement[car]!) continue;
        let i = finishers++;
        while (i > 0 && keys[order[i - 1]!]! > key) {
          order[i] = order[i - 1]!;
          i--;
        }
        order[i] = car;
      }
      for (let r = 0; r < finishers; r++) {
        const car = order[r]!;
        points[car]! += rankPoints[k * n + r]!;
        counts[car * width + r]! += 1;
      }
      if (poleOpen[k] === 1 && poleCar !== -1) {
        points[poleCar]! += model.polePoints;
        poles[poleCar]! += 1;
      }
    }
    for (let car = 0; car < n; car++) {
      let i = car;
      while (i > 0 && before(car, order[i - 1]!)) {
        order[i] = order[i - 1]!;
        i--;
      }
      order[i] = car;
    }
    title[order[0]!]! += 1;
    for (let r = 0; r < n; r++) positions[order[r]! * n + r]! += 1;
    onSeason?.(end);
  }
  return { seasons, title, positions };
}

/** One car's chances: of the title, and of each final position (index 0 = champion). */
export interface CarOdds {
  readonly car: string;
  readonly team: string;
  readonly points: MilliPoints;
  readonly maxPoints: MilliPoints;
  readonly title: number;
  readonly positions: readonly number[];
}

export interface TitleOdds {
  readonly class: string;
  readonly kind: 'teams';
  readonly seasons: number;
  readonly seed: number;
  readonly cars: readonly CarOdds[];
}

/**
 * The teams' title chances in a class, from the season as it stands (races not yet classified
 * are the rounds to simulate). The same seed gives the same odds.
 *
 * @example
 * titleOdds(seasonBefore(season, 4, false), 'LMP2', { seasons: 100_000, seed: 2020 }).cars[0].title;
 */
export function titleOdds(
  season: Season,
  classId: string,
  options: { readonly seasons: number; readonly seed: number },
): TitleOdds {
  const model = formModel(season, classId);
  const tally = simulate(model, mulberry32(options.seed), options.seasons);
  const n = model.cars.length;
  const cars = model.cars.map((car, i) => ({
    car,
    team: model.teams[i] ?? '',
    points: model.points[i] ?? 0,
    maxPoints: (model.points[i] ?? 0) + (model.maxRemaining[i] ?? 0),
    title: (tally.title[i] ?? 0) / options.seasons,
    positions: Array.from(tally.positions.subarray(i * n, (i + 1) * n), (c) => c / options.seasons),
  }));
  return { class: classId, kind: 'teams', seasons: options.seasons, seed: options.seed, cars };
}
