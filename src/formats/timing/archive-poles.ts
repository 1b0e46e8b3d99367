/**
 * The poles a season's pole rule (domain/pole-rule.ts) derives from the qualifying files of its
 * timing archive, and a report line for each pole it cannot derive — it never guesses. A race's
 * grid is the qualifying results' own order when it is set by the best lap (deleted laps are
 * already out of it); by the second-best valid lap it needs the session's lap analysis, where an
 * in-lap or out-lap is not a timed lap and a lap faster than the car's official best must have
 * been deleted. Pure.
 */
import type { GridLap, PoleRule, QualifyingCar } from '../../domain/pole-rule.ts';
import { gridOrder } from '../../domain/pole-rule.ts';
import type { Entry } from '../../domain/season.ts';
import { formatTimingTime } from './timing-time.ts';
import type { PlannedMeeting, PlannedRound, QualifyingSession } from './timing-archive.ts';

export interface ArchivePoles {
  /** Per round, per class, the qualifying order of the cars (the first is the pole). */
  readonly poles: ReadonlyMap<number, Readonly<Record<string, readonly string[]>>>;
  readonly report: readonly string[];
}

const LAP_WORDS: Readonly<Record<GridLap, string>> = {
  'best-lap': 'best lap',
  'second-best-lap': 'second-best valid lap',
};

/** Which sessions set the round's grid, and by which lap; or why that cannot be told. */
function gridSource(
  meeting: PlannedMeeting,
  round: PlannedRound,
  rule: PoleRule | undefined,
): { sessions: readonly QualifyingSession[]; lap: GridLap } | { why: string } {
  if (meeting.qualifying.length === 0) return { why: `no qualifying result of ${meeting.event} is among the files` };
  // A session named for this race (`qualifying … race 2`, as in 2022) sets its grid by the best lap.
  const own = meeting.qualifying.filter((s) => s.results.name.race === round.raceOfMeeting);
  if (own.length > 0) return { sessions: own, lap: 'best-lap' };
  const shared = meeting.qualifying.filter((s) => s.results.name.race === undefined);
  if (shared.length === 0) return { why: `no qualifying of ${meeting.event} is for race ${round.raceOfMeeting}` };
  if (meeting.rounds.length === 1) return { sessions: shared, lap: 'best-lap' };
  if (rule?.qualifying !== 'per-meeting') {
    const given = rule === undefined ? 'no pole rule is given (--preset)' : 'the pole rule has one session per race';
    return { why: `${meeting.event} has one qualifying for ${meeting.rounds.length} races and ${given}` };
  }
  const lap = rule.grids[round.raceOfMeeting - 1];
  if (lap === undefined) return { why: `the pole rule names no lap for race ${round.raceOfMeeting} of a meeting` };
  return { sessions: shared, lap };
}

/** The name the archive gives a session's lap analysis: its results file's, ending `-laps.csv`. */
const lapsFileOf = (resultsPath: string): string =>
  (resultsPath.split(/[\\/]/).pop() ?? resultsPath).replace(/-results\.csv$/i, '-laps.csv');

/** A car's valid qualifying laps from the lap analysis, and the laps taken as deleted. */
function validLaps(
  session: QualifyingSession,
  car: string,
  officialBestMs: number | undefined,
): { times: number[]; deleted: string[]; mismatch?: string } {
  const laps = (session.laps?.laps.laps ?? []).filter(
    (l) => l.car === car && !l.crossedInPit && l.pitTimeMs === undefined,
  );
  const deleted = laps.filter((l) => officialBestMs !== undefined && l.lapTimeMs < officialBestMs);
  const times = laps.filter((l) => !deleted.includes(l)).map((l) => l.lapTimeMs);
  const mismatch =
    officialBestMs !== undefined && !times.includes(officialBestMs)
      ? `#${car}'s best lap in the results (${formatTimingTime(officialBestMs)}) is not in the lap analysis`
      : undefined;
  return {
    times,
    deleted: deleted.map((l) => `#${car} lap ${l.lap} (${formatTimingTime(l.lapTimeMs)})`),
    ...(mismatch !== undefined && { mismatch }),
  };
}

/** The class's grid by the lap given, or why it cannot be set. */
function classGrid(
  sessions: readonly QualifyingSession[],
  classId: string,
  lap: GridLap,
  entries: ReadonlyMap<string, Entry>,
): { order: string[]; notes: string[] } | { why: string } {
  // A car counts in its entry's class; a class is qualified in one session.
  const inClass = (s: QualifyingSession) =>
    s.results.qualifying.lines.filter((l) => (entries.get(l.car)?.class ?? l.class) === classId);
  const covering = sessions.filter((s) => inClass(s).length > 0);
  const [session] = covering;
  if (!session) return { why: `no qualifying result has ${classId} cars` };
  if (covering.length > 1) return { why: `${covering.length} qualifying sessions have ${classId} cars` };
  const lines = inClass(session);
  if (lap === 'best-lap')
    return { order: lines.filter((l) => l.bestLapTimeMs !== undefined).map((l) => l.car), notes: [] };
  if (!session.laps) {
    return {
      why:
        "the grid is each car's second-best valid qualifying lap, and the session's lap analysis " +
        `(${lapsFileOf(session.results.path)}) is not among the files`,
    };
  }
  const notes: string[] = [];
  const cars: QualifyingCar[] = [];
  for (const line of lines) {
    const laps = validLaps(session, line.car, line.bestLapTimeMs);
    if (laps.mismatch) return { why: `${laps.mismatch} (${session.laps.path}): its valid laps cannot be told` };
    if (laps.deleted.length > 0)
      notes.push(`${laps.deleted.join(', ')} faster than the car's best in the results: taken as deleted`);
    cars.push({ car: line.car, class: classId, validLapTimesMs: laps.times });
  }
  return { order: gridOrder(cars, lap)[classId] ?? [], notes };
}

/**
 * Every pole the rule derives: per round, per class of the cars classified in it. A pole that
 * cannot be derived is one report line, naming the round, the class and why.
 */
export function archivePoles(
  meetings: readonly PlannedMeeting[],
  entries: readonly Entry[],
  classes: readonly string[],
  rule: PoleRule | undefined,
): ArchivePoles {
  const byCar = new Map(entries.map((e) => [e.car, e]));
  const poles = new Map<number, Record<string, string[]>>();
  const report: string[] = [];
  for (const meeting of meetings) {
    for (const round of meeting.rounds) {
      const raced = new Set(round.classification.classification.lines.map((l) => byCar.get(l.car)?.class));
      const where = `round ${round.round} (${round.name})`;
      const source = gridSource(meeting, round, rule);
      const roundPoles: Record<string, string[]> = {};
      for (const classId of classes.filter((c) => raced.has(c))) {
        if ('why' in source) {
          report.push(`${where}: no ${classId} pole: ${source.why}`);
          continue;
        }
        const grid = classGrid(source.sessions, classId, source.lap, byCar);
        if ('why' in grid) {
          report.push(`${where}: no ${classId} pole (${LAP_WORDS[source.lap]}): ${grid.why}`);
          continue;
        }
        report.push(...grid.notes.map((note) => `${where}, ${classId}: ${note}`));
        if (grid.order.length > 0) roundPoles[classId] = grid.order;
        else report.push(`${where}: no ${classId} pole: no ${classId} car has a ${LAP_WORDS[source.lap]}`);
      }
      poles.set(round.round, roundPoles);
    }
  }
  return { poles, report };
}
