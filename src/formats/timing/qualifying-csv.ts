/**
 * An Al Kamel qualifying result (docs/timing-formats.md#qualifying-results): per car its place in
 * the session, its best lap, its team and class, and its crew with each driver's FIA rating
 * (`DRIVER1_LICENSE`: P, G, S, B) and nationality (`DRIVER1_COUNTRY`). `DRIVER1` is the first of
 * the crew, not the driver who set the time. Rows stop after the crew's last driver (a header of
 * 91 fields over rows of 76 or 71). Never throws for bad input.
 *
 * @example
 * const result = parseQualifyingCsv(bytes, '202412071015-qualifying-lmp2-and-lmp3-results.csv');
 * if (result.ok) for (const line of result.value.lines) console.log(line.class, line.car, line.bestLapTimeMs);
 */
import { ok } from '../../domain/result.ts';
import type { Result } from '../../domain/result.ts';
import type { Rating } from '../../domain/vocabulary.ts';
import { readCarLines, readTimingCsv } from './timing-csv.ts';
import type { CsvRow, TimingInput, TimingIssue, TimingTable } from './timing-csv.ts';
import { defined, fieldReader } from './timing-fields.ts';
import type { FieldReader } from './timing-fields.ts';

/** A driver of a qualifying result's crew. */
export interface QualifyingDriver {
  /** `FIRSTNAME SECONDNAME`, as the file writes them: `Giorgio Roda`. */
  readonly name: string;
  readonly rating?: Rating;
  /** ISO 3166-1 alpha-3; absent when the file has none (it writes `_`). */
  readonly nationality?: string;
}

/** One car of a qualifying session. */
export interface QualifyingLine {
  readonly line: number;
  /** Place in the session (all classes of the session together); absent when empty. */
  readonly position?: number;
  readonly car: string;
  readonly team: string;
  readonly class: string;
  readonly vehicle?: string;
  /** The official best lap: deleted laps are not counted. Absent for a car without a time. */
  readonly bestLapTimeMs?: number;
  /** The lap it was set on. */
  readonly bestLap?: number;
  readonly drivers: readonly QualifyingDriver[];
}

export interface QualifyingResult {
  /** In the file's order: the session's order. */
  readonly lines: readonly QualifyingLine[];
}

/** The FIA's driver categorisation, as the timing abbreviates it or writes it out. */
const RATINGS: Readonly<Record<string, Rating>> = {
  p: 'Platinum',
  platinum: 'Platinum',
  g: 'Gold',
  gold: 'Gold',
  s: 'Silver',
  silver: 'Silver',
  b: 'Bronze',
  bronze: 'Bronze',
};

/** Reads a qualifying result; every problem of the file at once, each with its line. */
export function parseQualifyingCsv(input: TimingInput, file: string): Result<QualifyingResult, TimingIssue[]> {
  const table = readTimingCsv(input, file, ['qualifying']);
  if (!table.ok) return table;
  const lines = readCarLines(table.value, file, readLine);
  return lines.ok ? ok({ lines: lines.value }) : lines;
}

function readLine(table: TimingTable, row: CsvRow, file: string, issues: TimingIssue[]): QualifyingLine | undefined {
  const before = issues.length;
  const f = fieldReader(table, row, file, issues);
  const car = f.required('NUMBER');
  const team = f.required('TEAM');
  const carClass = f.required('CLASS');
  const position = f.count('POS', 'a position such as 3');
  const bestLapTimeMs = f.time('TIME', "a lap time such as 1:53.197 or 1'53.197");
  const bestLap = f.count('LAP', 'a lap number such as 3');
  if (issues.length > before || !car || !team || !carClass) return undefined;
  return defined({
    line: row.line,
    position,
    car,
    team,
    class: carClass,
    vehicle: f.optional('VEHICLE'),
    bestLapTimeMs,
    bestLap,
    drivers: driversOf(f),
  });
}

/**
 * The crew: `FIRSTNAME SECONDNAME` of each driver the row names. A rating or a country the file
 * does not give in a known form (`_` for no country) is left out rather than refused: it is
 * information about the driver, not about the session.
 */
function driversOf(f: FieldReader): QualifyingDriver[] {
  return [1, 2, 3, 4, 5, 6].flatMap((n) => {
    const name = [f.optional(`DRIVER${n}_FIRSTNAME`), f.optional(`DRIVER${n}_SECONDNAME`)]
      .filter((part) => part !== undefined)
      .join(' ');
    if (name === '') return [];
    const rating = RATINGS[(f.optional(`DRIVER${n}_LICENSE`) ?? '').toLowerCase()];
    const country = f.optional(`DRIVER${n}_COUNTRY`);
    return [defined({ name, rating, nationality: country && /^[A-Z]{3}$/.test(country) ? country : undefined })];
  });
}
