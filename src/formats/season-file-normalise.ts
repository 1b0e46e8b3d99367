/**
 * A season file that passed every check, turned into the domain's `Season`: defaults filled in,
 * shorthand expanded (a class id for a class, one car for a pole list), times in milliseconds.
 */
import { slugOf } from '../domain/ids.ts';
import type { DriveTimeRuleBook, DriveTimeRules, LimitMs } from '../domain/drive-time-rules.ts';
import type { LineupRule, LineupRules } from '../domain/lineup-rules.ts';
import type { PointsScale, PointsSystem } from '../domain/points.ts';
import type { PoleRule } from '../domain/pole-rule.ts';
import type {
  CarClass,
  ClassificationLine,
  CrewMember,
  Entry,
  Race,
  Round,
  Season,
  TieBreakRules,
} from '../domain/season.ts';
import { parseDuration, parseRaceTime } from './race-time.ts';
import { toInvitationRules } from './season-file-invitations.ts';
import { toClassificationRules } from './season-file-classification.ts';
import type {
  ClassItem,
  DriveTimeItem,
  EntryItem,
  LineupRulesItem,
  PointsItem,
  PoleRuleItem,
  RaceItem,
  RoundItem,
  SeasonFile,
} from './season-file-schema.ts';

export function toSeason(file: SeasonFile): Season {
  return {
    id: file.id ?? defaultSeasonId(file.series, file.season),
    series: file.series,
    season: file.season,
    classes: file.classes.map(toClass),
    rounds: file.rounds.map(toRound),
    entries: file.entries.map(toEntry),
    races: (file.races ?? []).map((race) => toRace(race, spellingsOf(file.entries))),
    points: toPoints(file.points),
    tieBreakers: toTieBreakers(file.tieBreakers),
    ...(file.lineupRules && { lineupRules: toLineupRules(file.lineupRules) }),
    ...(file.driveTime && { driveTimeRules: toDriveTimeRules(file.driveTime) }),
    ...(file.invitations && { invitationRules: toInvitationRules(file.invitations) }),
    ...(file.poleRule && { poleRule: toPoleRule(file.poleRule) }),
    ...(file.classification && { classificationRules: toClassificationRules(file.classification) }),
    notes: file.notes ?? [],
  };
}

/**
 * The series' initials and the season, as a URL-safe id.
 * @example defaultSeasonId('Asian Le Mans Series', '2019-20') === 'alms-2019-20'
 */
export function defaultSeasonId(series: string, season: string): string {
  const initials = series
    .split(/\s+/)
    .map((word) => slugOf(word).charAt(0))
    .join('');
  return [initials, slugOf(season)].filter((part) => part !== '').join('-');
}

/** The object without its `undefined` fields: absent optional fields stay absent in the domain. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function toClass(item: ClassItem): CarClass {
  if (typeof item === 'string') return { id: item, name: item, alsoClassifiedIn: [] };
  return { id: item.id, name: item.name ?? item.id, alsoClassifiedIn: item.alsoClassifiedIn ?? [] };
}

function toRound(item: RoundItem): Round {
  return defined({
    round: item.round,
    name: item.name,
    circuit: item.circuit,
    country: item.country,
    date: item.date,
    scheduledDurationMs: item.duration === undefined ? undefined : parseDuration(item.duration),
    meeting: item.meeting,
    pointsMultiplier: item.pointsMultiplier ?? 1,
  });
}

function toEntry(item: EntryItem): Entry {
  return defined({
    car: item.car,
    class: item.class,
    team: item.team,
    nationality: item.nationality,
    carModel: item.carModel,
    eligible: item.eligible ?? true,
    drivers: item.drivers.map((member): CrewMember => defined({ ...member })),
    teamNames: item.teamNames,
  });
}

/** Per car, each driver's name by every way the file writes it: the name itself and its aliases. */
type Spellings = ReadonlyMap<string, ReadonlyMap<string, string>>;

function spellingsOf(entries: readonly EntryItem[]): Spellings {
  return new Map(
    entries.map((e) => [
      e.car,
      new Map(e.drivers.flatMap((d) => [d.name, ...(d.aliases ?? [])].map((s) => [s, d.name]))),
    ]),
  );
}

export function toPoleRule(item: PoleRuleItem): PoleRule {
  return item.qualifying === 'per-race'
    ? { qualifying: 'per-race' }
    : { qualifying: 'per-meeting', grids: item.grids ?? [] };
}

function toRace(item: RaceItem, spellings: Spellings): Race {
  const poles = Object.entries(item.poles ?? {}).map(([classId, cars]) => [
    classId,
    typeof cars === 'string' ? [cars] : cars,
  ]);
  return defined({
    round: item.round,
    state: item.state,
    classification: item.classification?.map((line) => toLine(line, spellings.get(line.car))),
    poles: Object.fromEntries(poles) as Record<string, string[]>,
  });
}

/** A line of the classification; a driver named by an alias is the driver it stands for. */
function toLine(
  line: NonNullable<RaceItem['classification']>[number],
  names: ReadonlyMap<string, string> | undefined,
): ClassificationLine {
  return defined({
    car: line.car,
    status: line.status ?? 'Classified',
    laps: line.laps,
    totalTimeMs: line.time === undefined ? undefined : parseRaceTime(line.time),
    bestLapMs: line.bestLap === undefined ? undefined : parseRaceTime(line.bestLap),
    drivers: line.drivers?.map((name) => names?.get(name) ?? name),
  });
}

export function toPoints(points: PointsItem): PointsSystem {
  const overrides = Object.entries(points.classes ?? {}).map(([id, scale]) => [
    id,
    defined({ ...scale }) as Partial<PointsScale>,
  ]);
  return {
    positions: points.positions,
    otherClassified: points.otherClassified ?? 0,
    pole: points.pole ?? 0,
    scoringStatuses: points.scoringStatuses ?? ['Classified'],
    classes: Object.fromEntries(overrides) as Record<string, Partial<PointsScale>>,
  };
}

export function toTieBreakers(rules: SeasonFile['tieBreakers']): TieBreakRules {
  if (rules === undefined) return { teams: ['countback'], drivers: ['countback'] };
  if (Array.isArray(rules)) return { teams: rules, drivers: rules };
  return { teams: rules.teams, drivers: rules.drivers, ...(rules.deadHeat ? { deadHeat: rules.deadHeat } : {}) };
}

function toLineupRules(rules: LineupRulesItem): LineupRules {
  const rule = (item: LineupRule): LineupRule => defined({ ...item });
  const classes = Object.entries(rules.classes ?? {}).map(([id, list]) => [id, list.map(rule)]);
  return {
    allClasses: (rules.allClasses ?? []).map(rule),
    classes: Object.fromEntries(classes) as Record<string, LineupRule[]>,
  };
}

type DriveTimeLimits = Pick<DriveTimeItem, 'maxPerDriver' | 'minPerDriver' | 'maxStint'>;

function toDriveTimeRules(item: DriveTimeItem): DriveTimeRuleBook {
  const classes = Object.entries(item.classes ?? {}).map(([id, limits]) => [id, toDriveTimeLimits(limits)]);
  return {
    pitTime: item.pitTime ?? 'counted',
    default: toDriveTimeLimits(item),
    classes: Object.fromEntries(classes) as Record<string, DriveTimeRules>,
  };
}

function toDriveTimeLimits(limits: DriveTimeLimits): DriveTimeRules {
  return defined({
    maxPerDriverMs: toLimitMs(limits.maxPerDriver),
    minPerDriverMs: toLimitMs(limits.minPerDriver),
    maxStintMs: toLimitMs(limits.maxStint),
  });
}

/** `1h45m`, or `{ Bronze: 1h45m }`, in milliseconds (the schema has checked every duration). */
function toLimitMs(limit: DriveTimeLimits['maxStint']): LimitMs | undefined {
  if (limit === undefined) return undefined;
  if (typeof limit === 'string') return parseDuration(limit) ?? 0;
  const perRating = Object.entries(limit).flatMap(([rating, text]) =>
    text === undefined ? [] : [[rating, parseDuration(text) ?? 0]],
  );
  return Object.fromEntries(perRating) as LimitMs;
}
