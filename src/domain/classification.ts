import type { ClassificationLine, Entry, Race, Round, Season } from './season.ts';
import { classesOf, isEnteredFor } from './season.ts';
import type { Status } from './vocabulary.ts';
import type { MilliPoints } from './points.ts';
import { polePoints, positionPoints, scaleFor } from './points.ts';

/** One car's outcome in one class of one round: what the standings tables print and count. */
export interface ClassOutcome {
  readonly car: string;
  /** Absent when the car has no line in the classification (qualified only, or not there). */
  readonly status?: Status;
  /** Class position, for `Classified` cars only. */
  readonly position?: number;
  /**
   * The place the championship credits: the rank among the class's cars eligible for points that
   * scored a position (a car behind an ineligible winner is credited with the win). Absent when
   * the car took no such place.
   */
  readonly championshipPosition?: number;
  /** True when this car scored the class pole point. */
  readonly pole: boolean;
  readonly points: MilliPoints;
  /** The drivers credited with this round: those who drove, or everyone entered. */
  readonly crew: readonly string[];
}

/** The cars of a class's classification in one round, in finishing order, with their points. */
export interface ClassRound {
  readonly round: number;
  readonly classId: string;
  readonly outcomes: readonly ClassOutcome[];
}

/** The drivers who drove `entry` in a race: the line's list, or every driver entered for the round. */
export function crewFor(entry: Entry, round: number, line: ClassificationLine | undefined): string[] {
  if (line?.drivers) return [...line.drivers];
  return entry.drivers.filter((d) => isEnteredFor(d, round)).map((d) => d.name);
}

/**
 * Scores one class of one race. Class positions come from the overall order; points go to
 * eligible scoring cars in that order, so an ineligible car's points pass to the next eligible
 * car (ALMS 2022, United Autosports). The pole point goes to the first eligible car of the
 * class's qualifying order.
 */
export function scoreClassRound(season: Season, race: Race, classId: string): ClassRound {
  const round = findRound(season, race.round);
  const scale = scaleFor(season.points, classId);
  const inClass = (car: string) => {
    const entry = season.entries.find((e) => e.car === car);
    return entry !== undefined && classesOf(season, entry).includes(classId) ? entry : undefined;
  };
  const poleCar = (race.poles[classId] ?? []).find((car) => inClass(car)?.eligible === true);

  const outcomes: ClassOutcome[] = [];
  let position = 0;
  let rank = 0;
  for (const line of race.classification ?? []) {
    const entry = inClass(line.car);
    if (!entry) continue;
    const classified = line.status === 'Classified';
    if (classified) position += 1;
    let points = 0;
    const scores = entry.eligible && scale.scoringStatuses.includes(line.status);
    if (scores) {
      rank += 1;
      points = positionPoints(scale, rank, round.pointsMultiplier);
    }
    const pole = line.car === poleCar;
    outcomes.push({
      car: line.car,
      status: line.status,
      ...(classified ? { position } : {}),
      ...(scores ? { championshipPosition: rank } : {}),
      pole,
      points: points + (pole ? polePoints(scale) : 0),
      crew: crewFor(entry, race.round, line),
    });
  }
  const poleEntry = poleCar === undefined ? undefined : inClass(poleCar);
  if (poleEntry && !outcomes.some((o) => o.car === poleEntry.car)) {
    // Qualifying run, race not (yet) classified for this car: the pole point still stands.
    outcomes.push({
      car: poleEntry.car,
      pole: true,
      points: polePoints(scale),
      crew: crewFor(poleEntry, race.round, undefined),
    });
  }
  return { round: race.round, classId, outcomes };
}

function findRound(season: Season, round: number): Round {
  const found = season.rounds.find((r) => r.round === round);
  // The season file validator guarantees every race has a round; a miss is a bug.
  if (!found) throw new Error(`race for round ${round} has no round in the calendar`);
  return found;
}

/** The printed result of an outcome: the class position, or the status. */
export function resultLabel(outcome: ClassOutcome): string | null {
  if (outcome.position !== undefined) return String(outcome.position);
  return outcome.status ?? null;
}
