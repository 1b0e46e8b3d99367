import type { ClassificationLine, CrewMember, Race, Season } from '../domain/season.ts';
import { problemOf } from '../formats/problems.ts';
import { isEnteredFor } from '../domain/poles.ts';
import { findDriver } from '../domain/driver-identity.ts';
import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import type { ProvisionalClassification } from '../formats/timing/classification-csv.ts';
import type { TimingIssue } from '../formats/timing/timing-csv.ts';
import { timingIssue } from '../formats/timing/timing-csv.ts';
import { readTimingFileName } from '../formats/timing/timing-file-name.ts';
import type { Refusal } from '../domain/problem.ts';
import { refusal } from '../domain/problem.ts';

export interface TimingImportReport {
  readonly race: Race;
  /** Drivers the timing names who are not in the car's crew: reported, never invented. */
  readonly unknownDrivers: readonly { readonly car: string; readonly driver: string }[];
  /** The drivers the officer confirmed, entered for the round (checkRoundFit). */
  readonly crewChanges?: readonly string[];
}

/**
 * Maps a timing classification onto a season's round: every car must be in the entry list (an
 * unknown car is an error); drivers are matched to the crew by name or alias, ignoring case and
 * accents ("Roman RUSINOV" is Roman Rusinov; an alias is an old spelling the season file keeps). The poles already known for the round are kept, and the
 * results become provisional until the stewards publish them.
 */
export function raceFromTiming(
  season: Season,
  round: number,
  timing: ProvisionalClassification,
  file: string,
): Result<TimingImportReport, TimingIssue[]> {
  if (!season.rounds.some((r) => r.round === round)) {
    const rounds = season.rounds.map((r) => r.round).join(', ');
    return err([
      timingIssue(file, 1, 'round-out-of-range', `${season.id} has no round ${round} (rounds are ${rounds})`),
    ]);
  }
  const issues: TimingIssue[] = [];
  const unknownDrivers: { car: string; driver: string }[] = [];
  const lines: ClassificationLine[] = [];
  for (const line of timing.lines) {
    const entry = season.entries.find((e) => e.car === line.car);
    if (!entry) {
      issues.push(
        timingIssue(
          file,
          line.line,
          'unknown-car',
          `car #${line.car} (${line.team}) is not in the entry list of ${season.id}`,
          'NUMBER',
        ),
      );
      continue;
    }
    const drivers: string[] = [];
    for (const name of line.drivers) {
      // By name or alias, case and accents aside ("Roman RUSINOV" is Roman Rusinov), or surname first.
      const known = findDriver(entry.drivers, name)?.name;
      if (known) drivers.push(known);
      else unknownDrivers.push({ car: line.car, driver: name });
    }
    lines.push({
      car: line.car,
      status: line.status,
      laps: line.laps,
      ...(line.totalTimeMs !== undefined ? { totalTimeMs: line.totalTimeMs } : {}),
      ...(line.bestLap !== undefined ? { bestLapMs: line.bestLap.lapTimeMs } : {}),
      ...(drivers.length > 0 ? { drivers } : {}),
    });
  }
  if (issues.length > 0) return err(issues);
  const previous = season.races.find((r) => r.round === round);
  return ok({
    race: { round, state: 'provisional', classification: lines, poles: previous?.poles ?? {} },
    unknownDrivers,
  });
}

/** A car of a timing file and the crew it names, with what the file says of each driver. */
export interface FileCrew {
  readonly line: number;
  readonly car: string;
  readonly team?: string;
  readonly drivers: readonly Pick<CrewMember, 'name' | 'rating' | 'nationality'>[];
}

/** What the officer confirms with `?confirm=crew-changes` (`--confirm`): the rest is refused outright. */
export const CONFIRMABLE = new Set(['wrong-date', 'car-not-entered', 'driver-not-entered', 'driver-not-in-crew']);

/** A timing file refused: no such season, only lines to confirm, or lines refused — each listed with its line. */
export type TimingRefusal = Refusal<'not-found' | 'needs-confirmation' | 'bad-request'>;

/** The `?confirm=` value (`--confirm`) by which the officer accepts the lines a refusal listed. */
export const CONFIRM_CREW_CHANGES = 'crew-changes';

/** Are these refusals all lines the officer may confirm? */
export const onlyConfirmable = (issues: readonly TimingIssue[]): boolean =>
  issues.length > 0 && issues.every((i) => CONFIRMABLE.has(i.code));

export function timingRefusalOf(issues: readonly TimingIssue[]): TimingRefusal {
  const problems = issues.map(problemOf);
  const notFound = issues.find((i) => i.code === 'not-found');
  if (notFound) return refusal('not-found', notFound.message, problems);
  if (onlyConfirmable(issues)) {
    const message =
      `nothing imported: ${problems.length} line(s) to confirm with ?confirm=${CONFIRM_CREW_CHANGES} ` +
      '(pitwall timing import --confirm), which enters the drivers listed for the round';
    return refusal('needs-confirmation', message, problems);
  }
  return refusal('bad-request', 'nothing imported', problems);
}

export interface RoundFit {
  /** Lines no confirmation can make right (a car that is not in the entry list, a round that is not there). */
  readonly refused: readonly TimingIssue[];
  /** Lines the officer may confirm, one each: a date not the round's, a car or driver not entered for it. */
  readonly toConfirm: readonly TimingIssue[];
  /** The season with the crew changes confirming makes: each listed driver entered for the round. */
  readonly confirmed: Season;
  /** The crew changes in words, for the answer. */
  readonly crewChanges: readonly string[];
}

/** Days between two ISO dates. */
const daysApart = (a: string, b: string): number =>
  Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;

/** A qualifying may run two days before the race, a race finish the day after it started. */
const MAX_DAYS_APART = 2;

/**
 * Does a classification or qualifying file fit the round: its date (from the provider's file name
 * `YYYYMMDDhhmm-…`, when it has one) within two days of the round's, every car entered for the
 * round, every driver in that car's crew for the round. Every line at once; pure.
 */
export function checkRoundFit(season: Season, round: number, file: string, crews: readonly FileCrew[]): RoundFit {
  const own = season.rounds.find((r) => r.round === round);
  if (!own) {
    const rounds = season.rounds.map((r) => r.round).join(', ');
    const issue = timingIssue(
      file,
      1,
      'round-out-of-range',
      `${season.id} has no round ${round} (rounds are ${rounds})`,
    );
    return { refused: [issue], toConfirm: [], confirmed: season, crewChanges: [] };
  }
  const refused: TimingIssue[] = [];
  const toConfirm: TimingIssue[] = [];
  const crewChanges: string[] = [];
  const named = readTimingFileName(file);
  if (named && own.date !== undefined && daysApart(named.date, own.date) > MAX_DAYS_APART) {
    toConfirm.push(
      timingIssue(
        file,
        1,
        'wrong-date',
        `the file is of ${named.date}, round ${round} (${own.name}) is on ${own.date}`,
      ),
    );
  }
  const entries = new Map(season.entries.map((e) => [e.car, e]));
  for (const crew of crews) {
    const entry = entries.get(crew.car);
    if (!entry) {
      refused.push(
        timingIssue(
          file,
          crew.line,
          'unknown-car',
          `car #${crew.car}${crew.team ? ` (${crew.team})` : ''} is not in the entry list of ${season.id}`,
          'NUMBER',
        ),
      );
      continue;
    }
    if (!isEnteredFor(entry, round)) {
      toConfirm.push(
        timingIssue(file, crew.line, 'car-not-entered', `car #${crew.car} is not entered for round ${round}`, 'NUMBER'),
      );
    }
    const drivers = [...entry.drivers];
    for (const driver of crew.drivers) {
      const known = findDriver(drivers, driver.name);
      if (known && (known.rounds === 'all' || known.rounds.includes(round))) continue;
      if (known) {
        toConfirm.push(
          timingIssue(
            file,
            crew.line,
            'driver-not-entered',
            `#${crew.car} ${known.name} is in the crew but not entered for round ${round}`,
          ),
        );
        drivers[drivers.indexOf(known)] = {
          ...known,
          rounds: [...(known.rounds === 'all' ? [] : known.rounds), round].sort((a, b) => a - b),
        };
        crewChanges.push(`#${crew.car} ${known.name} entered for round ${round}`);
      } else {
        toConfirm.push(
          timingIssue(file, crew.line, 'driver-not-in-crew', `#${crew.car} ${driver.name} is not in the car's crew`),
        );
        drivers.push({ ...driver, rounds: [round] });
        crewChanges.push(`#${crew.car} ${driver.name} added to the crew for round ${round}`);
      }
    }
    entries.set(crew.car, { ...entry, drivers });
  }
  const confirmed = { ...season, entries: season.entries.map((e) => entries.get(e.car) ?? e) };
  return { refused, toConfirm, confirmed, crewChanges };
}
