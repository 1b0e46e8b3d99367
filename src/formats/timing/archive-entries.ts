/**
 * The entry list of a season built from its timing archive: every car of every classification
 * (and a car that qualified but has no line in its meeting's classifications), with its class,
 * the team's name round by round, and its crew round by round — one driver however the files
 * spell them (domain/driver-identity.ts) — rated and given a nationality from the qualifying
 * results. Pure; every decision the files do not settle is a line of the report.
 */
import type { CrewAppearance, DriverIdentity } from '../../domain/driver-identity.ts';
import { findDriver, identifyCrew, likeness, nameKey } from '../../domain/driver-identity.ts';
import type { CrewMember, Entry, TeamName } from '../../domain/season.ts';
import { compareKeys } from '../../domain/tie-breakers.ts';
import type { Rating } from '../../domain/vocabulary.ts';
import { listed, quote } from '../text.ts';
import type { QualifyingDriver } from './qualifying-csv.ts';
import type { PlannedMeeting } from './timing-archive.ts';

/** What the files say about a car at one round. */
interface CarAtRound {
  readonly round: number;
  readonly team: string;
  readonly class: string;
  readonly vehicle?: string;
  readonly drivers: readonly string[];
}

export interface ArchiveEntries {
  /** Class ids in the order they first appear. */
  readonly classes: readonly string[];
  readonly entries: readonly Entry[];
  readonly report: readonly string[];
}

/** Every car's rounds, as the classifications (or, for a car not classified, the qualifying) give them. */
function carsByRound(meetings: readonly PlannedMeeting[]): Map<string, CarAtRound[]> {
  const cars = new Map<string, CarAtRound[]>();
  const add = (car: string, at: CarAtRound) => cars.set(car, [...(cars.get(car) ?? []), at]);
  for (const meeting of meetings) {
    const classified = new Set<string>();
    for (const { round, classification } of meeting.rounds) {
      for (const line of classification.classification.lines) {
        classified.add(line.car);
        add(line.car, { round, team: line.team, class: line.class, vehicle: line.vehicle, drivers: line.drivers });
      }
    }
    // A car that qualified and then has no line in any race of the meeting: entered all the same.
    const qualified = new Set<string>();
    for (const line of meeting.qualifying.flatMap((s) => s.results.qualifying.lines)) {
      if (classified.has(line.car) || qualified.has(line.car)) continue;
      qualified.add(line.car);
      for (const { round } of meeting.rounds) {
        const drivers = line.drivers.map((d) => d.name);
        add(line.car, { round, team: line.team, class: line.class, vehicle: line.vehicle, drivers });
      }
    }
  }
  return cars;
}

/** The value of most rounds, the later one on a tie. */
function mostRounds<T>(rounds: readonly CarAtRound[], value: (at: CarAtRound) => T): T | undefined {
  const counts = new Map<T, number>();
  for (const at of rounds) counts.set(value(at), (counts.get(value(at)) ?? 0) + 1);
  let best: T | undefined;
  let most = 0;
  for (const at of rounds) {
    const count = counts.get(value(at)) ?? 0;
    if (count >= most) [best, most] = [value(at), count];
  }
  return best;
}

/** The team's name at its last round, and its other names with their rounds. */
function teamsOf(rounds: readonly CarAtRound[]): { team: string; teamNames: TeamName[] } {
  const team = rounds.at(-1)?.team ?? '';
  const others = new Map<string, number[]>();
  for (const at of rounds) if (at.team !== team) others.set(at.team, [...(others.get(at.team) ?? []), at.round]);
  return { team, teamNames: [...others].map(([name, list]) => ({ team: name, rounds: list })) };
}

/** A merge or a doubt about spellings, as a line of the report. */
function identityLines(findings: ReturnType<typeof identifyCrew>['findings']): string[] {
  const why = {
    spelling: 'spelled differently',
    'swapped-letters': 'two letters swapped',
    'shortened-surname': 'a double surname shortened',
    reversed: 'names the other way round',
  };
  return findings.map((f) =>
    f.kind === 'merged'
      ? `#${f.car}: ${listed(f.spellings, 10, quote)} are one driver (${why[f.likeness]}): kept ${quote(f.kept)}`
      : `#${f.car}: ${quote(f.spelling)} looks like ${listed(f.candidates, 10, quote)} but is not merged: ` +
        'they are in the crew at once, or it is like more than one driver; check the crews',
  );
}

interface Driver {
  name: string;
  aliases: string[];
  rounds: readonly number[];
  rating?: Rating;
  nationality?: string;
}

/**
 * One spelling for one person across the cars too: names that differ only in case, accents or
 * separators (a driver who changed cars, printed `Ling KANG` in one file and `Ling Kang` in
 * another) take the spelling of most rounds.
 */
function unifyAcrossCars(crews: ReadonlyMap<string, Driver[]>): string[] {
  const byKey = new Map<string, { car: string; driver: Driver }[]>();
  for (const [car, drivers] of crews) {
    for (const driver of drivers)
      byKey.set(nameKey(driver.name), [...(byKey.get(nameKey(driver.name)) ?? []), { car, driver }]);
  }
  const report: string[] = [];
  for (const holders of byKey.values()) {
    const spellings = [...new Set(holders.map((h) => h.driver.name))];
    if (spellings.length < 2) continue;
    const rounds = (s: string) =>
      holders.filter((h) => h.driver.name === s).reduce((n, h) => n + h.driver.rounds.length, 0);
    const kept = [...spellings].sort((a, b) => rounds(b) - rounds(a) || (a < b ? -1 : 1))[0] ?? '';
    for (const { driver } of holders) {
      if (driver.name === kept) continue;
      driver.aliases = [...new Set([...driver.aliases, driver.name])].sort();
      driver.name = kept;
    }
    const cars = [...new Set(holders.map((h) => `#${h.car}`))].join(', ');
    report.push(`${cars}: ${listed(spellings, 10, quote)} are one driver (spelled differently): kept ${quote(kept)}`);
  }
  return report;
}

/**
 * The crew member a qualifying file's name stands for: by spelling (case, accents, aliases), by
 * likeness, or by the same surname and first initial (`Thomas Dillmann` for `Tom DILLMANN`) —
 * each only when one member of the crew matches.
 */
function matchQualifying(crew: readonly Driver[], name: string): Driver | undefined {
  const spelled = findDriver(crew, name);
  if (spelled) return spelled;
  const alike = crew.filter((d) => [d.name, ...d.aliases].some((s) => likeness(s, name) !== undefined));
  if (alike.length === 1) return alike[0];
  const words = nameKey(name).split(' ');
  const [first, last] = [words[0]?.[0], words.at(-1)];
  const sameSurname = crew.filter((d) => {
    const own = nameKey(d.name).split(' ');
    return own.at(-1) === last && own[0]?.[0] === first;
  });
  return sameSurname.length === 1 ? sameSurname[0] : undefined;
}

/** Ratings and nationalities from the qualifying results, meeting by meeting (the latest holds). */
function rate(meetings: readonly PlannedMeeting[], crews: ReadonlyMap<string, Driver[]>): string[] {
  const report: string[] = [];
  for (const meeting of meetings) {
    const rounds = new Set(meeting.rounds.map((r) => r.round));
    for (const line of meeting.qualifying.flatMap((s) => s.results.qualifying.lines)) {
      const crew = (crews.get(line.car) ?? []).filter((d) => d.rounds.some((r) => rounds.has(r)));
      const unmatched: QualifyingDriver[] = [];
      for (const qualified of line.drivers) {
        const driver = matchQualifying(crew, qualified.name);
        if (!driver) {
          unmatched.push(qualified);
          continue;
        }
        if (qualified.rating) driver.rating = qualified.rating;
        if (qualified.nationality) driver.nationality = qualified.nationality;
      }
      if (unmatched.length > 0) {
        const names = listed(
          unmatched.map((d) => d.name),
          10,
          quote,
        );
        report.push(
          `#${line.car} at ${meeting.name}: the qualifying names ${names}, not in the crew of its classification ` +
            `(${
              listed(
                crew.map((d) => d.name),
                10,
                quote,
              ) || 'none'
            }): no rating or nationality taken from it`,
        );
      }
    }
  }
  return report;
}

/** The entry list of the season whose calendar is `meetings` (rounds numbered 1…`roundCount`). */
export function archiveEntries(meetings: readonly PlannedMeeting[], roundCount: number): ArchiveEntries {
  const cars = carsByRound(meetings);
  const classes: string[] = [];
  for (const at of [...cars.values()].flat().sort((a, b) => a.round - b.round)) {
    if (!classes.includes(at.class)) classes.push(at.class);
  }
  const report: string[] = [];
  const crews = new Map<string, Driver[]>();
  for (const [car, rounds] of cars) {
    const appearances: CrewAppearance[] = rounds.map((at) => ({ round: at.round, names: at.drivers }));
    const { drivers, findings } = identifyCrew(car, appearances);
    report.push(...identityLines(findings));
    crews.set(
      car,
      drivers.map((d: DriverIdentity) => ({ name: d.name, aliases: [...d.aliases], rounds: d.rounds })),
    );
  }
  report.push(...unifyAcrossCars(crews), ...rate(meetings, crews));

  const entries = [...cars].map(([car, rounds]): Entry => {
    const carClass = mostRounds(rounds, (at) => at.class) ?? '';
    const classesRun = [...new Set(rounds.map((at) => at.class))];
    if (classesRun.length > 1) {
      report.push(
        `#${car}: in ${listed(classesRun)} at different rounds: entered in ${carClass}, the class of most rounds`,
      );
    }
    const { team, teamNames } = teamsOf(rounds);
    const vehicle = rounds.at(-1)?.vehicle;
    return {
      car,
      class: carClass,
      team,
      ...(vehicle !== undefined && { carModel: vehicle }),
      eligible: true,
      drivers: (crews.get(car) ?? []).map((d): CrewMember => ({
        name: d.name,
        ...(d.nationality !== undefined && { nationality: d.nationality }),
        ...(d.rating !== undefined && { rating: d.rating }),
        rounds: d.rounds.length === roundCount ? 'all' : d.rounds,
        ...(d.aliases.length > 0 && { aliases: d.aliases }),
      })),
      ...(teamNames.length > 0 && { teamNames }),
    };
  });
  entries.sort((a, b) => classes.indexOf(a.class) - classes.indexOf(b.class) || compareKeys(a.car, b.car));
  return { classes, entries, report };
}
