/**
 * A `Season` written as a `pitwall-season/1` file that `parseSeasonFile` reads back to an equal
 * season. Defaults are left out and shorthand is used where the format has it, so an exported
 * file reads like a hand-written one: one line per round, crew member and classification line.
 */
import { Document, Scalar } from 'yaml';
import type { Node } from 'yaml';
import type { DriveTimeRuleBook, DriveTimeRules, LimitMs } from '../domain/drive-time-rules.ts';
import type { LineupRule, LineupRules } from '../domain/lineup-rules.ts';
import type { PointsScale, PointsSystem } from '../domain/points.ts';
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
import { formatDuration, formatRaceTime } from './race-time.ts';
import { SEASON_FORMAT } from './season-file-schema.ts';
import { invitationsOf } from './season-file-invitations.ts';
import { classificationRulesOf } from './season-file-classification.ts';

/** Writes a season file. Scheduled durations are written in whole minutes, as the format counts them. */
export function serializeSeasonFile(season: Season): string {
  const doc = new Document();
  const flow = (value: unknown): Node => doc.createNode(value, { flow: true });
  doc.contents = doc.createNode(
    defined({
      format: SEASON_FORMAT,
      id: season.id,
      series: season.series,
      season: quoted(season.season),
      notes: season.notes.length > 0 ? season.notes : undefined,
      points: pointsOf(season.points, flow),
      tieBreakers: tieBreakersOf(season.tieBreakers, flow),
      poleRule: season.poleRule && flow(season.poleRule),
      classification: season.classificationRules && classificationRulesOf(season.classificationRules, flow),
      classes: classesOf(season.classes, flow),
      lineupRules: season.lineupRules && lineupRulesOf(season.lineupRules, flow),
      driveTime: season.driveTimeRules && driveTimeOf(season.driveTimeRules, flow),
      invitations: season.invitationRules && invitationsOf(season.invitationRules, flow),
      rounds: season.rounds.map((round) => flow(roundOf(round))),
      entries: season.entries.map((entry) => entryOf(entry, flow)),
      races: season.races.length > 0 ? season.races.map((race) => raceOf(race, flow)) : undefined,
    }),
  );
  // lineWidth 0: never fold a long line, so each round or result stays on the line it is on.
  return doc.toString({ lineWidth: 0 });
}

/**
 * Text written quoted: the season's name, as the format's documentation writes it (`"2019-20"` is
 * text), and race times, which a YAML 1.1 reader would take for a sexagesimal number
 * (`4:01:12.694` is 14472.694 there).
 */
function quoted(text: string): Scalar {
  const scalar = new Scalar(text);
  scalar.type = 'QUOTE_DOUBLE';
  return scalar;
}

type Flow = (value: unknown) => Node;

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function scaleOf(scale: Partial<PointsScale>, flow: Flow): object {
  return defined({
    positions: scale.positions && flow(scale.positions),
    otherClassified: scale.otherClassified,
    pole: scale.pole,
    scoringStatuses: scale.scoringStatuses && flow(scale.scoringStatuses),
  });
}

function pointsOf(points: PointsSystem, flow: Flow): object {
  const classes = Object.entries(points.classes).map(([id, scale]): [string, Node] => [id, flow(scaleOf(scale, flow))]);
  return {
    ...scaleOf(
      {
        positions: points.positions,
        otherClassified: points.otherClassified === 0 ? undefined : points.otherClassified,
        pole: points.pole === 0 ? undefined : points.pole,
        scoringStatuses: sameList(points.scoringStatuses, ['Classified']) ? undefined : points.scoringStatuses,
      },
      flow,
    ),
    ...(classes.length > 0 && { classes: Object.fromEntries(classes) }),
  };
}

function tieBreakersOf(rules: TieBreakRules, flow: Flow): Node | undefined {
  if (!sameList(rules.teams, rules.drivers) || rules.deadHeat !== undefined) {
    return flow({
      teams: rules.teams,
      drivers: rules.drivers,
      ...(rules.deadHeat ? { deadHeat: rules.deadHeat } : {}),
    });
  }
  return sameList(rules.teams, ['countback']) ? undefined : flow(rules.teams);
}

function classesOf(classes: readonly CarClass[], flow: Flow): Node | Node[] {
  const short = (c: CarClass): boolean => c.name === c.id && c.alsoClassifiedIn.length === 0;
  if (classes.every(short)) return flow(classes.map((c) => c.id));
  return classes.map((c) =>
    short(c)
      ? flow(c.id)
      : flow(defined({ ...c, alsoClassifiedIn: c.alsoClassifiedIn.length > 0 ? c.alsoClassifiedIn : undefined })),
  );
}

function roundOf(round: Round): object {
  return defined({
    round: round.round,
    name: round.name,
    circuit: round.circuit,
    country: round.country,
    date: round.date,
    duration: round.scheduledDurationMs === undefined ? undefined : formatDuration(round.scheduledDurationMs),
    meeting: round.meeting,
    pointsMultiplier: round.pointsMultiplier === 1 ? undefined : round.pointsMultiplier,
  });
}

function entryOf(entry: Entry, flow: Flow): object {
  return defined({
    car: entry.car,
    class: entry.class,
    team: entry.team,
    nationality: entry.nationality,
    carModel: entry.carModel,
    eligible: entry.eligible ? undefined : false,
    drivers: entry.drivers.map((member) => flow(memberOf(member))),
    teamNames: entry.teamNames?.map((name) => flow(name)),
  });
}

function memberOf(member: CrewMember): object {
  return defined({
    name: member.name,
    nationality: member.nationality,
    rating: member.rating,
    rounds: member.rounds,
    aliases: member.aliases,
  });
}

function raceOf(race: Race, flow: Flow): object {
  const poles = Object.entries(race.poles).map(([id, cars]) => [id, cars.length === 1 ? cars[0] : cars]);
  return defined({
    round: race.round,
    state: race.state,
    classification: race.classification?.map((line) => flow(lineOf(line))),
    poles: poles.length > 0 ? flow(Object.fromEntries(poles)) : undefined,
  });
}

function lineOf(line: ClassificationLine): object {
  return defined({
    car: line.car,
    status: line.status === 'Classified' ? undefined : line.status,
    laps: line.laps,
    time: line.totalTimeMs === undefined ? undefined : quoted(formatRaceTime(line.totalTimeMs)),
    bestLap: line.bestLapMs === undefined ? undefined : quoted(formatRaceTime(line.bestLapMs)),
    drivers: line.drivers,
  });
}

/** One line per rule; a section with no rules stays in the file as `{}`. */
function lineupRulesOf(rules: LineupRules, flow: Flow): object {
  const list = (items: readonly LineupRule[]) => items.map((rule) => flow(defined({ ...rule })));
  const classes = Object.entries(rules.classes).map(([id, items]): [string, Node[]] => [id, list(items)]);
  const section = defined({
    allClasses: rules.allClasses.length > 0 ? list(rules.allClasses) : undefined,
    classes: classes.length > 0 ? Object.fromEntries(classes) : undefined,
  });
  return Object.keys(section).length > 0 ? section : flow({});
}

/** Defaults first, then one line per class; limits in whole minutes, as the format writes durations. */
function driveTimeOf(book: DriveTimeRuleBook, flow: Flow): object {
  const classes = Object.entries(book.classes).map(([id, rules]): [string, Node] => [
    id,
    flow(driveTimeLimitsOf(rules)),
  ]);
  return {
    ...defined({ pitTime: book.pitTime === 'counted' ? undefined : book.pitTime }),
    ...driveTimeLimitsOf(book.default, flow),
    ...(classes.length > 0 && { classes: Object.fromEntries(classes) }),
  };
}

function driveTimeLimitsOf(rules: DriveTimeRules, flow?: Flow): object {
  const limit = (value: LimitMs | undefined): unknown => {
    if (typeof value !== 'object') return value === undefined ? undefined : formatDuration(value);
    const perRating = Object.fromEntries(
      Object.entries(value).flatMap(([rating, ms]) => (ms === undefined ? [] : [[rating, formatDuration(ms)]])),
    );
    return flow ? flow(perRating) : perRating;
  };
  return defined({
    maxPerDriver: limit(rules.maxPerDriverMs),
    minPerDriver: limit(rules.minPerDriverMs),
    maxStint: limit(rules.maxStintMs),
  });
}
