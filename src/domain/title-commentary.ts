/**
 * What a commentator says of a contender in one sentence, from its cases (title-cases.ts): "G-Drive
 * is champion with 2nd or better; with 3rd unless Carlin wins; with 4th or 5th unless Carlin or
 * Eurasia wins". Each clause is exact for every own result it names: "unless" lists what takes the
 * title away, so no combination of places is ever named, and a result that cannot win is not said.
 * Past a few clauses the rest is "with 7th or no finish, if the others' results help" (true: it
 * can win there, but not whatever happens); the case table gives every case.
 */
import type { LastRoundField, Place } from './title-field.ts';
import { NO_PLACE } from './title-field.ts';
import type { Threat, TitleCase } from './title-cases.ts';
import { ordinal } from './text.ts';

/** At most this many clauses in a sentence, the last one a summary. */
export const MAX_CLAUSES = 4;
/** At most this many conditions in a clause; beyond, "if the others' results help". */
const MAX_CONDITIONS = 3;
/** Said of own results that can win, though not whatever the others do. */
const HELP = "if the others' results help";

const joinWith = (word: string) => (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
const joinOr = joinWith('or');
const joinAnd = joinWith('and');

/** How another car's places read after its name ("wins", "finishes in the top 3"). */
type Verb =
  | { readonly kind: 'none' }
  | { readonly kind: 'top'; readonly n: number }
  | { readonly kind: 'ahead' }
  | { readonly kind: 'finishes' }
  | { readonly kind: 'always' };

/** The places before some rank, its own left out, as a verb; `ahead` when that reads as well. */
function verbOf(field: LastRoundField, places: readonly Place[], own: Place | undefined): Verb {
  if (places.length === 0) return { kind: 'none' };
  if (places.includes(NO_PLACE)) return { kind: 'always' };
  const n = Math.max(...places);
  const ownPlace = own !== undefined && own !== NO_PLACE ? own : undefined;
  if (n >= field.places || (n === field.places - 1 && ownPlace === field.places)) return { kind: 'finishes' };
  return { kind: 'top', n };
}

/** True when the verb names exactly the places ahead of its own (so "ahead of it" says it too). */
const aheadToo = (verb: Verb, own: Place | undefined) =>
  verb.kind === 'top' && own !== undefined && own !== NO_PLACE && own >= 3 && (verb.n === own - 1 || verb.n === own);

function verbText(verb: Verb, own: Place | undefined): string {
  switch (verb.kind) {
    case 'top':
      if (verb.n === 1) return 'wins';
      if (verb.n === 2 && own === 1) return 'finishes 2nd';
      return `finishes in the top ${verb.n}`;
    case 'ahead':
      return 'finishes ahead of it';
    case 'finishes':
      return 'finishes';
    case 'always':
      return 'takes pole';
    case 'none':
      return '';
  }
}

/** The extra places a car takes the title with from pole, after "(or …from pole)". */
function fromPoleText(base: Verb, pole: Verb, own: Place | undefined): string {
  if (pole.kind === 'always') return 'or takes pole';
  if (pole.kind === 'finishes') return 'or finishes from pole';
  if (pole.kind !== 'top') return '';
  const from = base.kind === 'top' ? base.n + 1 : 1;
  const extra = Array.from({ length: pole.n - from + 1 }, (_, i) => from + i).filter((p) => p !== own);
  if (extra.length === 1) return `or ${ordinal(extra[0] ?? 1)} from pole`;
  return `or in the top ${pole.n} from pole`;
}

interface Condition {
  readonly car: string;
  /** "does not finish" (a condition to meet) rather than a threat. */
  readonly must: boolean;
  readonly text: string;
  /** The same condition said as "finishes ahead of it", when that is exact too. */
  readonly ahead?: string;
}

function conditionOf(field: LastRoundField, threat: Threat, own: Place | undefined): Condition {
  const base = verbOf(field, threat.places, own);
  const pole = threat.fromPole ? verbOf(field, threat.fromPole, own) : undefined;
  if (base.kind === 'finishes' && (pole === undefined || pole.kind === 'finishes')) {
    return { car: threat.car, must: true, text: 'does not finish' };
  }
  if (base.kind === 'finishes' && pole?.kind === 'always') {
    return { car: threat.car, must: true, text: 'neither finishes nor takes pole' };
  }
  if (base.kind === 'none' && pole) {
    const text = pole.kind === 'always' ? 'takes pole' : `${verbText(pole, own)} from pole`;
    return { car: threat.car, must: false, text };
  }
  const text = verbText(base, own);
  if (pole) return { car: threat.car, must: false, text: `${text} (${fromPoleText(base, pole, own)})` };
  return {
    car: threat.car,
    must: false,
    text,
    ...(aheadToo(base, own) ? { ahead: verbText({ kind: 'ahead' }, own) } : {}),
  };
}

/** The conditions of a case, in the order of the cars given (the standings' order). */
function conditionsOf(field: LastRoundField, c: TitleCase, order: readonly string[]): Condition[] {
  const rank = (car: string) => {
    const i = order.indexOf(car);
    return i === -1 ? order.length : i;
  };
  return [...c.threats].sort((a, b) => rank(a.car) - rank(b.car)).map((t) => conditionOf(field, t, c.own));
}

/** "if neither G-Drive nor Eurasia finishes, unless Carlin wins or …", names merged where the words agree. */
function conditionWords(conditions: readonly Condition[], name: (car: string) => string, useAhead: boolean): string {
  const words = (c: Condition) => (useAhead && c.ahead ? c.ahead : c.text);
  const musts = conditions.filter((c) => c.must);
  const threats = conditions.filter((c) => !c.must);
  const merged = (list: readonly Condition[]) => {
    const byText = new Map<string, string[]>();
    for (const c of list) byText.set(words(c), [...(byText.get(words(c)) ?? []), name(c.car)]);
    return [...byText].map(([text, names]) => ({ text, names }));
  };
  const mustWords = merged(musts).map(({ text, names }) => {
    if (names.length === 1) return `${names[0]} ${text}`;
    if (text === 'does not finish')
      return names.length === 2 ? `neither ${joinWith('nor')(names)} finishes` : `none of ${joinAnd(names)} finishes`;
    return names.map((n) => `${n} ${text}`).join(' and ');
  });
  const threatWords = merged(threats).map(({ text, names }) => `${joinOr(names)} ${text}`);
  const parts: string[] = [];
  if (mustWords.length > 0) parts.push(`if ${joinAnd(mustWords)}`);
  if (threatWords.length > 0) parts.push(`unless ${joinOr(threatWords)}`);
  return parts.join(', ');
}

/** "2nd or better", "3rd", "4th or 5th", "4th–6th", "7th or no finish". */
export function placesText(field: LastRoundField, places: readonly Place[]): string {
  const finishing = [...places].filter((p) => p !== NO_PLACE).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const p of finishing) {
    const last = runs[runs.length - 1];
    if (last && last[1] === p - 1) last[1] = p;
    else runs.push([p, p]);
  }
  const words = runs.flatMap(([a, b]) => {
    if (a === b) return [a === 1 ? 'a win' : ordinal(a)];
    if (a === 1) return [`${ordinal(b)} or better`];
    if (b === a + 1) return [ordinal(a), ordinal(b)];
    return [`${ordinal(a)}–${ordinal(b)}`];
  });
  if (!places.includes(NO_PLACE)) return joinOr(words);
  return finishing.length === field.places ? 'any result' : joinOr([...words, 'no finish']);
}

interface Item {
  readonly case: TitleCase;
  readonly conditions: readonly Condition[];
  useAhead: boolean;
}

const conditionKey = (item: Item, name: (car: string) => string) =>
  conditionWords(item.conditions, name, item.useAhead);

/** "with 2nd or better, or 3rd from pole": the own results of a group of cases. */
function ownWords(field: LastRoundField, cases: readonly TitleCase[]): string {
  const both = cases.filter((c) => c.ownPole === undefined).map((c) => c.own ?? NO_PLACE);
  const withPole = cases.filter((c) => c.ownPole === true).map((c) => c.own ?? NO_PLACE);
  const without = cases.filter((c) => c.ownPole === false).map((c) => c.own ?? NO_PLACE);
  // A place said with and without the pole needs neither.
  for (const p of [...withPole]) {
    if (without.includes(p)) {
      both.push(p);
      withPole.splice(withPole.indexOf(p), 1);
      without.splice(without.indexOf(p), 1);
    }
  }
  const rank = (p: Place) => (p === NO_PLACE ? field.places + 1 : p);
  const parts = [
    { places: both, words: '' },
    { places: withPole, words: ' from pole' },
    { places: without, words: ' without pole' },
  ]
    .filter((part) => part.places.length > 0)
    .sort((a, b) => Math.min(...a.places.map(rank)) - Math.min(...b.places.map(rank)))
    .map((part) => `${placesText(field, part.places)}${part.words}`);
  return `with ${parts.join(', or ')}`;
}

/**
 * The sentence for a contender that can win in the last round, from its cases. `order`: the
 * cars in the standings' order (rivals are named closest first).
 */
export function commentaryOf(
  subject: string,
  field: LastRoundField,
  cases: readonly TitleCase[],
  name: (car: string) => string,
  order: readonly string[],
): string {
  const items: Item[] = cases
    .filter((c) => !c.never)
    .map((c) => ({ case: c, conditions: conditionsOf(field, c, order), useAhead: false }));
  // "finishes ahead of it" where that makes neighbouring places read alike.
  for (let i = 0; i + 1 < items.length; i++) {
    const a = items[i];
    const b = items[i + 1];
    if (!a || !b || a.case.ownPole !== b.case.ownPole || a.conditions.length !== b.conditions.length) continue;
    if (conditionKey(a, name) === conditionKey(b, name)) continue;
    const trial = { a: { ...a, useAhead: true }, b: { ...b, useAhead: true } };
    if (conditionKey(trial.a, name) === conditionKey(trial.b, name)) {
      a.useAhead = true;
      b.useAhead = true;
    }
  }
  if (items[0]?.case.own === undefined) {
    const only = items[0];
    if (!only) return `${subject} cannot win`;
    const words = conditionWords(only.conditions, name, false);
    return words ? `${subject} is champion ${words}` : `${subject} is champion whatever happens`;
  }
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = item.conditions.length > MAX_CONDITIONS ? HELP : conditionKey(item, name);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const clauses = [...groups].map(([key, group]) => ({
    key,
    group,
    count: group[0]?.conditions.length ?? 0,
    own: ownWords(
      field,
      group.map((g) => g.case),
    ),
  }));
  // "with 4th or 5th, or 6th from pole, unless …": a comma once the own results have one.
  const said = (clause: (typeof clauses)[number]) => {
    if (clause.key === HELP) return `${clause.own}, ${HELP}`;
    if (!clause.key) return clause.own;
    return `${clause.own}${clause.own.includes(',') ? ',' : ''} ${clause.key}`;
  };
  if (clauses.length <= MAX_CLAUSES) return `${subject} is champion ${clauses.map(said).join('; ')}`;
  // The rest in one clause: places it can win from, none sure (a sure one stays said).
  const kept = clauses.filter((c, i) => i < MAX_CLAUSES - 1 || c.count === 0);
  const rest = clauses.filter((c) => !kept.includes(c));
  const restOwn = ownWords(
    field,
    rest.flatMap((c) => c.group.map((g) => g.case)),
  );
  return `${subject} is champion ${[...kept.map(said), `${restOwn}, ${HELP}`].join('; ')}`;
}

/** One case as a line of the case table: "champion unless Carlin wins", "cannot win". */
export function caseText(field: LastRoundField, c: TitleCase, name: (car: string) => string, order: readonly string[]) {
  if (c.never) return 'cannot win';
  const words = conditionWords(conditionsOf(field, c, order), name, false);
  return words ? `champion ${words}` : 'champion whatever the others do';
}

/** The own result of a case as the table's first column: "3rd, from pole", "no finish". */
export function caseResult(c: TitleCase): string {
  const place = c.own === undefined ? 'any result' : c.own === NO_PLACE ? 'no finish' : ordinal(c.own);
  const pole = c.ownPole === true ? ', from pole' : c.ownPole === false ? ', without pole' : '';
  return `${place}${pole}`;
}

/** Words a commentator leaves out of a team's name: what every team is ("Racing"), and a partner's name after "with". */
const GENERIC = /\b(racing|motorsports?|motor sport|endurance|competition)\b/gi;

/** "G-Drive Racing with Algarve" → "G-Drive", "Team JLOC" → "JLOC"; the name itself when nothing is left. */
export function shortTeamName(team: string): string {
  const short = team
    .replace(/\s+with\s+.*$/i, '')
    .replace(GENERIC, '')
    .replace(/^team\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return short.length >= 2 ? short : team;
}

/**
 * The cars of a class as a commentator names them: the team's short name, with the car number
 * where the label has it ("Eurasia #36"); a car whose short name another car shares keeps its full label.
 */
export function commentatorNames(
  cars: readonly { readonly car: string; readonly team: string; readonly label: string }[],
): (car: string) => string {
  const short = new Map(
    cars.map((c) => {
      const number = c.label.match(/ #[^ ]+$/)?.[0] ?? '';
      return [c.car, `${shortTeamName(c.team)}${number}`];
    }),
  );
  const counts = new Map<string, number>();
  for (const name of short.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const full = new Map(cars.map((c) => [c.car, c.label]));
  return (car) => {
    const name = short.get(car);
    return name !== undefined && counts.get(name) === 1 ? name : (full.get(car) ?? `#${car}`);
  };
}
