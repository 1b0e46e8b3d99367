import type { Entry, Season } from './season.ts';
import { classesOf, isEnteredFor } from './season.ts';
import type { ClassOutcome, ClassRound } from './classification.ts';
import { resultLabel, scoreClassRound } from './classification.ts';
import type { MilliPoints } from './points.ts';
import type { StandingsKind } from './vocabulary.ts';
import { rankRows } from './tie-breakers.ts';
import type { PointsAdjustment } from './decisions.ts';
import { appliesTo } from './decisions.ts';
import { toMilli } from './points.ts';

/** One round's cell of a standings row: class position or status, pole, points. */
export interface RoundCell {
  readonly round: number;
  /** Class position as a string ('1'), a status ('Ret', 'DNS'...), or null when not there. */
  readonly result: string | null;
  readonly pole: boolean;
  readonly points: MilliPoints;
  /** The place the championship credits (count-back counts it), null when none: see ClassOutcome. */
  readonly championshipPosition: number | null;
}

interface RowBase {
  readonly position: number;
  /** The total: the rounds' points less any stewards' deductions. */
  readonly points: MilliPoints;
  /** Points taken off by stewards' decisions (0 or negative). */
  readonly adjustment: MilliPoints;
  readonly rounds: readonly RoundCell[];
}

export interface TeamRow extends RowBase {
  readonly kind: 'teams';
  readonly car: string;
  readonly team: string;
  readonly nationality?: string;
  readonly carModel?: string;
}

export interface DriverRow extends RowBase {
  readonly kind: 'drivers';
  readonly driver: string;
  readonly nationality?: string;
  /** The cars the driver drove (or was entered in) in this class. */
  readonly cars: readonly string[];
}

export type StandingsRow = TeamRow | DriverRow;

export interface StandingsTable {
  readonly class: string;
  readonly kind: StandingsKind;
  readonly rows: readonly StandingsRow[];
}

/** Every round of the class that has been raced or qualified, scored once. */
function classRounds(season: Season, classId: string): ClassRound[] {
  return [...season.races].sort((a, b) => a.round - b.round).map((race) => scoreClassRound(season, race, classId));
}

function sumPoints(cells: readonly RoundCell[]): MilliPoints {
  return cells.reduce((total, cell) => total + cell.points, 0);
}

function deducted(
  adjustments: readonly PointsAdjustment[],
  classId: string,
  row: { car?: string; driver?: string },
): MilliPoints {
  const total = adjustments.filter((a) => appliesTo(a, classId, row)).reduce((sum, a) => sum + toMilli(a.points), 0);
  return total === 0 ? 0 : -total; // never -0: it would print and compare as a number of its own
}

const BLANK = (round: number): RoundCell => ({
  round,
  result: null,
  pole: false,
  points: 0,
  championshipPosition: null,
});

function cellOf(round: number, outcome: ClassOutcome | undefined): RoundCell {
  if (!outcome) return BLANK(round);
  return {
    round,
    result: resultLabel(outcome),
    pole: outcome.pole,
    points: outcome.points,
    championshipPosition: outcome.championshipPosition ?? null,
  };
}

/** The teams' championship of a class: one row per car entry. */
export function teamStandings(
  season: Season,
  classId: string,
  adjustments: readonly PointsAdjustment[] = season.pointsAdjustments ?? [],
): StandingsTable {
  return teamTable(season, classId, classRounds(season, classId), adjustments);
}

/**
 * The same table from the class's rounds already scored (in round order, as `scoreClassRound`
 * gives them), with the rows of `cars` only when given: the stewards' before/after re-scores the
 * one round a decision touches and orders the cars it moved, not the season (decision-impact.ts).
 */
export function teamTable(
  season: Season,
  classId: string,
  scored: readonly ClassRound[],
  adjustments: readonly PointsAdjustment[],
  cars?: ReadonlySet<string>,
): StandingsTable {
  const entries = season.entries.filter(
    (e) => (cars === undefined || cars.has(e.car)) && classesOf(season, e).includes(classId),
  );
  const rows = entries.map((entry) => {
    const cells = season.rounds.map((r) => {
      const classRound = scored.find((c) => c.round === r.round);
      return cellOf(
        r.round,
        classRound?.outcomes.find((o) => o.car === entry.car),
      );
    });
    const adjustment = deducted(adjustments, classId, { car: entry.car });
    return {
      kind: 'teams' as const,
      car: entry.car,
      team: entry.team,
      ...(entry.nationality ? { nationality: entry.nationality } : {}),
      ...(entry.carModel ? { carModel: entry.carModel } : {}),
      points: sumPoints(cells) + adjustment,
      adjustment,
      rounds: cells,
    };
  });
  return {
    class: classId,
    kind: 'teams',
    rows: rankRows(rows, season.tieBreakers.teams, (row) => row.car),
  };
}

/**
 * A driver's cell: the result of the car they drove, or `DNS` when they were entered for the
 * round but did not drive (they score nothing then, not even the pole point).
 */
function driverCell(
  round: number,
  driver: string,
  entries: readonly Entry[],
  classRound: ClassRound | undefined,
): RoundCell {
  const drove = classRound?.outcomes.find((o) => o.crew.includes(driver));
  if (drove) return cellOf(round, drove);
  const entered = entries.some(
    (e) =>
      e.drivers.some((d) => d.name === driver && isEnteredFor(d, round)) &&
      classRound?.outcomes.some((o) => o.car === e.car),
  );
  return entered ? { ...BLANK(round), result: 'DNS' } : BLANK(round);
}

/** The drivers' championship of a class: one row per driver entered in any of its cars. */
export function driverStandings(
  season: Season,
  classId: string,
  adjustments: readonly PointsAdjustment[] = season.pointsAdjustments ?? [],
): StandingsTable {
  const scored = classRounds(season, classId);
  const entries = season.entries.filter((e) => classesOf(season, e).includes(classId));
  const drivers = new Map<string, { nationality?: string; cars: string[] }>();
  for (const entry of entries) {
    for (const member of entry.drivers) {
      const known = drivers.get(member.name) ?? { cars: [] };
      if (!known.nationality && member.nationality) known.nationality = member.nationality;
      if (!known.cars.includes(entry.car)) known.cars.push(entry.car);
      drivers.set(member.name, known);
    }
  }
  const rows = [...drivers].map(([driver, info]) => {
    const cells = season.rounds.map((r) =>
      driverCell(
        r.round,
        driver,
        entries,
        scored.find((c) => c.round === r.round),
      ),
    );
    const adjustment = deducted(adjustments, classId, { driver });
    return {
      kind: 'drivers' as const,
      driver,
      ...(info.nationality ? { nationality: info.nationality } : {}),
      cars: info.cars,
      points: sumPoints(cells) + adjustment,
      adjustment,
      rounds: cells,
    };
  });
  return {
    class: classId,
    kind: 'drivers',
    rows: rankRows(rows, season.tieBreakers.drivers, (row) => row.driver),
  };
}

/** Every table of the season: for each class, teams then drivers. */
export function seasonStandings(
  season: Season,
  adjustments: readonly PointsAdjustment[] = season.pointsAdjustments ?? [],
): StandingsTable[] {
  return season.classes.flatMap((c) => [
    teamStandings(season, c.id, adjustments),
    driverStandings(season, c.id, adjustments),
  ]);
}
