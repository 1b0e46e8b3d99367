/**
 * The poles a qualifying session's lap analysis decides under the season's pole rule: the grids
 * ordered by each car's second-best valid lap (race 2 of an ALMS meeting). A lap is timed unless
 * it ends in the pit lane (`B`, the in-lap) or leaves it (`PIT_TIME`, the out-lap). The lap
 * analysis does not mark the laps deleted for track limits; they are told from the qualifying
 * results, whose best lap leaves them out (a timed lap faster than the car's best there was
 * deleted), and from the laps race control names as deleted. What cannot be told is said, one
 * line each, and that class's pole is not set. Pure.
 */
import type { GridLap, QualifyingCar } from '../../domain/pole-rule.ts';
import { gridOrder, meetingRounds } from '../../domain/pole-rule.ts';
import { isEnteredFor } from '../../domain/poles.ts';
import type { Result } from '../../domain/result.ts';
import { err, ok } from '../../domain/result.ts';
import type { Round, Season } from '../../domain/season.ts';
import { clip } from '../text.ts';
import type { AnalysisLap } from './lap-analysis-csv.ts';
import { readTimingFileName } from './timing-file-name.ts';
import { formatTimingTime } from './timing-time.ts';

/** A lap race control says was deleted: `30:4` is car #30's lap 4. */
export interface DeletedLap {
  readonly car: string;
  readonly lap: number;
}

/** Each car's official best lap in the session's qualifying results; `null`: the car set no time. */
export interface OfficialBests {
  readonly file: string;
  readonly bestLapMs: ReadonlyMap<string, number | null>;
}

export interface LapAnalysisPoles {
  /** Per round and class, the order of the cars by the grid's lap (the first is the pole). */
  readonly poles: readonly { readonly round: number; readonly class: string; readonly cars: readonly string[] }[];
  /** A pole the file cannot set, one line each, with why. */
  readonly notSet: readonly string[];
  /** What was read into the poles: laps taken as deleted, cars without a second-best lap. */
  readonly notes: readonly string[];
}

const DELETED = /^\s*([^:,\s]{1,20})\s*:\s*([1-9]\d{0,3})\s*$/;

/**
 * Reads `30:4, 22:7` (car:lap, comma-separated): the laps race control deleted that the
 * qualifying results cannot show, such as a car's second-best lap.
 */
export function readDeletedLaps(text: string | undefined): Result<DeletedLap[], string> {
  if (text === undefined || text.trim() === '') return ok([]);
  const laps: DeletedLap[] = [];
  for (const part of text.split(',')) {
    const match = DELETED.exec(part);
    if (!match) return err(`deleted: expected laps as CAR:LAP, comma-separated (30:4,22:7), not "${clip(part)}"`);
    laps.push({ car: match[1] ?? '', lap: Number(match[2]) });
  }
  return ok(laps);
}

/** The laps named as deleted that the file does not have: a typo would otherwise count a deleted lap. */
export function unknownDeletedLaps(laps: readonly AnalysisLap[], deleted: readonly DeletedLap[]): string[] {
  return deleted
    .filter((d) => !laps.some((l) => l.car === d.car && l.lap === d.lap))
    .map((d) => `deleted: car #${clip(d.car)} has no lap ${d.lap} in the lap analysis`);
}

type Target = { readonly round: Round; readonly lap: GridLap } | { readonly round: Round; readonly why: string };

const SET_ELSEWHERE = 'the qualifying results set that pole (pitwall timing import …-results.csv)';

/** The rounds of the meeting and the lap that orders each grid, or why the lap analysis does not set it. */
function targets(season: Season, round: number, file: string): Target[] {
  const meeting = meetingRounds(season, round);
  const race = readTimingFileName(file)?.race;
  // A session named for a race (`qualifying … race 2`) orders that race's grid by the best lap.
  if (race !== undefined) {
    return meeting.map((r) => ({
      round: r,
      why: `the session is for race ${race}, ordered by the best lap: ${SET_ELSEWHERE}`,
    }));
  }
  const rule = season.poleRule;
  if (rule?.qualifying !== 'per-meeting') {
    const why =
      rule === undefined
        ? 'the season has no pole rule, so the grid is the best lap'
        : 'the pole rule has a session per race, ordered by the best lap';
    return meeting.map((r) => ({ round: r, why: `${why}: ${SET_ELSEWHERE}` }));
  }
  if (meeting.length === 1) {
    return meeting.map((r) => ({
      round: r,
      why: `the only race of its meeting is ordered by the best lap: ${SET_ELSEWHERE}`,
    }));
  }
  return meeting.map((r, i): Target => {
    const lap = rule.grids[i];
    if (lap === undefined) return { round: r, why: `the pole rule names no lap for race ${i + 1} of a meeting` };
    if (lap === 'best-lap') return { round: r, why: `race ${i + 1} is ordered by the best lap: ${SET_ELSEWHERE}` };
    return { round: r, lap };
  });
}

const at = (file: string, lap: AnalysisLap) => `${file}:${lap.line ?? 1}`;
const time = formatTimingTime;

/** A car's valid laps: timed, not named deleted, not faster than its official best; or why they cannot be told. */
function validLaps(
  file: string,
  car: string,
  laps: readonly AnalysisLap[],
  deleted: readonly DeletedLap[],
  bests: OfficialBests | undefined,
  notes: string[],
): { times: number[] } | { why: string } {
  const timed = laps.filter((l) => !l.crossedInPit && l.pitTimeMs === undefined);
  const named = timed.filter((l) => deleted.some((d) => d.car === car && d.lap === l.lap));
  for (const l of named)
    notes.push(`${at(file, l)}: #${car} lap ${l.lap} (${time(l.lapTimeMs)}) deleted by race control`);
  const left = timed.filter((l) => !named.includes(l));
  const best = bests?.bestLapMs.get(car);
  if (best === undefined) {
    const imported = bests ? ` (${bests.file} has no line for it)` : '';
    return {
      why:
        `#${car} has no best lap from the qualifying results${imported}: import the session's qualifying results ` +
        'first — the lap analysis does not mark the laps deleted for track limits, the results leave them out',
    };
  }
  if (best === null) {
    if (left.length > 0) notes.push(`#${car} set no time in the qualifying results: none of its laps counts`);
    return { times: [] };
  }
  const faster = left.filter((l) => l.lapTimeMs < best);
  for (const l of faster) {
    notes.push(
      `${at(file, l)}: #${car} lap ${l.lap} (${time(l.lapTimeMs)}) is faster than its best in the qualifying ` +
        `results (${time(best)}): taken as deleted`,
    );
  }
  const times = left.filter((l) => !faster.includes(l)).map((l) => l.lapTimeMs);
  if (!times.includes(best)) {
    return {
      why: `#${car}'s best lap in the qualifying results (${time(best)}) is not among its timed laps in ${file}: its valid laps cannot be told`,
    };
  }
  return { times };
}

/**
 * Every pole the lap analysis decides for the meeting of `round`, under the season's pole rule.
 * The cars are those of the file entered for that round, in the class of their entry.
 */
export function lapAnalysisPoles(
  season: Season,
  round: number,
  file: string,
  laps: readonly AnalysisLap[],
  options: { readonly bests?: OfficialBests; readonly deleted?: readonly DeletedLap[] } = {},
): LapAnalysisPoles {
  const deleted = options.deleted ?? [];
  const entries = new Map(season.entries.map((e) => [e.car, e]));
  const byCar = new Map<string, AnalysisLap[]>();
  for (const lap of laps) byCar.set(lap.car, [...(byCar.get(lap.car) ?? []), lap]);
  const poles: { round: number; class: string; cars: string[] }[] = [];
  const notSet: string[] = [];
  const notes: string[] = [];
  for (const target of targets(season, round, file)) {
    const where = `round ${target.round.round} (${target.round.name})`;
    if ('why' in target) {
      notSet.push(`${where}: ${target.why}`);
      continue;
    }
    for (const cls of season.classes.map((c) => c.id)) {
      const cars = [...byCar.keys()].filter((car) => entries.get(car)?.class === cls);
      if (cars.length === 0) continue;
      const classNotes: string[] = [];
      const qualifying: QualifyingCar[] = [];
      let why: string | undefined;
      for (const car of cars) {
        const entry = entries.get(car);
        if (!entry || !isEnteredFor(entry, target.round.round)) {
          classNotes.push(`#${car} is not entered for round ${target.round.round}: left out`);
          continue;
        }
        const valid = validLaps(file, car, byCar.get(car) ?? [], deleted, options.bests, classNotes);
        if ('why' in valid) {
          why = valid.why;
          break;
        }
        if (valid.times.length === 1) classNotes.push(`#${car} has one valid lap: no second-best, it starts behind`);
        qualifying.push({ car, class: cls, validLapTimesMs: valid.times });
      }
      if (why !== undefined) {
        notSet.push(`${where}: no ${cls} pole (second-best valid lap): ${why}`);
        continue;
      }
      notes.push(...classNotes);
      const order = gridOrder(qualifying, target.lap)[cls] ?? [];
      if (order.length > 0) poles.push({ round: target.round.round, class: cls, cars: order });
      else notSet.push(`${where}: no ${cls} pole: no ${cls} car has a second-best valid lap`);
    }
  }
  return { poles, notSet, notes: [...new Set(notes)] };
}
