/**
 * Who can still take a class's title, and who has clinched it, before a round (optionally with
 * that round's pole known). Every verdict is checked with the standings engine itself, on
 * seasons completed with the best outcome for each contender, so the season's points scale,
 * round multipliers and tie-breakers apply exactly as they will in the final table.
 */
import type { ClassificationLine, Race, Season } from './season.ts';
import { classesOf, isEnteredFor } from './season.ts';
import type { MilliPoints } from './points.ts';
import { polePoints, positionPoints, scaleFor } from './points.ts';
import type { StandingsKind } from './vocabulary.ts';
import { driverStandings, teamStandings } from './standings.ts';
import type { StandingsRow } from './standings.ts';

/** The question: a class's teams or drivers, before round `beforeRound`. */
export interface TitleQuestion {
  readonly classId: string;
  readonly kind: StandingsKind;
  readonly beforeRound: number;
  /** True when the round's qualifying is done: its poles (from the season's race) count. */
  readonly poleKnown: boolean;
}

/** One row of the title fight: a car (teams) or a driver (drivers). */
export interface Contender {
  /** Car number (teams) or driver name (drivers). */
  readonly key: string;
  /** How sentences name it: the team (with its car number when the team has several), or the driver. */
  readonly label: string;
  readonly points: MilliPoints;
  readonly maxPoints: MilliPoints;
  readonly canWin: boolean;
  readonly clinched: boolean;
}

/** The season as it stood before the round: earlier races, and the round's poles when known. */
export function seasonBefore(season: Season, beforeRound: number, poleKnown: boolean): Season {
  const races: Race[] = [];
  for (const race of season.races) {
    if (race.round < beforeRound) races.push(race);
    else if (race.round === beforeRound && poleKnown) races.push({ round: race.round, poles: race.poles });
  }
  return { ...season, races };
}

/** The rounds still to be raced, in order. */
export function remainingRounds(season: Season, beforeRound: number): number[] {
  return season.rounds
    .map((r) => r.round)
    .filter((r) => r >= beforeRound)
    .sort((a, b) => a - b);
}

/** The standings table of the kind asked for. */
export function tableOf(season: Season, classId: string, kind: StandingsKind): readonly StandingsRow[] {
  return (kind === 'teams' ? teamStandings(season, classId) : driverStandings(season, classId)).rows;
}

export const keyOf = (row: StandingsRow): string => (row.kind === 'teams' ? row.car : row.driver);

/** The cars of the class (its own and those also classified in it), in entry order. */
export function classCars(season: Season, classId: string): string[] {
  return season.entries.filter((e) => classesOf(season, e).includes(classId)).map((e) => e.car);
}

/** The class cars a team row or a driver scores with in a round (a driver: the cars entered for). */
export function carsOf(season: Season, classId: string, kind: StandingsKind, key: string, round: number): string[] {
  const entries = season.entries.filter((e) => classesOf(season, e).includes(classId) && e.eligible);
  if (kind === 'teams') return entries.filter((e) => e.car === key).map((e) => e.car);
  return entries.filter((e) => e.drivers.some((d) => d.name === key && isEnteredFor(d, round))).map((e) => e.car);
}

/** True when the pole of `round` is decided in `season` (its race is there, with or without a pole). */
export function poleDecided(season: Season, round: number): boolean {
  return season.races.some((r) => r.round === round);
}

/** The most points the row can still reach: a win in every round it can score in, and every open pole. */
function maxPointsOf(season: Season, question: TitleQuestion, row: StandingsRow, rounds: readonly number[]) {
  const scale = scaleFor(season.points, question.classId);
  let total = row.points;
  for (const round of rounds) {
    if (carsOf(season, question.classId, question.kind, keyOf(row), round).length === 0) continue;
    const multiplier = season.rounds.find((r) => r.round === round)?.pointsMultiplier ?? 1;
    total += positionPoints(scale, 1, multiplier);
    if (!poleDecided(season, round)) total += polePoints(scale);
  }
  return total;
}

/**
 * A race of `round` for the class: `finishers` classified in that order, every other class car
 * retired. The pole stays as decided, or goes to `poleCar` when still open.
 */
export function raceWith(
  season: Season,
  classId: string,
  round: number,
  finishers: readonly string[],
  poleCar?: string,
) {
  const decided = season.races.find((r) => r.round === round);
  const classification: ClassificationLine[] = [
    ...finishers.map((car) => ({ car, status: 'Classified' as const })),
    ...classCars(season, classId)
      .filter((car) => !finishers.includes(car))
      .map((car) => ({ car, status: 'Ret' as const })),
  ];
  const poles = decided ? decided.poles : poleCar === undefined ? {} : { [classId]: [poleCar] };
  return { round, classification, poles };
}

/** The season completed with the given races (replacing a qualifying-only race of the same round). */
export function completedWith(season: Season, races: readonly Race[]): Season {
  const rounds = new Set(races.map((r) => r.round));
  return { ...season, races: [...season.races.filter((r) => !rounds.has(r.round)), ...races] };
}

/**
 * The best remaining season for `key`: its car wins every round it can score in (and takes every
 * open pole) while every other car of the class retires. Nothing does better for it against
 * anyone: most points, most wins for the count-back, most poles.
 */
function bestCaseFor(season: Season, question: TitleQuestion, key: string, rounds: readonly number[]): Season {
  const races = rounds.map((round) => {
    const car = carsOf(season, question.classId, question.kind, key, round)[0];
    return raceWith(season, question.classId, round, car === undefined ? [] : [car], car);
  });
  return completedWith(season, races);
}

const championIn = (season: Season, question: TitleQuestion, key: string): boolean =>
  tableOf(season, question.classId, question.kind).find((row) => keyOf(row) === key)?.position === 1;

function labelOf(season: Season, classId: string, row: StandingsRow): string {
  if (row.kind === 'drivers') return row.driver;
  const sameTeam = season.entries.filter((e) => e.team === row.team && classesOf(season, e).includes(classId));
  return sameTeam.length > 1 ? `${row.team} #${row.car}` : row.team;
}

/**
 * Every row of the table with its points, maximum, and whether it can still win or has
 * clinched. A row can win when it is champion in its own best case; it has clinched when it is
 * champion in every rival's best case (which is also its own worst case against that rival).
 */
export function titleFight(fullSeason: Season, question: TitleQuestion): Contender[] {
  const season = seasonBefore(fullSeason, question.beforeRound, question.poleKnown);
  const rounds = remainingRounds(season, question.beforeRound);
  const rows = tableOf(season, question.classId, question.kind);
  const leaderPoints = Math.max(0, ...rows.map((r) => r.points));
  return rows.map((row) => {
    const key = keyOf(row);
    const maxPoints = maxPointsOf(season, question, row, rounds);
    const canWin = maxPoints >= leaderPoints && championIn(bestCaseFor(season, question, key, rounds), question, key);
    const clinched =
      canWin &&
      rows.every(
        (rival) =>
          keyOf(rival) === key || championIn(bestCaseFor(season, question, keyOf(rival), rounds), question, key),
      );
    return { key, label: labelOf(season, question.classId, row), points: row.points, maxPoints, canWin, clinched };
  });
}

/**
 * Which moment a title fight is asked about: `?beforeRound=N` (with `?pole=1` once its qualifying
 * is done), or by default the next round to race — for a finished season, the finale.
 */
export function titleQuestion(season: Season, beforeRound: string | undefined, pole: boolean) {
  const rounds = season.rounds.map((r) => r.round).sort((a, b) => a - b);
  if (beforeRound !== undefined) {
    const n = Number(beforeRound);
    return rounds.includes(n) ? { beforeRound: n, poleKnown: pole } : undefined;
  }
  const raced = (round: number) => season.races.some((r) => r.round === round && r.classification !== undefined);
  const next = rounds.find((r) => !raced(r));
  if (next !== undefined) return { beforeRound: next, poleKnown: season.races.some((r) => r.round === next) };
  const last = rounds[rounds.length - 1];
  return last === undefined ? undefined : { beforeRound: last, poleKnown: pole };
}
