/**
 * The title fight of a class as a document: contenders and eliminated rows, each with its
 * points, maximum, verdicts, and what it needs in plain sentences. Last round: one sentence per
 * rule of title-needs.ts (together exactly the outcomes that make it champion, at most eight).
 * Two or more rounds left: the points it can reach and the gaps to those ahead.
 */
import type { Season } from './season.ts';
import type { StandingsKind, TieBreaker } from './vocabulary.ts';
import { fromMilli } from './points.ts';
import type { Contender, TitleQuestion } from './title-maths.ts';
import { carLabel, classCars, remainingRounds, seasonBefore, titleFight } from './title-maths.ts';
import type { ContenderNeeds, LastRoundAnalysis, Rule } from './title-needs.ts';
import { analyseLastRound } from './title-needs.ts';
import { deadHeatCriterion } from './tie-breakers.ts';
import { placesPhrase, ruleSentence } from './title-sentences.ts';
import { caseResult, caseText, commentaryOf, commentatorNames } from './title-commentary.ts';

/** At most this many sentences per contender (a commentator's breath). */
export const MAX_SENTENCES = 8;

/**
 * - `rule`: an exact condition (its `rule` can be checked against an outcome); together a
 *   contender's rules hold in exactly its title outcomes, unless it has a `summary`;
 * - `clinched`: champion whatever happens (its rule is empty: it always holds);
 * - `summary`: too many cases to list — the rules given are a part of them, this says the rest;
 * - `tie`: how a dead heat with another car would be decided (the season's rule);
 * - `reach`, `gap`: two rounds or more left, the points it can reach and the gaps to close.
 */
export type NeedKind = 'rule' | 'clinched' | 'summary' | 'tie' | 'reach' | 'gap';

export interface Need {
  readonly text: string;
  readonly kind: NeedKind;
  readonly rule?: Rule;
}

export interface ScenarioRow {
  readonly key: string;
  readonly label: string;
  readonly points: number;
  readonly maxPoints: number;
  readonly canWin: boolean;
  readonly clinched: boolean;
  /** Drivers level with it because they share its car: co-champions, with the same verdicts. */
  readonly crewmates: readonly string[];
  readonly needs: readonly string[];
  readonly sentences: readonly Need[];
  /** All it needs in one sentence, as a commentator says it (title-commentary.ts). */
  readonly commentary: string;
  /** The last round case by case: its own result, and when that makes it champion. */
  readonly cases: readonly CaseLine[];
}

export interface CaseLine {
  /** "3rd", "3rd, from pole", "no finish". */
  readonly result: string;
  /** "champion unless Thunderhead Carlin Racing wins", "cannot win". */
  readonly text: string;
}

export interface TitleScenarios {
  readonly class: string;
  readonly kind: StandingsKind;
  readonly beforeRound: number;
  readonly poleKnown: boolean;
  readonly contenders: readonly ScenarioRow[];
  readonly eliminated: readonly ScenarioRow[];
  /** How ties are decided, in words (the season's tie-breakers and dead-heat rule). */
  readonly ties: string;
  readonly notes: readonly string[];
  /** The last round's outcome space and analysis, when exactly one round is left. */
  readonly lastRound?: LastRoundAnalysis;
}

const BREAKER_WORDS: Record<TieBreaker, string | undefined> = {
  countback: 'count-back (most wins, then most second places, and so on)',
  poles: 'poles',
  shared: undefined,
  'shared-dense': undefined,
};

/** The season's rule for ties, in words. */
export function tiesInWords(season: Season, kind: StandingsKind): string {
  const breakers = season.tieBreakers[kind];
  const sharedAt = breakers.findIndex((b) => b === 'shared' || b === 'shared-dense');
  const deciding = (sharedAt === -1 ? breakers : breakers.slice(0, sharedAt)).flatMap((b) => BREAKER_WORDS[b] ?? []);
  const criterion = deadHeatCriterion(season.tieBreakers, breakers);
  const separated =
    deciding.length === 0
      ? 'Rows level on points share their position.'
      : `Rows level on points are separated by ${deciding.join(', then ')}; rows still level share their position.`;
  const deadHeat = criterion === undefined ? 'the title is shared' : `the title is decided by ${criterion}`;
  return `${separated} Crewmates share the title; between different cars, ${deadHeat} (the season's rule).`;
}

const joinAnd = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** `exactCars`: up to how many contenders' cars every combination is said (tests lower it). */
export function titleScenarios(
  season: Season,
  question: TitleQuestion,
  options: { readonly exactCars?: number } = {},
): TitleScenarios {
  const rounds = remainingRounds(season, question.beforeRound);
  const last = rounds.length === 1 ? rounds[0] : undefined;
  const fight = titleFight(season, question, last === undefined);
  const before = seasonBefore(season, question.beforeRound, question.poleKnown);
  const analysis =
    last === undefined ? undefined : analyseLastRound(season, question, last, MAX_SENTENCES, options.exactCars);
  const verdicts = fight.map((c) =>
    analysis ? { ...c, canWin: analysis.canWin.has(c.key), clinched: analysis.clinched.has(c.key) } : c,
  );
  const name = (car: string) => carLabel(before, question.classId, car);
  const labels = new Map(verdicts.map((c) => [c.key, c.label]));
  const short = commentatorNames(
    classCars(before, question.classId).map((car) => ({
      car,
      team: before.entries.find((e) => e.car === car)?.team ?? car,
      label: name(car),
    })),
  );
  // Rivals are named closest first: the contenders' cars in the standings' order.
  const order = analysis ? [...new Set(verdicts.flatMap((c) => analysis.needs.get(c.key)?.own ?? []))] : [];
  const row = (c: Contender): ScenarioRow => {
    let sentences: Need[] = [];
    if (c.clinched) sentences = [clinchedNeed(c)];
    else if (!c.canWin) sentences = [];
    else if (analysis) sentences = lastRoundNeeds(c, analysis, name, labels, before, question.kind);
    else if (rounds.length > 1) sentences = multiRoundNeeds(c, verdicts);
    const needs = analysis?.needs.get(c.key);
    // Said as a commentator says it: teams by their short names (the table beside it has them in full).
    const own = question.kind === 'teams' ? short(c.key) : c.label;
    const subject = question.kind === 'drivers' && needs?.own !== undefined ? `${own} (#${needs.own})` : own;
    let commentary = `${own} can no longer win`;
    if (c.clinched) commentary = sentences[0]?.text ?? commentary;
    else if (c.canWin && analysis && needs)
      commentary = commentaryOf(subject, analysis.field, needs.cases, short, order);
    else if (c.canWin) commentary = multiRoundCommentary(c, verdicts, question.kind === 'teams' ? short : undefined);
    const cases =
      analysis && needs && c.canWin && !c.clinched
        ? needs.cases.map((k) => ({ result: caseResult(k), text: caseText(analysis.field, k, short, order) }))
        : [];
    return {
      key: c.key,
      label: c.label,
      points: fromMilli(c.points),
      maxPoints: fromMilli(c.maxPoints),
      canWin: c.canWin,
      clinched: c.clinched,
      crewmates: c.crewmates,
      needs: sentences.map((s) => s.text),
      sentences,
      commentary,
      cases,
    };
  };
  const notScoring = analysis?.field.notScoring ?? [];
  return {
    class: question.classId,
    kind: question.kind,
    beforeRound: question.beforeRound,
    poleKnown: question.poleKnown,
    contenders: verdicts.filter((c) => c.canWin).map(row),
    eliminated: verdicts.filter((c) => !c.canWin).map(row),
    ties: tiesInWords(season, question.kind),
    notes:
      notScoring.length > 0
        ? [
            `Positions in the last round are championship positions: ${joinAnd(notScoring.map((car) => `#${car}`))} ` +
              `(not eligible for points) may finish anywhere on the road, and a car behind it scores as if ahead of it.`,
          ]
        : [],
    ...(analysis ? { lastRound: analysis } : {}),
  };
}

function clinchedNeed(c: Contender): Need {
  const with_ = c.crewmates.length > 0 ? `, with ${joinAnd(c.crewmates)} (co-champions)` : '';
  return { text: `${c.label} has clinched the title${with_}`, kind: 'clinched', rule: { positions: {} } };
}

function lastRoundNeeds(
  c: Contender,
  analysis: LastRoundAnalysis,
  name: (car: string) => string,
  labels: ReadonlyMap<string, string>,
  season: Season,
  kind: StandingsKind,
): Need[] {
  const needs: ContenderNeeds | undefined = analysis.needs.get(c.key);
  if (!needs) return [];
  const subject = kind === 'drivers' && needs.own !== undefined ? `${c.label} (#${needs.own})` : c.label;
  const sentences: Need[] = needs.rules.map((rule, k) => ({
    text: ruleSentence(subject, rule, analysis.field, needs.own, name, needs.unreachable[k]),
    kind: 'rule',
    rule,
  }));
  if (!needs.complete) {
    const own = needs.own === undefined ? undefined : placesPhrase('it', needs.ownPlaces, analysis.field);
    const only = own === undefined ? '' : `, and that only if ${own}`;
    sentences.push({
      text: `${sentences.length > 0 ? 'Otherwise ' : ''}${subject} needs help from the others' results${only}`,
      kind: 'summary',
    });
  }
  const rivals = needs.deadHeatWith.filter((key) => !c.crewmates.includes(key)).map((key) => labels.get(key) ?? key);
  if (rivals.length > 0) {
    const criterion = deadHeatCriterion(season.tieBreakers, season.tieBreakers[kind]);
    const then = criterion === undefined ? 'they share the title' : `the title is decided by ${criterion}`;
    sentences.push({
      text: `If ${c.label} ends level on everything with ${joinOr(rivals)}, ${then} (the season's rule)`,
      kind: 'tie',
    });
  }
  return sentences;
}

/** Two rounds or more: "Carlin can reach 83 points, 19 behind G-Drive" (the leader; crewmates together). */
function multiRoundCommentary(c: Contender, fight: readonly Contender[], short?: (car: string) => string): string {
  const called = (r: Contender) => (short ? short(r.key) : r.label);
  const ahead = fight.filter((r) => r.key !== c.key && r.canWin && r.points > c.points && !c.crewmates.includes(r.key));
  const reach = `can reach ${fromMilli(c.maxPoints)} points`;
  if (ahead.length === 0) return `${called(c)} leads and ${reach}`;
  const top = Math.max(...ahead.map((r) => r.points));
  const gap = fromMilli(top - c.points);
  const leaders = ahead.filter((r) => r.points === top).map(called);
  return `${called(c)} ${reach}, ${gap} point${gap === 1 ? '' : 's'} behind ${joinAnd(leaders)}`;
}

const joinOr = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/** Two rounds or more: the reach, and the gap to every car ahead (crewmates named together). */
function multiRoundNeeds(c: Contender, fight: readonly Contender[]): Need[] {
  const ahead = fight.filter((r) => r.key !== c.key && r.canWin && r.points > c.points && !c.crewmates.includes(r.key));
  const groups: Contender[][] = [];
  for (const r of ahead) {
    const group = groups.find((g) => g[0]?.crewmates.includes(r.key));
    if (group) group.push(r);
    else groups.push([r]);
  }
  const reach = `can reach ${fromMilli(c.maxPoints)} points`;
  if (groups.length === 0) return [{ text: `${c.label} leads and ${reach}`, kind: 'reach' }];
  const gap = (g: Contender[]) => {
    const points = fromMilli((g[0]?.points ?? 0) - c.points);
    return `${points} point${points === 1 ? '' : 's'}`;
  };
  const who = (g: Contender[]) => joinAnd(g.map((r) => r.label));
  const gaps: Need[] =
    groups.length < MAX_SENTENCES
      ? groups.map((g) => ({
          text: `needs to outscore ${who(g)} by ${gap(g)} (more to be sure without tie-breakers)`,
          kind: 'gap',
        }))
      : [
          {
            text: `needs to outscore ${groups.map((g) => `${who(g)} by ${gap(g)}`).join(', ')} (more to be sure without tie-breakers)`,
            kind: 'gap',
          },
        ];
  return [{ text: `${c.label} ${reach}`, kind: 'reach' }, ...gaps];
}
