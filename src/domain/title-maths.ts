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
import { compareKeys, crewmates, deadHeatCriterion } from './tie-breakers.ts';
import { enteredFor, mayHoldPole } from './title-field.ts';

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
  /** The rows level with it because they drove the same car (drivers): they share its verdicts. */
  readonly crewmates: readonly string[];
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

/**
 * The cars a team row or a driver scores with in a round: entered for it (a driver: that
 * driver entered) and eligible for points, in car-number order.
 */
export function carsOf(season: Season, classId: string, kind: StandingsKind, key: string, round: number): string[] {
  const entries = enteredFor(season, classId, round).filter((e) => e.eligible);
  if (kind === 'teams') return entries.filter((e) => e.car === key).map((e) => e.car);
  return entries.filter((e) => e.drivers.some((d) => d.name === key && isEnteredFor(d, round))).map((e) => e.car);
}

/** True when the class's pole of `round` is decided in `season`. */
export function poleDecided(season: Season, round: number, classId: string): boolean {
  return season.races.some((r) => r.round === round && (r.poles[classId] ?? []).length > 0);
}

const multiplierOf = (season: Season, round: number) =>
  season.rounds.find((r) => r.round === round)?.pointsMultiplier ?? 1;

/** The most points the row can still reach: a win in every round it can score in, and every open pole it may take. */
function maxPointsOf(season: Season, question: TitleQuestion, row: StandingsRow, rounds: readonly number[]) {
  const scale = scaleFor(season.points, question.classId);
  let total = row.points;
  for (const round of rounds) {
    const cars = carsOf(season, question.classId, question.kind, keyOf(row), round);
    if (cars.length === 0) continue;
    total += positionPoints(scale, 1, multiplierOf(season, round));
    const canTakePole = season.entries.some((e) => cars.includes(e.car) && mayHoldPole(e, question.classId));
    if (!poleDecided(season, round, question.classId) && canTakePole) total += polePoints(scale);
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
    ...enteredFor(season, classId, round)
      .filter((e) => !finishers.includes(e.car))
      .map((e) => ({ car: e.car, status: 'Ret' as const })),
  ];
  const open = decided === undefined || (decided.poles[classId] ?? []).length === 0;
  const poles = !open || poleCar === undefined ? (decided?.poles ?? {}) : { ...decided?.poles, [classId]: [poleCar] };
  return { round, classification, poles };
}

/** The season completed with the given races (replacing a qualifying-only race of the same round). */
export function completedWith(season: Season, races: readonly Race[]): Season {
  const rounds = new Set(races.map((r) => r.round));
  return { ...season, races: [...season.races.filter((r) => !rounds.has(r.round)), ...races] };
}

/**
 * The best remaining season for `key`: its car wins every round it can score in (and takes every
 * open pole it may) while every other car of the class retires. Nothing does better for it
 * against anyone: most points, most wins for the count-back, most poles. A pole its car may not
 * take still goes to someone: to the car that matters least, whose rows end with the fewest
 * points when no one else takes it.
 */
function bestCaseFor(season: Season, question: TitleQuestion, key: string, rounds: readonly number[]): Season {
  const plan = rounds.map((round) => {
    const car = carsOf(season, question.classId, question.kind, key, round)[0];
    const holders = enteredFor(season, question.classId, round)
      .filter((e) => mayHoldPole(e, question.classId))
      .map((e) => e.car);
    const open = !poleDecided(season, round, question.classId);
    return { round, car, holders, open, own: car !== undefined && holders.includes(car) };
  });
  const complete = (pole: (p: (typeof plan)[number]) => string | undefined) =>
    completedWith(
      season,
      plan.map((p) => raceWith(season, question.classId, p.round, p.car === undefined ? [] : [p.car], pole(p))),
    );
  const alone = complete((p) => (p.open && p.own ? p.car : undefined));
  if (plan.every((p) => !p.open || p.own || p.holders.length === 0)) return alone;
  const table = tableOf(alone, question.classId, question.kind);
  const weight = (car: string) =>
    Math.max(
      Number.NEGATIVE_INFINITY,
      ...table.filter((r) => (r.kind === 'teams' ? r.car === car : r.cars.includes(car))).map((r) => r.points),
    );
  const least = (holders: readonly string[]) =>
    [...holders].sort((a, b) => weight(a) - weight(b) || compareKeys(a, b))[0];
  return complete((p) => (!p.open ? undefined : p.own ? p.car : least(p.holders)));
}

/**
 * The champion rows of a final table: position 1. With a dead-heat rule that names a criterion,
 * `sure` keeps only the row asked about and its crewmates when rows of other cars share the top.
 */
function championIn(season: Season, question: TitleQuestion, key: string, sure: boolean): boolean {
  const table = tableOf(season, question.classId, question.kind);
  const row = table.find((r) => keyOf(r) === key);
  if (row?.position !== 1) return false;
  if (!sure || deadHeatCriterion(season.tieBreakers, season.tieBreakers[question.kind]) === undefined) return true;
  return table.every((r) => r.position !== 1 || r === row || crewmates(r, row));
}

export function labelOf(season: Season, classId: string, row: StandingsRow): string {
  if (row.kind === 'drivers') return row.driver;
  return carLabel(season, classId, row.car);
}

/** A car as sentences name it: its team, with the car number when the team has several in the class. */
export function carLabel(season: Season, classId: string, car: string): string {
  const entry = season.entries.find((e) => e.car === car);
  if (!entry) return `#${car}`;
  const sameTeam = season.entries.filter((e) => e.team === entry.team && classesOf(season, e).includes(classId));
  return sameTeam.length > 1 ? `${entry.team} #${car}` : entry.team;
}

/** The rows that drove the same car as `row` so far and are entered in the same cars from now on. */
function crewOf(
  season: Season,
  question: TitleQuestion,
  rows: readonly StandingsRow[],
  row: StandingsRow,
  rounds: readonly number[],
): string[] {
  if (row.kind === 'teams') return [];
  const cars = (key: string) =>
    rounds.map((round) => carsOf(season, question.classId, question.kind, key, round).join(' ')).join('|');
  const own = cars(keyOf(row));
  return rows.filter((r) => r !== row && crewmates(r, row) && cars(keyOf(r)) === own).map(keyOf);
}

/**
 * Every row of the table with its points, maximum, and whether it can still win or has
 * clinched. A row can win when it is champion in its own best case; it has clinched when it is
 * champion in every rival's best case (which is also its own worst case against that rival).
 * `verdicts` false: points and maxima only (the last round's verdicts come from its outcomes).
 */
export function titleFight(fullSeason: Season, question: TitleQuestion, verdicts = true): Contender[] {
  const season = seasonBefore(fullSeason, question.beforeRound, question.poleKnown);
  const rounds = remainingRounds(season, question.beforeRound);
  const rows = tableOf(season, question.classId, question.kind);
  const leaderPoints = Math.max(0, ...rows.map((r) => r.points));
  const maxima = new Map(rows.map((row) => [keyOf(row), maxPointsOf(season, question, row, rounds)]));
  const bestCases = new Map<string, Season>();
  const bestCase = (key: string) => {
    const known = bestCases.get(key) ?? bestCaseFor(season, question, key, rounds);
    bestCases.set(key, known);
    return known;
  };
  return rows.map((row) => {
    const key = keyOf(row);
    const maxPoints = maxima.get(key) ?? row.points;
    const canWin = verdicts && maxPoints >= leaderPoints && championIn(bestCase(key), question, key, false);
    // Only a row that can reach its points can take the title from it.
    const threats = rows.filter((r) => keyOf(r) !== key && (maxima.get(keyOf(r)) ?? r.points) >= row.points);
    const clinched = canWin && threats.every((rival) => championIn(bestCase(keyOf(rival)), question, key, true));
    return {
      key,
      label: labelOf(season, question.classId, row),
      points: row.points,
      maxPoints,
      canWin,
      clinched,
      crewmates: crewOf(season, question, rows, row, rounds),
    };
  });
}
