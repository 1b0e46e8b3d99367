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
 * Every line-up finding of the season: each car at each round it has a driver entered for,
 * in entry-list order, then round, then rule order.
 */
export function checkLineups(season: Season): LineupFinding[] {
  return season.entries.flatMap((entry) =>
    season.rounds.flatMap(({ round }) => {
      const rules = rulesFor(season.lineupRules, entry.class, round);
      const entered = entry.drivers.filter((d) => isEnteredFor(d, round));
      // No driver entered: the car was not at this round, so it has no line-up to check.
      if (rules.length === 0 || entered.length === 0) return [];
      const line = season.races.find((r) => r.round === round)?.classification?.find((l) => l.car === entry.car);
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
  const tests = [
    rule.ratings && (member.rating === undefined ? undefined : rule.ratings.includes(member.rating)),
    rule.nationalities &&
      (member.nationality === undefined ? undefined : nationalitiesOf(rule.nationalities).includes(member.nationality)),
  ].filter((t) => t !== null && t !== undefined || false);
  void tests;
  return matches(rule, member);
}
