/**
 * The live view of a race (./view.ts) from its state and the season: running order, gaps, sector
 * bests, drive-time warnings and live standings. Pure, no clock: "now" is the race time of the
 * latest crossing (`RaceState.elapsedMs`).
 *
 * Positions and statuses come from `liveClassification` under the season's classification rule
 * (domain/classification-rules.ts; the ACO's when the season gives none); the race is `final` once
 * the chequered flag has been seen (some car crossed with FF). Between the leader's flag and a
 * car's own last crossing, that car has not taken the flag yet but is usually still running its
 * last lap. The final-phase rule: a car that has not taken the flag is shown as if it took it now
 * (Classified, or NC when short of the rule's distance) while the latest race time is at most
 * `RETIRED_AFTER_BEST_LAPS` (3) times its own best lap beyond its last crossing; only after that
 * does the rule say what it gets for not taking the flag (ACO: Ret; IMSA: ranked on its laps).
 * Three best laps leave room for a slow last lap under yellow and a stop in the pit lane; a car
 * that stopped hours before the end (Le Mans 2024: every retirement) is treated so at once.
 *
 * Gaps are to the overall leader (position 1) and, for intervals, to the car one class position
 * ahead; times only when both cars are on the same lap (else null). A car behind on the order with
 * more laps (a retired car behind a classified one) shows a negative lap gap, as it stands.
 *
 * Drive-time warnings (`season.driveTimeRules`, limits per rating looked up in the car's crew by
 * the timing's driver name, case-insensitively): `maxPerDriver` is checked on every driver's total
 * so far; `maxStint` is `exceeded` when any stint of the driver went over the limit, and
 * `approaching` only for the driver in the car, on the current stint. `approaching` means within
 * `warnBeforeMs` (default 10 minutes) of the limit, `exceeded` strictly over it.
 */
import type { ClassificationLine, CrewMember, Entry, Season } from '../domain/season.ts';
import type { LimitMs } from '../domain/drive-time-rules.ts';
import { rulesForClass } from '../domain/drive-time-rules.ts';
import type { Rating } from '../domain/vocabulary.ts';
import {
  ACO_CLASSIFICATION,
  describeClassificationRules,
  RUNNING_WITHIN_BEST_LAPS,
} from '../domain/classification-rules.ts';
import type { CarState, LiveLine, RaceState } from './race-state.ts';
import { liveClassification } from './race-state.ts';
import { liveStandings } from './live-standings.ts';
import type { DriveTimeWarning, LiveCar, LiveView } from './view.ts';

/** A car without the flag is shown Ret once the race is this many of its best laps past its last crossing. */
export const RETIRED_AFTER_BEST_LAPS = RUNNING_WITHIN_BEST_LAPS;

export const DEFAULT_WARN_BEFORE_MS = 10 * 60 * 1000;

export interface LiveViewOptions {
  /** How long before a drive-time maximum a warning is `approaching` (default 10 minutes). */
  readonly warnBeforeMs?: number;
}

/** True when the car, not yet under the flag, counts as still running at the latest race time. */
export function stillRunning(car: CarState, nowMs: number): boolean {
  return !car.finished && nowMs - car.elapsedMs <= RETIRED_AFTER_BEST_LAPS * car.bestLapMs;
}

/** The state the classification is read from: once final, cars still running are treated as under the flag. */
function classifiedState(state: RaceState, final: boolean): RaceState {
  if (!final) return state;
  let cars: Record<string, CarState> | undefined;
  for (const car of Object.values(state.cars)) {
    if (stillRunning(car, state.elapsedMs)) {
      cars ??= { ...state.cars };
      cars[car.car] = { ...car, finished: true };
    }
  }
  return cars ? { ...state, cars } : state;
}

const names = new Intl.Collator(undefined, { sensitivity: 'accent' });
const sameName = (a: string, b: string) => names.compare(a, b) === 0;

function crewMember(entry: Entry | undefined, driver: string): CrewMember | undefined {
  return entry?.drivers.find((d) => sameName(d.name, driver));
}

function limitOf(limit: LimitMs | undefined, rating: Rating | undefined): number | undefined {
  if (typeof limit === 'number' || limit === undefined) return limit;
  return rating === undefined ? undefined : limit[rating];
}

function warningsOf(
  season: Season,
  cars: readonly CarState[],
  entries: ReadonlyMap<string, Entry>,
  warnBeforeMs: number,
): Record<string, DriveTimeWarning> {
  const book = season.driveTimeRules;
  const warnings: Record<string, DriveTimeWarning> = {};
  if (!book) return warnings;
  for (const car of cars) {
    const rules = rulesForClass(book, car.class);
    if (rules.maxPerDriverMs === undefined && rules.maxStintMs === undefined) continue;
    const entry = entries.get(car.car);
    for (const [timingName, time] of Object.entries(car.drivers)) {
      const member = crewMember(entry, timingName);
      const driver = member?.name ?? timingName;
      const add = (
        rule: DriveTimeWarning['rule'],
        limitMs: number,
        actualMs: number,
        level: DriveTimeWarning['level'],
      ) => {
        warnings[`${car.car}|${driver}|${rule}`] = { car: car.car, driver, rule, limitMs, actualMs, level };
      };
      const maxTotal = limitOf(rules.maxPerDriverMs, member?.rating);
      if (maxTotal !== undefined) {
        if (time.driveTimeMs > maxTotal) add('maxPerDriver', maxTotal, time.driveTimeMs, 'exceeded');
        else if (time.driveTimeMs >= maxTotal - warnBeforeMs)
          add('maxPerDriver', maxTotal, time.driveTimeMs, 'approaching');
      }
      const maxStint = limitOf(rules.maxStintMs, member?.rating);
      if (maxStint !== undefined) {
        const current = car.driver === timingName;
        if (time.longestStintMs > maxStint) add('maxStint', maxStint, time.longestStintMs, 'exceeded');
        else if (current && car.stintMs >= maxStint - warnBeforeMs)
          add('maxStint', maxStint, car.stintMs, 'approaching');
      }
    }
  }
  return warnings;
}

/**
 * The classification line the standings score: drivers named as in the entry when every driver
 * who drove matches a crew member (case-insensitively); otherwise none, so every driver entered
 * for the round is credited, as for an imported classification without drivers.
 */
function standingsLine(line: LiveLine, entry: Entry | undefined): ClassificationLine {
  const { car } = line;
  const drove = Object.keys(car.drivers).map((name) => crewMember(entry, name)?.name);
  const drivers = drove.every((d) => d !== undefined) && drove.length > 0 ? drove : undefined;
  return {
    car: car.car,
    status: line.status,
    laps: car.laps,
    totalTimeMs: car.elapsedMs,
    ...(drivers ? { drivers } : {}),
  };
}

const lapGap = (ahead: CarState, car: CarState) => ahead.laps - car.laps;
const timeGap = (ahead: CarState, car: CarState) => (ahead.laps === car.laps ? car.elapsedMs - ahead.elapsedMs : null);

/** The whole live view of the round's race at the state's latest crossing. */
export function liveView(state: RaceState, season: Season, round: number, options: LiveViewOptions = {}): LiveView {
  const final = state.chequeredAtMs !== null;
  const rules = season.classificationRules ?? ACO_CLASSIFICATION;
  const lines = liveClassification(classifiedState(state, final), final, rules);
  const entries = new Map(season.entries.map((e) => [e.car, e]));
  const leader = lines[0]?.car;
  const classAhead = new Map<string, CarState>();
  const classLeader = new Map<string, CarState>();
  const cars: Record<string, LiveCar> = {};
  for (const line of lines) {
    const car = line.car;
    // Read the live state (not the classification's copy) for everything but the order.
    const live = state.cars[car.car] ?? car;
    const ahead = classAhead.get(car.class);
    const first = classLeader.get(car.class);
    cars[car.car] = {
      car: car.car,
      class: car.class,
      team: car.team,
      driver: live.driver,
      position: line.position,
      classPosition: line.classPosition,
      status: line.status,
      laps: car.laps,
      elapsedMs: car.elapsedMs,
      gapLaps: leader ? lapGap(leader, car) : 0,
      gapMs: leader ? timeGap(leader, car) : null,
      intervalLaps: ahead ? lapGap(ahead, car) : null,
      intervalMs: ahead ? timeGap(ahead, car) : null,
      classGapLaps: first ? lapGap(first, car) : null,
      classGapMs: first ? timeGap(first, car) : null,
      lastLapMs: live.lastLapMs,
      bestLapMs: live.bestLapMs,
      sectorsMs: live.sectorsMs,
      bestSectorsMs: live.bestSectorsMs,
      pitStops: live.pitStops,
      inPit: live.inPit,
      driveTimeMs: live.drivers[live.driver]?.driveTimeMs ?? 0,
      stintMs: live.stintMs,
    };
    classAhead.set(car.class, car);
    if (!first) classLeader.set(car.class, car);
  }
  const bestSectors: Record<string, readonly (number | null)[]> = {};
  for (const { id } of season.classes) bestSectors[id] = state.bestSectors[id] ?? [];
  Object.assign(bestSectors, state.bestSectors);

  return {
    race: {
      seasonId: season.id,
      seasonName: `${season.season} ${season.series}`,
      round,
      name: season.rounds.find((r) => r.round === round)?.name ?? `Round ${round}`,
      flag: state.flag,
      final,
      classificationRule: describeClassificationRules(rules),
      elapsedMs: state.elapsedMs,
      leaderLaps: leader?.laps ?? 0,
      events: state.events,
      rejected: state.rejected,
      classes: season.classes.map((c) => ({ id: c.id, name: c.name })),
    },
    cars,
    bestSectors,
    warnings: warningsOf(
      season,
      lines.map((l) => state.cars[l.car.car] ?? l.car),
      entries,
      options.warnBeforeMs ?? DEFAULT_WARN_BEFORE_MS,
    ),
    standings: liveStandings(
      season,
      round,
      lines.map((l) => standingsLine(l, entries.get(l.car.car))),
    ),
  };
}
