import type { DecisionKind, StewardDecision } from './decisions.ts';
import { DECISION_KINDS } from './decisions.ts';
import type { Issue, Result } from './result.ts';
import { err, ok } from './result.ts';
import type { Season } from './season.ts';
import { classesOf } from './season.ts';
import { toMilli } from './points.ts';
import type { TextKind } from './text.ts';
import { badCharacter, describeBadCharacter } from './text.ts';

/** A decision ready to record: the office adds its id, author and time. */
export type NewDecision = StewardDecision extends infer D
  ? D extends StewardDecision
    ? Omit<D, 'id' | 'by' | 'at'>
    : never
  : never;

/**
 * A decision as an official enters it, before anything is known to fit: any kind, any field
 * missing or out of range. `checkDecision` turns it into a `NewDecision` or says what is wrong.
 */
export interface DecisionDraft {
  readonly kind: string;
  readonly round: number;
  readonly reason: string;
  readonly regulation?: string | undefined;
  readonly car?: string | undefined;
  readonly timeMs?: number | undefined;
  readonly laps?: number | undefined;
  readonly positions?: number | undefined;
  readonly class?: string | undefined;
  readonly driver?: string | undefined;
  readonly points?: number | undefined;
  readonly reverses?: string | undefined;
}

export type DecisionField = keyof DecisionDraft;

/**
 * Bounds on what a decision may say. Decisions can never be deleted, only reversed, so a value
 * no steward could mean (a −1000 point "deduction", 1e300 points, 1.5 places) is refused at once.
 */
export const DECISION_LIMITS = {
  /** A day: no penalty outweighs a 24-hour race. */
  timeMs: 24 * 60 * 60 * 1000,
  /** Laps taken off: never more than the car completed, nor than any race has (Le Mans: about 390). */
  laps: 10_000,
  /** No class has a hundred cars. */
  positions: 99,
  /** Far above a season's points (ALMS: 26 a round at most), far below nonsense. */
  points: 1000,
  reasonLength: 2000,
  regulationLength: 300,
} as const;

export type DecisionProblemCode =
  | 'bad-character'
  | 'required'
  | 'unknown-kind'
  | 'no-classification'
  | 'too-long'
  | 'out-of-range'
  | 'unknown-car'
  | 'car-not-in-race'
  | 'no-race-time'
  | 'unknown-class'
  | 'car-not-in-class'
  | 'unknown-driver'
  | 'driver-not-in-crew'
  | 'unknown-decision'
  | 'other-round'
  | 'already-reversed'
  | 'reverses-a-reversal';

export interface DecisionProblem extends Issue {
  readonly code: DecisionProblemCode;
  readonly path: readonly [DecisionField];
}

/** At most 80 characters of what was typed, quoted: messages never repeat a whole input. */
export function quoted(text: string): string {
  const chars = [...text];
  return JSON.stringify(chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : text);
}

const KIND_WORDS: Readonly<Record<DecisionKind, string>> = {
  'time-penalty': 'a time penalty',
  'drop-positions': 'a drop of positions',
  disqualification: 'a disqualification',
  exclusion: 'an exclusion',
  'points-deduction': 'a points deduction',
  reversal: 'a reversal',
};

/** The texts a decision stores: the reason and regulation as people write them, the rest names. */
const TEXT_FIELDS: readonly (readonly [
  'kind' | 'reason' | 'regulation' | 'car' | 'class' | 'driver' | 'reverses',
  TextKind,
])[] = [
  ['kind', 'name'],
  ['reason', 'prose'],
  ['regulation', 'prose'],
  ['car', 'name'],
  ['class', 'name'],
  ['driver', 'name'],
  ['reverses', 'name'],
];

const isKind = (kind: string): kind is DecisionKind => (DECISION_KINDS as readonly string[]).includes(kind);
const wholeIn = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/**
 * Checks a decision against the season and the decisions already issued: every field the kind
 * needs is there and in range, the round was raced, the car took part, the driver is in the
 * crew, a reversal names a decision of this round still in force. Every problem at once, each
 * with its field; the decision to record when there is none.
 */
export function checkDecision(
  season: Season,
  decisions: readonly StewardDecision[],
  draft: DecisionDraft,
): Result<NewDecision, DecisionProblem[]> {
  const problems: DecisionProblem[] = [];
  // One problem per field, the first found: a car typed with a NUL is not also "not in the entry list".
  const problem = (field: DecisionField, code: DecisionProblemCode, message: string) => {
    if (!problems.some((p) => p.path[0] === field)) problems.push({ code, message, path: [field] });
  };
  for (const [field, kind] of TEXT_FIELDS) {
    const text = draft[field];
    const bad = text === undefined ? undefined : badCharacter(text, kind);
    if (bad) problem(field, 'bad-character', `holds ${describeBadCharacter(bad)}`);
  }

  const race = season.races.find((r) => r.round === draft.round);
  if (!race?.classification) {
    problem('round', 'no-classification', `round ${draft.round} has no classification to decide on`);
  }
  if (!draft.reason.trim()) problem('reason', 'required', 'every decision needs a reason');
  else if ([...draft.reason].length > DECISION_LIMITS.reasonLength) {
    problem('reason', 'too-long', `has at most ${DECISION_LIMITS.reasonLength} characters`);
  }
  if (draft.regulation !== undefined && [...draft.regulation].length > DECISION_LIMITS.regulationLength) {
    problem('regulation', 'too-long', `has at most ${DECISION_LIMITS.regulationLength} characters`);
  }
  if (!isKind(draft.kind)) {
    problem('kind', 'unknown-kind', `must be one of ${DECISION_KINDS.join(', ')}`);
    return err(problems);
  }
  const kind = draft.kind;
  const required = <T>(field: DecisionField, value: T | undefined): value is T => {
    if (value === undefined) problem(field, 'required', `is required for ${KIND_WORDS[kind]}`);
    return value !== undefined;
  };

  /** The car, entered in the season and (for a penalty on the race) in this round's classification. */
  const carOf = (inRace: boolean) => {
    if (!required('car', draft.car)) return undefined;
    const entry = season.entries.find((e) => e.car === draft.car);
    if (!entry) {
      problem('car', 'unknown-car', `${quoted(draft.car)} is not in the entry list`);
      return undefined;
    }
    const line = race?.classification?.find((l) => l.car === entry.car);
    if (inRace && race?.classification && !line) {
      problem('car', 'car-not-in-race', `#${entry.car} is not in round ${draft.round}'s classification`);
      return undefined;
    }
    return { entry, line };
  };

  switch (kind) {
    case 'time-penalty': {
      const car = carOf(true);
      const laps = draft.laps;
      // Re-classifying by laps, then time, needs both for the penalised car.
      if (car?.line && car.line.totalTimeMs === undefined) {
        problem(
          'car',
          'no-race-time',
          `#${car.entry.car} has no total time in round ${draft.round}'s classification: import the timing classification first, or drop positions instead`,
        );
      }
      if (laps !== undefined) {
        const done = car?.line?.laps;
        if (car?.line && done === undefined) {
          problem('laps', 'no-race-time', `#${car.entry.car} has no laps in round ${draft.round}'s classification`);
        } else if (!wholeIn(laps, 1, Math.min(done ?? Infinity, DECISION_LIMITS.laps))) {
          const most = done !== undefined ? `${done} (the laps #${car?.entry.car} completed)` : DECISION_LIMITS.laps;
          problem('laps', 'out-of-range', `must be a whole number from 1 to ${most}`);
        }
      }
      if (required('timeMs', draft.timeMs)) {
        const minimum = laps !== undefined && laps >= 1 ? 0 : 1;
        if (!wholeIn(draft.timeMs, minimum, DECISION_LIMITS.timeMs)) {
          problem(
            'timeMs',
            'out-of-range',
            `must add ${minimum === 0 ? '0' : 'more than 0'} to ${DECISION_LIMITS.timeMs / 1000} seconds (24 hours)${minimum === 0 ? '' : ', or take laps off as well'}`,
          );
        }
      }
      break;
    }
    case 'drop-positions':
      carOf(true);
      if (required('positions', draft.positions) && !wholeIn(draft.positions, 1, DECISION_LIMITS.positions)) {
        problem('positions', 'out-of-range', `must be a whole number from 1 to ${DECISION_LIMITS.positions}`);
      }
      break;
    case 'disqualification':
    case 'exclusion':
      carOf(true);
      break;
    case 'points-deduction':
      checkDeduction(season, draft, problem);
      break;
    case 'reversal':
      if (required('reverses', draft.reverses)) checkReversal(decisions, draft.round, draft.reverses, problem);
      break;
  }
  if (problems.length > 0) return err(problems);
  return ok(newDecision(kind, draft));
}

type Report = (field: DecisionField, code: DecisionProblemCode, message: string) => void;

/** Points off one class's championship: a car of that class, a driver of its crews, or both. */
function checkDeduction(season: Season, draft: DecisionDraft, problem: Report): void {
  const { points, car, driver } = draft;
  if (points === undefined) problem('points', 'required', 'is required for a points deduction');
  // Standings count in thousandths of a point (points.ts): a finer deduction could not be applied.
  else if (!(points > 0 && points <= DECISION_LIMITS.points && toMilli(points) / 1000 === points)) {
    problem('points', 'out-of-range', `must be more than 0 and at most ${DECISION_LIMITS.points}, to the thousandth`);
  }
  if (car === undefined && driver === undefined) {
    problem('car', 'required', 'a points deduction needs a car, a driver, or both');
  }
  if (draft.class === undefined) {
    problem('class', 'required', 'is required for a points deduction');
    return;
  }
  const classId = draft.class;
  if (!season.classes.some((c) => c.id === classId)) {
    problem('class', 'unknown-class', `${quoted(classId)} is not a class of the season`);
    return;
  }
  const inClass = season.entries.filter((e) => classesOf(season, e).includes(classId));
  const entry = car === undefined ? undefined : season.entries.find((e) => e.car === car);
  if (car !== undefined && !entry) problem('car', 'unknown-car', `${quoted(car)} is not in the entry list`);
  else if (entry && !inClass.includes(entry)) {
    problem('car', 'car-not-in-class', `#${entry.car} does not score in the ${classId} championship`);
  }
  if (driver === undefined) return;
  if (entry) {
    if (!entry.drivers.some((d) => d.name === driver)) {
      problem('driver', 'driver-not-in-crew', `${quoted(driver)} is not in #${entry.car}'s crew`);
    }
  } else if (!inClass.some((e) => e.drivers.some((d) => d.name === driver))) {
    problem('driver', 'unknown-driver', `${quoted(driver)} is not in the crew of any ${classId} car`);
  }
}

/** A reversal cancels one decision of this round that is still in force: once. */
function checkReversal(decisions: readonly StewardDecision[], round: number, reverses: string, problem: Report): void {
  const target = decisions.find((d) => d.id === reverses);
  if (!target) {
    problem('reverses', 'unknown-decision', `there is no decision ${quoted(reverses)} in this season`);
    return;
  }
  if (target.kind === 'reversal') {
    problem('reverses', 'reverses-a-reversal', `${target.id} is itself a reversal: issue the decision again instead`);
  } else if (target.round !== round) {
    problem('reverses', 'other-round', `${target.id} is a decision of round ${target.round}, not of round ${round}`);
  } else {
    const earlier = decisions.find((d) => d.kind === 'reversal' && d.reverses === target.id);
    if (earlier) problem('reverses', 'already-reversed', `${target.id} was already reversed by ${earlier.id}`);
  }
}

/** The checked draft, with only the fields its kind has. */
function newDecision(kind: DecisionKind, d: DecisionDraft): NewDecision {
  const base = { round: d.round, reason: d.reason.trim(), ...(d.regulation ? { regulation: d.regulation } : {}) };
  // Every field used below was checked present for this kind by checkDecision.
  switch (kind) {
    case 'time-penalty':
      return { ...base, kind, car: d.car!, timeMs: d.timeMs!, ...(d.laps ? { laps: d.laps } : {}) };
    case 'drop-positions':
      return { ...base, kind, car: d.car!, positions: d.positions! };
    case 'disqualification':
    case 'exclusion':
      return { ...base, kind, car: d.car! };
    case 'points-deduction':
      return {
        ...base,
        kind,
        class: d.class!,
        points: d.points!,
        ...(d.car !== undefined ? { car: d.car } : {}),
        ...(d.driver !== undefined ? { driver: d.driver } : {}),
      };
    case 'reversal':
      return { ...base, kind, reverses: d.reverses! };
  }
}
