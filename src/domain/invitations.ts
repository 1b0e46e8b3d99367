import type { Season } from './season.ts';
import type { StandingsKind } from './vocabulary.ts';
import type { StandingsRow, StandingsTable } from './standings.ts';
import { driverStandings, teamStandings } from './standings.ts';
import type { MilliPoints } from './points.ts';
import { polePoints, scaleFor, toMilli } from './points.ts';
import { crewmates } from './tie-breakers.ts';

/**
 * What a row must also have done to be invited. `full-season`: entered at every round of the
 * season (ALMS 2015-16: "sous réserve de participer à toutes les manches").
 */
export const INVITATION_CONDITIONS = ['full-season'] as const;
export type InvitationCondition = (typeof INVITATION_CONDITIONS)[number];

/**
 * One automatic invitation rule: the first `positions` rows of a class's championship are
 * invited, at most `perTeam` to one team. A row that fails the condition or the team cap
 * passes its place to the next row (ALMS 2015-16: "otherwise to the 2nd GT team").
 */
export interface InvitationRule {
  readonly class: string;
  readonly kind: StandingsKind;
  readonly positions: number;
  readonly perTeam: number;
  readonly condition?: InvitationCondition;
  /** The Le Mans class the invitation is for, as the regulations word it ("LMP2 or GTE Am"). */
  readonly to?: string;
  /** Where the rule comes from, and how sure it is. */
  readonly source?: string;
}

/** A season's invitation rules (season file `invitations`). */
export interface InvitationRules {
  /** The race the invitations are for, e.g. "2020 24 Hours of Le Mans". */
  readonly event?: string;
  readonly rules: readonly InvitationRule[];
}

/** An invitation earned (season over) or held so far (`final: false`). */
export interface Invitation {
  readonly class: string;
  readonly kind: StandingsKind;
  /** The car (teams) or the driver (drivers) invited, as the standings name it. */
  readonly who: string;
  readonly team: string;
  readonly position: number;
  readonly points: MilliPoints;
  readonly final: boolean;
  readonly reason: string;
}

/** A row passed over by a rule, and why (condition not met, team already invited). */
export interface PassedOver {
  readonly class: string;
  readonly who: string;
  readonly position: number;
  readonly why: string;
}

/** A contender for an invitation before the season is over. */
export interface InvitationContender {
  readonly class: string;
  readonly kind: StandingsKind;
  readonly who: string;
  readonly team: string;
  readonly points: MilliPoints;
  /** The most the row can reach if it wins every race left (and takes every pole not yet decided). */
  readonly maxPoints: MilliPoints;
  readonly stillPossible: boolean;
}

function tableFor(season: Season, rule: InvitationRule): StandingsTable {
  return rule.kind === 'teams' ? teamStandings(season, rule.class) : driverStandings(season, rule.class);
}

function who(row: StandingsRow): string {
  return row.kind === 'teams' ? `#${row.car} ${row.team}` : row.driver;
}

/** The team a row belongs to: the car's entrant, or the entrant of the driver's first car. */
function teamOf(season: Season, row: StandingsRow): string {
  if (row.kind === 'teams') return row.team;
  const car = row.cars[0];
  return season.entries.find((e) => e.car === car)?.team ?? row.driver;
}

function meetsCondition(row: StandingsRow, condition: InvitationCondition | undefined): boolean {
  if (condition === undefined) return true;
  // full-season: a result (any status, DNS included) or a pole at every round.
  return row.rounds.every((cell) => cell.result !== null || cell.pole);
}

/** True when every round of the season has a classification. */
export function seasonComplete(season: Season): boolean {
  return season.rounds.every((r) => season.races.some((race) => race.round === r.round && race.classification));
}

function lastRaced(season: Season): number | undefined {
  const raced = season.races.filter((r) => r.classification).map((r) => r.round);
  return raced.length === 0 ? undefined : Math.max(...raced);
}

function ordinal(n: number): string {
  const suffixes = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${suffixes[(v - 20) % 10] ?? suffixes[v] ?? 'th'}`;
}

function reasonFor(season: Season, rule: InvitationRule, position: number, final: boolean): string {
  const title = position === 1 ? (final ? 'champions' : 'leaders') : ordinal(position);
  const standing = `${rule.class} ${rule.kind === 'drivers' ? "drivers' " : ''}${title}`;
  const after = final ? '' : ` after round ${lastRaced(season) ?? 0}`;
  return `${standing}${after}, ${season.season} ${season.series}`;
}

/** The rows a rule invites, in order, and those it passes over on the way. */
function applyRule(
  season: Season,
  rule: InvitationRule,
  final: boolean,
): { invited: Invitation[]; passed: PassedOver[] } {
  const invited: Invitation[] = [];
  const passed: PassedOver[] = [];
  const perTeam = new Map<string, number>();
  const holders: StandingsRow[] = [];
  let places = 0;
  for (const row of tableFor(season, rule).rows) {
    const team = teamOf(season, row);
    // Crewmates (drivers level because they drove the same car) hold one invitation together.
    if (holders.some((h) => h.position === row.position && crewmates(h, row))) {
      holders.push(row);
      invited.push(invitationOf(season, rule, row, team, final));
      continue;
    }
    if (places >= rule.positions || row.points <= 0) break;
    if (!meetsCondition(row, rule.condition)) {
      passed.push({ class: rule.class, who: who(row), position: row.position, why: `not a ${rule.condition} entry` });
      continue;
    }
    if ((perTeam.get(team) ?? 0) >= rule.perTeam) {
      passed.push({ class: rule.class, who: who(row), position: row.position, why: `${team} already invited` });
      continue;
    }
    perTeam.set(team, (perTeam.get(team) ?? 0) + 1);
    places += 1;
    holders.push(row);
    invited.push(invitationOf(season, rule, row, team, final));
  }
  return { invited, passed };
}

function invitationOf(
  season: Season,
  rule: InvitationRule,
  row: StandingsRow,
  team: string,
  final: boolean,
): Invitation {
  return {
    class: rule.class,
    kind: rule.kind,
    who: who(row),
    team,
    position: row.position,
    points: row.points,
    final,
    reason: `${who(row)}: ${reasonFor(season, rule, row.position, final)}`,
  };
}

/**
 * The invitations the season's rules give: earned when every round is raced, otherwise held
 * so far (`final: false`). Rows passed over are listed with the reason.
 */
export function invitations(season: Season, rules: InvitationRules): { invited: Invitation[]; passed: PassedOver[] } {
  const final = seasonComplete(season);
  const applied = rules.rules.map((rule) => applyRule(season, rule, final));
  return { invited: applied.flatMap((a) => a.invited), passed: applied.flatMap((a) => a.passed) };
}

/** The most one row can still add: every race left won, every pole not yet decided taken. */
function pointsLeft(season: Season, classId: string): MilliPoints {
  const scale = scaleFor(season.points, classId);
  const win = scale.positions[0] ?? scale.otherClassified;
  return season.rounds.reduce((total, round) => {
    const race = season.races.find((r) => r.round === round.round);
    if (race?.classification) return total;
    const poleOpen = (race?.poles[classId] ?? []).length === 0;
    return total + toMilli(win * round.pointsMultiplier) + (poleOpen ? polePoints(scale) : 0);
  }, 0);
}

/**
 * Who can still earn an invitation of a rule (simple test: a row whose maximum reachable points
 * reach the points of the row now holding the last invited place; ties are counted as possible).
 * A row that can no longer meet the rule's condition is not possible.
 */
export function invitationContenders(season: Season, rule: InvitationRule): InvitationContender[] {
  const left = pointsLeft(season, rule.class);
  const held = applyRule(season, rule, false).invited;
  const bar = held.length < rule.positions ? 0 : (held[held.length - 1]?.points ?? 0);
  const played = new Set(season.races.filter((r) => r.classification).map((r) => r.round));
  return tableFor(season, rule).rows.map((row) => {
    const missed =
      rule.condition !== undefined &&
      row.rounds.some((cell) => played.has(cell.round) && cell.result === null && !cell.pole);
    const maxPoints = row.points + left;
    return {
      class: rule.class,
      kind: rule.kind,
      who: who(row),
      team: teamOf(season, row),
      points: row.points,
      maxPoints,
      stillPossible: !missed && maxPoints >= bar && (left > 0 || held.some((h) => h.who === who(row))),
    };
  });
}
