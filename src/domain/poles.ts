import type { Issue, Result } from './result.ts';
import { err, ok } from './result.ts';
import type { Entry, Race, Season } from './season.ts';

/**
 * A class's pole as race control sets it: the pole car, or the qualifying order of the leading
 * cars (when the pole car scores no points, the next eligible car of the order takes the point).
 */
export interface PoleSetting {
  readonly class: string;
  readonly cars: readonly string[];
}

/** Is the car entered for this round: a driver of its crew is. */
export const isEnteredFor = (entry: Entry, round: number): boolean =>
  entry.drivers.some((d) => d.rounds === 'all' || d.rounds.includes(round));

/** May this car hold the pole of `cls`: its own class, or a class it is also classified in. */
const racesIn = (season: Season, entry: Entry, cls: string): boolean =>
  entry.class === cls || (season.classes.find((c) => c.id === entry.class)?.alsoClassifiedIn.includes(cls) ?? false);

/**
 * Checks poles to set for a round against the season: every class is the season's and named once,
 * every car is entered for that round in that class. Every problem at once, each with its place
 * in the request (`poles[1].car`).
 */
export function checkPoles(
  season: Season,
  round: number,
  poles: readonly PoleSetting[],
): Result<PoleSetting[], Issue[]> {
  const issues: Issue[] = [];
  if (!season.rounds.some((r) => r.round === round)) {
    const rounds = season.rounds.map((r) => r.round).join(', ');
    return err([
      { code: 'unknown-round', message: `${season.id} has no round ${round} (rounds are ${rounds})`, path: [] },
    ]);
  }
  if (poles.length === 0)
    issues.push({ code: 'empty', message: 'name at least one class and its pole car', path: ['poles'] });
  const seen = new Set<string>();
  poles.forEach((pole, i) => {
    if (!season.classes.some((c) => c.id === pole.class)) {
      const known = season.classes.map((c) => c.id).join(', ');
      issues.push({
        code: 'unknown-class',
        message: `no class "${pole.class}" (the season has ${known})`,
        path: ['poles', i, 'class'],
      });
      return;
    }
    if (seen.has(pole.class)) {
      issues.push({
        code: 'duplicate-class',
        message: `class ${pole.class} is named twice`,
        path: ['poles', i, 'class'],
      });
    }
    seen.add(pole.class);
    if (pole.cars.length === 0) issues.push({ code: 'empty', message: 'name the pole car', path: ['poles', i, 'car'] });
    const cars = new Set<string>();
    pole.cars.forEach((car, j) => {
      const path = pole.cars.length === 1 ? ['poles', i, 'car'] : ['poles', i, 'cars', j];
      const entry = season.entries.find((e) => e.car === car);
      if (!entry) issues.push({ code: 'unknown-car', message: `car #${car} is not in the entry list`, path });
      else if (!racesIn(season, entry, pole.class)) {
        issues.push({ code: 'wrong-class', message: `car #${car} is a ${entry.class} car, not ${pole.class}`, path });
      } else if (!isEnteredFor(entry, round)) {
        issues.push({ code: 'not-entered', message: `car #${car} is not entered for round ${round}`, path });
      } else if (cars.has(car)) issues.push({ code: 'duplicate-car', message: `car #${car} is named twice`, path });
      cars.add(car);
    });
  });
  return issues.length > 0 ? err(issues) : ok([...poles]);
}

/** The season with these poles for the round; the other classes' poles and the results stay. */
export function withPoles(season: Season, round: number, poles: readonly PoleSetting[]): Season {
  const race: Race = season.races.find((r) => r.round === round) ?? { round, poles: {} };
  const set = Object.fromEntries(poles.map((p) => [p.class, [...p.cars]]));
  const updated: Race = { ...race, poles: { ...race.poles, ...set } };
  const races = [...season.races.filter((r) => r.round !== round), updated].sort((a, b) => a.round - b.round);
  return { ...season, races };
}
