/**
 * The title fight of a class as a document: contenders and eliminated rows, each with its
 * points, maximum, verdicts, and what it needs in plain sentences. Last round: one sentence per
 * rule of title-needs.ts (together exactly the outcomes that make it champion). Two or more
 * rounds left: the points it needs relative to those ahead.
 */
import type { Season } from './season.ts';
import type { StandingsKind } from './vocabulary.ts';
import { fromMilli } from './points.ts';
import type { Contender, TitleQuestion } from './title-maths.ts';
import { carsOf, remainingRounds, seasonBefore, titleFight } from './title-maths.ts';
import type { LastRoundAnalysis, Position } from './title-needs.ts';
import { OTHER_CAR, analyseLastRound } from './title-needs.ts';

export interface ScenarioRow {
  readonly key: string;
  readonly label: string;
  readonly points: number;
  readonly maxPoints: number;
  readonly canWin: boolean;
  readonly clinched: boolean;
  readonly needs: readonly string[];
}

export interface TitleScenarios {
  readonly class: string;
  readonly kind: StandingsKind;
  readonly beforeRound: number;
  readonly poleKnown: boolean;
  readonly contenders: readonly ScenarioRow[];
  readonly eliminated: readonly ScenarioRow[];
  /** The last round's enumeration, when exactly one round is left (for tests and the portal). */
  readonly lastRound?: LastRoundAnalysis;
}

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export function titleScenarios(season: Season, question: TitleQuestion): TitleScenarios {
  const fight = titleFight(season, question);
  const rounds = remainingRounds(season, question.beforeRound);
  const last = rounds.length === 1 && rounds[0] !== undefined ? rounds[0] : undefined;
  const lastRound = last === undefined ? undefined : analyseLastRound(season, question, fight, last);
  const before = seasonBefore(season, question.beforeRound, question.poleKnown);
  const namer = carNamer(before, question, fight);
  const row = (c: Contender): ScenarioRow => {
    let needs: string[] = [];
    if (c.clinched) needs = [`${c.label} has clinched the title`];
    else if (!c.canWin) needs = [];
    else if (lastRound) needs = lastRoundNeeds(c, lastRound, namer, ownCar(before, question, c, lastRound.round));
    else if (last === undefined) needs = multiRoundNeeds(c, fight);
    return {
      key: c.key,
      label: c.label,
      points: fromMilli(c.points),
      maxPoints: fromMilli(c.maxPoints),
      canWin: c.canWin,
      clinched: c.clinched,
      needs,
    };
  };
  return {
    class: question.classId,
    kind: question.kind,
    beforeRound: question.beforeRound,
    poleKnown: question.poleKnown,
    contenders: fight.filter((c) => c.canWin).map(row),
    eliminated: fight.filter((c) => !c.canWin).map(row),
    ...(lastRound ? { lastRound } : {}),
  };
}

function ownCar(season: Season, question: TitleQuestion, c: Contender, round: number): string | undefined {
  return carsOf(season, question.classId, question.kind, c.key, round)[0];
}

/** Cars named as their contender (teams) or by number (drivers' championship). */
function carNamer(season: Season, question: TitleQuestion, fight: readonly Contender[]) {
  return (car: string): string => {
    if (car === OTHER_CAR) return 'another car';
    if (question.kind === 'teams') return fight.find((c) => c.key === car)?.label ?? `#${car}`;
    return `#${car}`;
  };
}

function multiRoundNeeds(c: Contender, fight: readonly Contender[]): string[] {
  const ahead = fight.filter((r) => r.key !== c.key && r.canWin && r.points > c.points);
  const reach = `can reach ${fromMilli(c.maxPoints)} points`;
  if (ahead.length === 0) return [`${c.label} leads and ${reach}`];
  return [
    `${c.label} ${reach}`,
    ...ahead.map(
      (r) =>
        `needs to outscore ${r.label} by ${fromMilli(r.points - c.points)} points (more to be sure without tie-breakers)`,
    ),
  ];
}

function lastRoundNeeds(
  c: Contender,
  analysis: LastRoundAnalysis,
  name: (car: string) => string,
  own: string | undefined,
): string[] {
  const rules = analysis.rules.get(c.key);
  if (rules === undefined) return [`${c.label} can still win (too many combinations to list)`];
  const universe: Position[] = [...Array.from({ length: analysis.fieldSize }, (_, i) => i + 1), 0];
  return rules.map((rule) => {
    // A position another car of the rule is fixed at is impossible for the rest: adding it to
    // their allowed sets changes nothing and lets "2nd, 4th, 5th..." read "does not win".
    const fixed = Object.entries(rule.positions).flatMap(([car, allowed]) =>
      allowed.length === 1 && allowed[0] !== 0 ? [{ car, position: allowed[0] ?? 0 }] : [],
    );
    const widened = (car: string, allowed: readonly Position[]) =>
      allowed.length === 1
        ? allowed
        : [...allowed, ...fixed.filter((f) => f.car !== car && !allowed.includes(f.position)).map((f) => f.position)];
    const parts: string[] = [];
    const ownAllowed = own === undefined ? undefined : rule.positions[own];
    const add = (subject: string, car: string, allowed: readonly Position[]) => {
      const plain = positionsPhrase(subject, allowed, universe);
      const wide = positionsPhrase(subject, widened(car, allowed), universe);
      const phrase = plain === undefined || wide === undefined || wide.length < plain.length ? wide : plain;
      if (phrase !== undefined) parts.push(phrase);
    };
    if (own !== undefined && ownAllowed) add('it', own, ownAllowed);
    for (const [car, allowed] of Object.entries(rule.positions)) {
      if (car !== own) add(name(car), car, allowed);
    }
    if (rule.pole) parts.push(polePhrase(rule.pole, own, name));
    const subject = own !== undefined && own !== c.key ? `${c.label} (#${own})` : c.label;
    return parts.length === 0
      ? `${subject} is champion whatever happens`
      : `${subject} is champion if ${parts.join(' and ')}`;
  });
}

/**
 * "finishes 2nd or better", "does not win", "finishes no better than 3rd", "does not finish", or a
 * list; undefined when every position is allowed.
 */
export function positionsPhrase(
  subject: string,
  allowed: readonly Position[],
  universe: readonly Position[],
): string | undefined {
  if (universe.every((p) => allowed.includes(p))) return undefined;
  const finishing = allowed.filter((p) => p > 0).sort((a, b) => a - b);
  const retires = allowed.includes(0);
  if (finishing.length === 0) return `${subject} does not finish`;
  const best = finishing[0] ?? 1;
  const worst = finishing[finishing.length - 1] ?? 1;
  const same = (set: readonly Position[]) => set.length === allowed.length && set.every((p) => allowed.includes(p));
  if (retires && same(universe.filter((p) => p === 0 || p >= best))) {
    return best === 2
      ? `${subject} does not win`
      : `${subject} finishes no better than ${ordinal(best)} (or not at all)`;
  }
  if (!retires && same(universe.filter((p) => p > 0 && p <= worst))) {
    return worst === 1 ? `${subject} wins` : `${subject} finishes ${ordinal(worst)} or better`;
  }
  const list = finishing.map(ordinal);
  const text = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
  return `${subject} finishes ${text}${retires ? ' or does not finish' : ''}`;
}

function polePhrase(allowed: readonly string[], own: string | undefined, name: (car: string) => string): string {
  if (own !== undefined && allowed.length === 1 && allowed[0] === own) return 'it takes pole';
  const names = allowed.map((car) => (car === own ? 'it' : name(car)));
  return `the pole goes to ${names.join(' or ')}`;
}
