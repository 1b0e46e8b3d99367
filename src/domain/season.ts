import type { Rating, StandingsKind, Status, TieBreaker } from './vocabulary.ts';
import type { PointsSystem } from './points.ts';
import type { PointsAdjustment } from './decisions.ts';
import type { LineupRules } from './lineup-rules.ts';
import type { DriveTimeRuleBook } from './drive-time-rules.ts';
import type { InvitationRules } from './invitations.ts';
import type { PoleRule } from './pole-rule.ts';
import type { DeadHeatRule } from './tie-breakers.ts';
import type { ClassificationRules } from './classification-rules.ts';

/**
 * A championship class. A car of a class with `alsoClassifiedIn` is classified and scores in
 * those classes too (e.g. ALMS 2019-20: GT Am cars also appear in the GT tables).
 */
export interface CarClass {
  readonly id: string;
  readonly name: string;
  readonly alsoClassifiedIn: readonly string[];
}

/** A race of the season. A meeting with two races (a double-header) is two rounds. */
export interface Round {
  readonly round: number;
  readonly name: string;
  readonly circuit?: string;
  /** ISO 3166-1 alpha-3 country code. */
  readonly country?: string;
  /** ISO date (YYYY-MM-DD) of the race. */
  readonly date?: string;
  readonly scheduledDurationMs?: number;
  /** Rounds sharing a meeting name were run at the same race meeting. */
  readonly meeting?: string;
  /** Scales the race points of this round (0.5 for half points, 2 for double). Pole points are not scaled. */
  readonly pointsMultiplier: number;
}

/** One driver of an entry's crew, and the rounds they are entered for. */
export interface CrewMember {
  readonly name: string;
  /** ISO 3166-1 alpha-3 code of the licence nationality. */
  readonly nationality?: string;
  readonly rating?: Rating;
  /** `all`, or the round numbers the driver is entered for. */
  readonly rounds: 'all' | readonly number[];
  /**
   * Other spellings of the driver's name (the timing's `Cedric SBIRRAZZOULI` for `Cédric
   * Sbirrazzuoli`): a result or a timing file naming one is read as this driver.
   */
  readonly aliases?: readonly string[];
}

/** A name the entry ran under at some rounds, other than its `team`. */
export interface TeamName {
  readonly team: string;
  readonly rounds: readonly number[];
}

/** A car in the championship: its number, class, team, and crew. */
export interface Entry {
  readonly car: string;
  readonly class: string;
  readonly team: string;
  readonly nationality?: string;
  readonly carModel?: string;
  /** False for entries classified but not eligible for points (e.g. not full-season entries). */
  readonly eligible: boolean;
  readonly drivers: readonly CrewMember[];
  /** The team's name at the rounds it was not `team` (a team renamed mid-season); none when absent. */
  readonly teamNames?: readonly TeamName[];
}

/** One line of a race classification, in overall finishing order. */
export interface ClassificationLine {
  readonly car: string;
  readonly status: Status;
  readonly laps?: number;
  readonly totalTimeMs?: number;
  /** The car's fastest lap of the race, as the timing's classification gives it. */
  readonly bestLapMs?: number;
  /** The drivers who drove the car in this race; when absent, every driver entered for the round. */
  readonly drivers?: readonly string[];
}

/** A race's result: the overall classification and the qualifying result per class. */
export interface Race {
  readonly round: number;
  /** Results are provisional until the stewards publish them final; absent means final. */
  readonly state?: 'provisional' | 'final';
  /** Overall finishing order; absent when only qualifying has been run. */
  readonly classification?: readonly ClassificationLine[];
  /**
   * Per class, the pole car — or the qualifying order of the leading cars, so that when the
   * pole car is not eligible for points the next eligible car takes the pole point.
   */
  readonly poles: Readonly<Record<string, readonly string[]>>;
}

/** Per championship, the tie-breakers in order; and what decides a dead heat (default `shared`). */
export type TieBreakRules = Readonly<Record<StandingsKind, readonly TieBreaker[]>> & {
  readonly deadHeat?: DeadHeatRule;
};

/** A season of a series: everything the standings are computed from. */
export interface Season {
  readonly id: string;
  readonly series: string;
  readonly season: string;
  readonly classes: readonly CarClass[];
  readonly rounds: readonly Round[];
  readonly entries: readonly Entry[];
  readonly races: readonly Race[];
  readonly points: PointsSystem;
  readonly tieBreakers: TieBreakRules;
  /** Who may make up a crew (lineup-rules.ts); absent when the season file gives no rules. */
  readonly lineupRules?: LineupRules;
  /** Drive-time limits (drive-time-rules.ts); absent when the season file gives none. */
  readonly driveTimeRules?: DriveTimeRuleBook;
  /** Le Mans automatic invitations (invitations.ts); absent when the season file gives none. */
  readonly invitationRules?: InvitationRules;
  /** Free text: sources, and where the sources contradict each other. */
  readonly notes: readonly string[];
  /** Points taken off by stewards' decisions in force (see decisions.ts); none when absent. */
  readonly pointsAdjustments?: readonly PointsAdjustment[];
  /** Which qualifying lap sets which race's pole (pole-rule.ts); absent: poles are entered as they are. */
  readonly poleRule?: PoleRule;
  /** Who is classified, and in what order (classification-rules.ts); absent: the ACO's rule. */
  readonly classificationRules?: ClassificationRules;
}

/** The entry's team name at a round: the one it ran under there, `team` unless `teamNames` says otherwise. */
export function teamAt(entry: Entry, round: number): string {
  return entry.teamNames?.find((t) => t.rounds.includes(round))?.team ?? entry.team;
}

/** True when the crew member is entered for the round. */
export function isEnteredFor(member: CrewMember, round: number): boolean {
  return member.rounds === 'all' || member.rounds.includes(round);
}

/** The classes an entry is classified in: its own, then those it is also classified in. */
export function classesOf(season: Season, entry: Entry): string[] {
  const own = season.classes.find((c) => c.id === entry.class);
  return [entry.class, ...(own?.alsoClassifiedIn ?? [])];
}
