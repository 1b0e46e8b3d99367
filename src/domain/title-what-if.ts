/**
 * The what-if calculator: pick where each car of the class finishes in the round asked about (and
 * who takes the pole, while it is open), and see the table after it — the champion when it is the
 * last round. The table is the standings engine's own, on the season completed with that race,
 * so the page's script (bundled from this module) and the server answer alike.
 */
import type { Result } from './result.ts';
import { err, ok } from './result.ts';
import type { Race, Season } from './season.ts';
import { classesOf } from './season.ts';
import { fromMilli } from './points.ts';
import { scoreClassRound } from './classification.ts';
import type { TitleQuestion } from './title-maths.ts';
import {
  carLabel,
  carsOf,
  completedWith,
  keyOf,
  labelOf,
  poleDecided,
  raceWith,
  remainingRounds,
  tableOf,
} from './title-maths.ts';
import type { Place } from './title-field.ts';
import { enteredFor, mayHoldPole, NO_PLACE } from './title-field.ts';
import { ordinal } from './text.ts';

/** A car's pick: a championship place (1..places), no finish, or the first free place. */
export type Pick = Place | 'auto';

export interface WhatIfCar {
  readonly car: string;
  readonly label: string;
  /** Its rows (teams: its own; drivers: its crew's) can still win the title. */
  readonly contender: boolean;
  readonly mayHoldPole: boolean;
}

/** What there is to pick for the round: the cars eligible for points, in standings order. */
export interface WhatIfField {
  readonly round: number;
  /** The championship places there are (the cars eligible for points entered). */
  readonly places: number;
  readonly cars: readonly WhatIfCar[];
  /** The pole holder already decided, or undefined while open (then `cars` says who may take it). */
  readonly pole: string | undefined;
  readonly poleOpen: boolean;
  /** True when no round is left after it: its table is the final one. */
  readonly final: boolean;
}

export interface WhatIf {
  readonly picks: Readonly<Record<string, Pick>>;
  /** The pole holder picked while it is open. */
  readonly pole?: string | undefined;
}

export interface WhatIfRow {
  readonly key: string;
  readonly label: string;
  readonly position: number;
  readonly points: number;
  /** Points scored in the round. */
  readonly gained: number;
  /** Position 1 after the last round (shared when several). */
  readonly champion: boolean;
}

export interface WhatIfTable {
  readonly rows: readonly WhatIfRow[];
  /** Each car's championship place in the race picked (NO_PLACE: no finish). */
  readonly places: Readonly<Record<string, Place>>;
  readonly final: boolean;
}

export interface WhatIfProblem {
  readonly code: 'place-taken' | 'places-missing' | 'no-such-place' | 'pole-not-allowed';
  readonly message: string;
}

/** The cars of the round and what may be picked; contenders are the rows that can still win. */
export function whatIfField(before: Season, question: TitleQuestion, contenders: readonly string[]): WhatIfField {
  const round = question.beforeRound;
  const eligible = enteredFor(before, question.classId, round).filter((e) => e.eligible);
  const table = tableOf(before, question.classId, question.kind);
  const standing = (car: string) => {
    const index = table.findIndex((r) => (r.kind === 'teams' ? r.car === car : r.cars.includes(car)));
    return index === -1 ? table.length : index;
  };
  const contenderCars = new Set(
    contenders.flatMap((key) => carsOf(before, question.classId, question.kind, key, round)),
  );
  const cars = [...eligible]
    .sort((a, b) => standing(a.car) - standing(b.car))
    .map((e) => ({
      car: e.car,
      label: carLabel(before, question.classId, e.car),
      contender: contenderCars.has(e.car),
      mayHoldPole: mayHoldPole(e, question.classId),
    }));
  const poleOpen = !poleDecided(before, round, question.classId);
  const decided = before.races.find((r) => r.round === round)?.poles[question.classId]?.[0];
  return {
    round,
    places: eligible.length,
    cars,
    pole: poleOpen ? undefined : decided,
    poleOpen,
    final: remainingRounds(before, round).length === 1,
  };
}

/**
 * Each car's place: those picked, then the cars on `auto` in the places left free above the last
 * place picked, then after it, in the order of `field.cars`. Refused: two cars in one place, a
 * place that does not exist, or places left empty above a car that nobody can fill.
 */
export function placesOf(field: WhatIfField, whatIf: WhatIf): Result<Record<string, Place>, WhatIfProblem[]> {
  const problems: WhatIfProblem[] = [];
  const places: Record<string, Place> = {};
  const holder = new Map<Place, string>();
  const auto: string[] = [];
  for (const { car, label } of field.cars) {
    const pick = whatIf.picks[car] ?? 'auto';
    if (pick === 'auto') {
      auto.push(car);
      continue;
    }
    if (pick !== NO_PLACE && (!Number.isInteger(pick) || pick < 1 || pick > field.places)) {
      problems.push({ code: 'no-such-place', message: `${label}: there is no ${String(pick)}th place` });
      continue;
    }
    const other = holder.get(pick);
    if (pick !== NO_PLACE && other !== undefined) {
      problems.push({ code: 'place-taken', message: `${other} and ${label} are both ${ordinal(pick)}` });
      continue;
    }
    places[car] = pick;
    if (pick !== NO_PLACE) holder.set(pick, label);
  }
  const lowest = Math.max(0, ...holder.keys());
  const free = Array.from({ length: lowest }, (_, i) => i + 1).filter((p) => !holder.has(p));
  if (free.length > auto.length) {
    const missing = free.slice(auto.length).map(ordinal);
    problems.push({
      code: 'places-missing',
      message: `no car is ${joinAnd(missing)}: places run from 1st without a gap`,
    });
  }
  if (problems.length > 0) return err(problems);
  let next = lowest + 1;
  auto.forEach((car, i) => {
    places[car] = free[i] ?? next++;
  });
  return ok(places);
}

const joinAnd = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** The table after the round as picked: the engine's own standings on the season completed with it. */
export function whatIfTable(
  before: Season,
  question: TitleQuestion,
  field: WhatIfField,
  whatIf: WhatIf,
): Result<WhatIfTable, WhatIfProblem[]> {
  const placed = placesOf(field, whatIf);
  if (!placed.ok) return placed;
  const pole = field.poleOpen ? whatIf.pole : undefined;
  if (pole !== undefined && !field.cars.some((c) => c.car === pole && c.mayHoldPole)) {
    return err([{ code: 'pole-not-allowed', message: `#${pole} may not take the ${question.classId} pole` }]);
  }
  const finishers = Object.entries(placed.value)
    .filter(([, place]) => place !== NO_PLACE)
    .sort(([, a], [, b]) => a - b)
    .map(([car]) => car);
  const race: Race = raceWith(before, question.classId, field.round, finishers, pole);
  const after = completedWith(before, [race]);
  const was = new Map(tableOf(before, question.classId, question.kind).map((r) => [keyOf(r), r.points]));
  const rows = tableOf(after, question.classId, question.kind).map((r) => ({
    key: keyOf(r),
    label: labelOf(after, question.classId, r),
    position: r.position,
    points: fromMilli(r.points),
    gained: fromMilli(r.points - (was.get(keyOf(r)) ?? 0)),
    champion: field.final && r.position === 1,
  }));
  return ok({ rows, places: placed.value, final: field.final });
}

/**
 * The season cut to what the class's standings read (its cars, the rules of points and ties), so
 * that a page can carry it to its script: the rest of the entry list, other classes' results and
 * the file's notes stay out (stewards' points adjustments stay: few, and they may name drivers). The class's tables are the same from it (a test holds it to that).
 */
export function classSeason(season: Season, classId: string): Season {
  const cars = new Set(season.entries.filter((e) => classesOf(season, e).includes(classId)).map((e) => e.car));
  const races = season.races.map((race) => ({
    ...race,
    ...(race.classification ? { classification: race.classification.filter((l) => cars.has(l.car)) } : {}),
    poles: Object.fromEntries(Object.entries(race.poles).filter(([, order]) => order.some((car) => cars.has(car)))),
  }));
  return {
    id: season.id,
    series: season.series,
    season: season.season,
    classes: season.classes,
    rounds: season.rounds,
    entries: season.entries.filter((e) => cars.has(e.car)),
    races,
    points: season.points,
    tieBreakers: season.tieBreakers,
    notes: [],
    ...(season.pointsAdjustments ? { pointsAdjustments: season.pointsAdjustments } : {}),
  };
}

/**
 * The table in a sentence: "G-Drive Racing with Algarve is champion with 83 points, 1 ahead of
 * Thunderhead Carlin Racing"; before a round that is not the last, who would lead.
 */
export function whatIfVerdict(table: WhatIfTable): string {
  const top = table.rows.filter((r) => r.position === 1);
  const next = table.rows.find((r) => r.position > 1);
  const first = top[0];
  if (!first) return 'No one has scored.';
  const names = joinAnd(top.map((r) => r.label));
  const several = top.length > 1;
  const gap = next === undefined ? 0 : first.points - next.points;
  const ahead = next === undefined ? '' : `, ${gap} point${gap === 1 ? '' : 's'} ahead of ${next.label}`;
  const verb = table.final ? (several ? 'are champions' : 'is champion') : 'would lead';
  return `${names} ${verb} with ${first.points} points${ahead}.`;
}

/**
 * What happened in a round already raced, as picks: each car's championship place and the pole
 * holder (it is how a finished season's calculator opens). Undefined when the round has no result.
 */
export function racedWhatIf(season: Season, classId: string, round: number): WhatIf | undefined {
  const race = season.races.find((r) => r.round === round && r.classification !== undefined);
  if (!race) return undefined;
  const scored = scoreClassRound(season, race, classId);
  const picks: Record<string, Pick> = {};
  for (const o of scored.outcomes) picks[o.car] = o.championshipPosition ?? NO_PLACE;
  const pole = scored.outcomes.find((o) => o.pole)?.car;
  return { picks, ...(pole === undefined ? {} : { pole }) };
}

/** Before a round: the contenders in their standings order, the others filling in; the pole to the first that may take it. */
export function defaultWhatIf(field: WhatIfField): WhatIf {
  const picks: Record<string, Pick> = {};
  let place = 0;
  for (const c of field.cars) picks[c.car] = c.contender ? ++place : 'auto';
  const pole = field.poleOpen
    ? (field.cars.find((c) => c.contender && c.mayHoldPole) ?? field.cars.find((c) => c.mayHoldPole))?.car
    : undefined;
  return { picks, ...(pole === undefined ? {} : { pole }) };
}
