/**
 * What a change of the entry list may not do: contradict a result already imported. A round's
 * classification names the cars that took part and, line by line, the drivers who drove (or,
 * when it lists none, credits the crew entered for that round); a round's poles name cars entered
 * for it. Changing those after the fact would change a result without a stewards' decision, and
 * leave a season file that `import` refuses — so such a change is refused, saying why.
 */
import { checkLineups } from './lineup-rules.ts';
import type { LineupFinding } from './lineup-rules.ts';
import { isEnteredFor as carEnteredFor } from './poles.ts';
import type { Issue } from './result.ts';
import type { Entry, Season } from './season.ts';
import { isEnteredFor } from './season.ts';

/** The names of the drivers entered for the round, sorted. */
const crewAt = (entry: Entry | undefined, round: number): string[] =>
  (entry?.drivers ?? [])
    .filter((d) => isEnteredFor(d, round))
    .map((d) => d.name)
    .sort();

/** The rounds whose classification or poles name the car. */
function roundsWithResults(season: Season, car: string): number[] {
  return season.races
    .filter(
      (race) =>
        (race.classification ?? []).some((l) => l.car === car) ||
        Object.values(race.poles).some((cars) => cars.includes(car)),
    )
    .map((race) => race.round);
}

/**
 * Every way the car's entry in `after` contradicts the results of `before`: a car withdrawn from
 * a round it is classified in, a driver who drove a classified race taken out of that round's
 * crew, the crew a classification credits changed, a pole car no longer entered, the class of a
 * car that has results. Each issue at `path`, the request's field that caused it.
 */
export function resultConflicts(before: Season, after: Season, car: string, path: Issue['path']): Issue[] {
  const was = before.entries.find((e) => e.car === car);
  const now = after.entries.find((e) => e.car === car);
  const issues: Issue[] = [];
  if (was && now && was.class !== now.class) {
    const rounds = roundsWithResults(before, car);
    if (rounds.length > 0) {
      issues.push({
        code: 'has-results',
        message:
          `#${car} has results in ${was.class} (round${rounds.length > 1 ? 's' : ''} ${rounds.join(', ')}): its class cannot change ` +
          'once a classification or a pole names it',
        path: ['class'],
      });
    }
  }
  for (const race of before.races) {
    const round = race.round;
    const line = race.classification?.find((l) => l.car === car);
    const crew = crewAt(now, round);
    if (line && crew.length === 0) {
      issues.push({
        code: 'in-classification',
        message:
          `#${car} is in round ${round}'s classification (${line.status}): it took part, so it cannot be ` +
          `withdrawn from round ${round}; correct that classification first`,
        path,
      });
    } else if (line?.drivers) {
      for (const name of line.drivers) {
        const member = now?.drivers.find((d) => d.name === name || (d.aliases ?? []).includes(name));
        if (member && isEnteredFor(member, round)) continue;
        issues.push({
          code: 'drove-classified-race',
          message:
            `${name} drove #${car} at round ${round} (${line.status} in its classification): round ${round}'s ` +
            `crew must keep ${name}; correct that classification first`,
          path,
        });
      }
    } else if (line) {
      const credited = crewAt(was, round);
      if (credited.join('\n') !== crew.join('\n')) {
        issues.push({
          code: 'credited-crew',
          message:
            `round ${round}'s classification lists no drivers for #${car} (${line.status}): it credits the crew ` +
            `entered then (${credited.join(', ')}), which cannot change now; correct that classification first`,
          path,
        });
      }
    }
    for (const [cls, cars] of Object.entries(race.poles)) {
      if (!cars.includes(car) || (now && carEnteredFor(now, round))) continue;
      issues.push({
        code: 'holds-pole',
        message: `#${car} is in round ${round}'s ${cls} pole order: it must stay entered for round ${round}; set that round's poles first`,
        path,
      });
    }
  }
  return issues;
}

const findingKey = (f: LineupFinding): string => [f.car, f.round, f.rule, f.kind, f.crew].join('\n');

/** The line-up findings of these cars in `after` that `before` did not have. */
export function lineupFindingsBrought(before: Season, after: Season, cars: readonly string[]): LineupFinding[] {
  const only = (season: Season): Season => ({
    ...season,
    entries: season.entries.filter((e) => cars.includes(e.car)),
  });
  const had = new Set(checkLineups(only(before)).map(findingKey));
  return checkLineups(only(after)).filter((f) => !had.has(findingKey(f)));
}
