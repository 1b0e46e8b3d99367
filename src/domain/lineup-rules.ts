/**
 * Line-up rules as data (shared/research/regulations.md §4): how many drivers a crew has, of
 * which FIA ratings, of which nationalities. Every rule is one count with bounds — "count the
 * drivers who match, the count must be within min..max":
 *
 * @example
 * { name: '2 or 3 drivers', min: 2, max: 3 }
 * { name: 'At least one Silver or Bronze', ratings: ['Silver', 'Bronze'], min: 1 }
 * { name: 'No Platinum or Gold', ratings: ['Platinum', 'Gold'], max: 0 }
 * { name: 'An Asian or Oceanian driver', nationalities: 'asia-oceania', min: 1 }
 */
import type { RegionId } from './regions.ts';
import { nationalitiesOf, REGIONS } from './regions.ts';
import type { CrewMember, Season } from './season.ts';
import { isEnteredFor } from './season.ts';
import type { Rating } from './vocabulary.ts';

export interface LineupRule {
  /** Shown in reports: `At least one Silver or Bronze`. */
  readonly name: string;
  /** Count only drivers of these ratings; absent: any rating. */
  readonly ratings?: readonly Rating[];
  /** Count only drivers of these licence nationalities (ISO alpha-3), or of a named region. */
  readonly nationalities?: RegionId | readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** The rounds the rule is in force for; absent: every round. */
  readonly rounds?: readonly number[];
}

/** A season's line-up rules: for every class, and further rules per class id. */
export interface LineupRules {
  readonly allClasses: readonly LineupRule[];
  readonly classes: Readonly<Record<string, readonly LineupRule[]>>;
}

/**
 * `violation`: the crew breaks the rule. `cannot-check`: a rating or nationality the rule needs
 * is not in the season file, and it would decide the outcome — never silently a pass.
 */
export const FINDING_KINDS = ['violation', 'cannot-check'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Whose line-up was checked: the drivers entered for the round, or those the classification says drove. */
export type CrewSource = 'entered' | 'drove';

export interface LineupFinding {
  readonly car: string;
  readonly round: number;
  readonly class: string;
  /** The rule's name. */
  readonly rule: string;
  readonly kind: FindingKind;
  readonly crew: CrewSource;
  readonly message: string;
}

/** The rules in force for a class at a round: those for every class, then the class's own. */
export function rulesFor(rules: LineupRules | undefined, classId: string, round: number): LineupRule[] {
  if (!rules) return [];
  const own = Object.hasOwn(rules.classes, classId) ? (rules.classes[classId] ?? []) : [];
  return [...rules.allClasses, ...own].filter((r) => r.rounds === undefined || r.rounds.includes(round));
}

/**
 * Every line-up finding of the season: each car at each round it has a driver entered for and
 * did not withdraw from, in entry-list order, then round, then rule order.
 */
export function checkLineups(season: Season): LineupFinding[] {
  return season.entries.flatMap((entry) =>
    season.rounds.flatMap(({ round }) => {
      const rules = rulesFor(season.lineupRules, entry.class, round);
      const entered = entry.drivers.filter((d) => isEnteredFor(d, round));
      // No driver entered: the car was not at this round, so it has no line-up to check.
      if (rules.length === 0 || entered.length === 0) return [];
      const line = season.races.find((r) => r.round === round)?.classification?.find((l) => l.car === entry.car);
      // A withdrawn car took no part in the round: whoever was still entered is no line-up.
      if (line?.status === 'WD') return [];
      // Only a classified car's list of who drove is a line-up: a car that retired early may
      // not have got to every driver, and that breaks no line-up rule.
      const drove =
        line?.status === 'Classified' && line.drivers
          ? entry.drivers.filter((d) => line.drivers?.includes(d.name))
          : undefined;
      return rules.flatMap((rule) => {
        // One finding per fault: the crew that drove is checked only when the entered one passes.
        const verdict = checkCrew(rule, entered, 'entered') ?? (drove && checkCrew(rule, drove, 'drove'));
        if (!verdict) return [];
        return [{ car: entry.car, round, class: entry.class, rule: rule.name, ...verdict }];
      });
    }),
  );
}

/** Whether a driver counts for a rule: undefined when a rating or nationality it needs is unknown. */
function counts(rule: LineupRule, member: CrewMember): boolean | undefined {
  const tests: (boolean | undefined)[] = [];
  const { rating, nationality } = member;
  if (rule.ratings) tests.push(rating === undefined ? undefined : rule.ratings.includes(rating));
  if (rule.nationalities) {
    tests.push(nationality === undefined ? undefined : nationalitiesOf(rule.nationalities).includes(nationality));
  }
  if (tests.includes(false)) return false;
  return tests.includes(undefined) ? undefined : true;
}

/**
 * One crew against one rule: undefined when it passes. Unknown ratings and nationalities count
 * both ways, and only when they could change the outcome is the result `cannot-check`.
 */
export function checkCrew(
  rule: LineupRule,
  crew: readonly CrewMember[],
  source: CrewSource = 'entered',
): Pick<LineupFinding, 'kind' | 'crew' | 'message'> | undefined {
  const verdicts = crew.map((member) => counts(rule, member));
  const known = verdicts.filter((v) => v === true).length;
  const unknown = verdicts.filter((v) => v === undefined).length;
  const { min, max } = rule;
  const broken = (min !== undefined && known + unknown < min) || (max !== undefined && known > max);
  const open = (min !== undefined && known < min) || (max !== undefined && known + unknown > max);
  if (!broken && !open) return undefined;
  const counted = countText(rule, known, unknown, crew.length, source);
  const message = `${counted}, expected ${boundsText(rule)}: ${crewText(rule, crew)}`;
  return broken
    ? { kind: 'violation', crew: source, message }
    : { kind: 'cannot-check', crew: source, message: `cannot check: ${message}` };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `0 of 3 drivers entered are Silver or Bronze`, `1 driver drove`. */
function countText(rule: LineupRule, known: number, unknown: number, size: number, source: CrewSource): string {
  const selected = selectionText(rule);
  if (selected === undefined) return `${plural(size, 'driver')} ${source}`;
  const crew = `${plural(size, 'driver')} ${source === 'entered' ? 'entered' : 'who drove'}`;
  const unsure = unknown > 0 ? ` and ${unknown} ${unknown === 1 ? 'is' : 'are'} unknown` : '';
  return `${known} of ${crew} ${known === 1 ? 'is' : 'are'} ${selected}${unsure}`;
}

/** What a driver must be to count: `Silver or Bronze`, `from Asia or Oceania`; undefined: any driver. */
function selectionText(rule: LineupRule): string | undefined {
  const parts: string[] = [];
  if (rule.ratings) parts.push(rule.ratings.join(' or '));
  const set = rule.nationalities;
  if (typeof set === 'string') parts.push(`from ${REGIONS[set].name}`);
  else if (set) parts.push(set.length <= 4 ? `from ${set.join(' or ')}` : `of the ${set.length} listed nationalities`);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

/** `2 to 3`, `at least 1`, `none`. */
function boundsText({ min, max }: LineupRule): string {
  if (max === 0) return 'none';
  if (min !== undefined && min === max) return `exactly ${min}`;
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  return min !== undefined ? `at least ${min}` : `at most ${max}`;
}

/** The crew with what the rule looks at: `Li Lin (rating unknown), Zhiwei Lu (Silver)`. */
function crewText(rule: LineupRule, crew: readonly CrewMember[]): string {
  return crew
    .map((member) => {
      const shown = [
        ...(rule.ratings ? [member.rating ?? 'rating unknown'] : []),
        ...(rule.nationalities ? [member.nationality ?? 'nationality unknown'] : []),
      ];
      return shown.length > 0 ? `${member.name} (${shown.join(', ')})` : member.name;
    })
    .join(', ');
}
