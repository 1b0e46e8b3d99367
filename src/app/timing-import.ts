import type { ClassificationLine, Race, Season } from '../domain/season.ts';
import { findDriver } from '../domain/driver-identity.ts';
import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import type { ProvisionalClassification } from '../formats/timing/classification-csv.ts';
import type { TimingIssue } from '../formats/timing/timing-csv.ts';
import { timingIssue } from '../formats/timing/timing-csv.ts';

export interface TimingImportReport {
  readonly race: Race;
  /** Drivers the timing names who are not in the car's crew: reported, never invented. */
  readonly unknownDrivers: readonly { readonly car: string; readonly driver: string }[];
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
