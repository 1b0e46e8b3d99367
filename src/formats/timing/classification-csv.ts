/**
 * An Al Kamel classification CSV (docs/timing-formats.md) read into a provisional
 * classification: one line per car in finishing order, as the timing published it, before the
 * stewards' decisions. IMSA's results layout is read too. Never throws for bad input.
 *
 * @example
 * const result = parseClassificationCsv(bytes, 'race-hour-24-results.csv');
 * if (result.ok) for (const line of result.value.lines) console.log(line.car, line.status, line.laps);
 */
import { ok } from '../../domain/result.ts';
import type { Result } from '../../domain/result.ts';
import type { Status } from '../../domain/vocabulary.ts';
import { readCarLines, readTimingCsv } from './timing-csv.ts';
import type { CsvRow, TimingInput, TimingIssue, TimingTable } from './timing-csv.ts';
import { defined, fieldReader } from './timing-fields.ts';
import type { FieldReader } from './timing-fields.ts';
import { IMSA_RESULTS } from './timing-layouts.ts';
import { parseTimingTime } from './timing-time.ts';

/** A gap to the car ahead or to the leader: whole laps, or a time on the same lap. */
export type Gap = { readonly laps: number } | { readonly timeMs: number };

export interface BestLap {
  readonly lap: number;
  readonly lapTimeMs: number;
  readonly kph?: number;
}

/** One car's line of a provisional classification. */
export interface ProvisionalLine {
  /** The line of the file the car's row starts on, for messages about it. */
  readonly line: number;
  /** Overall position; absent when the sheet leaves it empty. */
  readonly position?: number;
  /** The car number as printed: `007` is not `7`. */
  readonly car: string;
  readonly team: string;
  /** The crew in the sheet's order (DRIVER_1, DRIVER_2, …), as the timing spells them. */
  readonly drivers: readonly string[];
  readonly vehicle?: string;
  readonly tyres?: string;
  readonly class: string;
  /** A sub-class such as `P/A` (Pro/Am) or `H`. */
  readonly group?: string;
  readonly division?: string;
  readonly status: Status;
  readonly laps: number;
  readonly totalTimeMs?: number;
  /** Absent for the leader. */
  readonly gapFirst?: Gap;
  readonly gapPrevious?: Gap;
  readonly bestLap?: BestLap;
}

export interface ProvisionalClassification {
  readonly lines: readonly ProvisionalLine[];
  /** The series the file comes from, when its columns tell: IMSA's results have `IMSA_…` columns. */
  readonly origin?: 'imsa';
}

/**
 * The timing's words for a car's status, lower-cased, and ours. Our own codes are accepted too,
 * so a sheet edited by hand with `Ret` still reads.
 */
const STATUS_WORDS: Readonly<Record<string, Status>> = {
  classified: 'Classified',
  'not classified': 'NC',
  nc: 'NC',
  retired: 'Ret',
  ret: 'Ret',
  'did not start': 'DNS',
  'not started': 'DNS',
  dns: 'DNS',
  disqualified: 'DSQ',
  dsq: 'DSQ',
  excluded: 'EX',
  ex: 'EX',
  withdrawn: 'WD',
  wd: 'WD',
};

const RACE_TIME = "a race time such as 4:00'04.690";
const LAP_TIME = "a lap time such as 1'57.045";

/** Reads a classification; every problem of the file at once, each with its line. */
export function parseClassificationCsv(
  input: TimingInput,
  file: string,
): Result<ProvisionalClassification, TimingIssue[]> {
  const table = readTimingCsv(input, file, ['classification']);
  if (!table.ok) return table;
  const lines = readCarLines(table.value, file, readLine);
  if (!lines.ok) return lines;
  const imsa = [...table.value.columns.keys()].some((column) => column.startsWith('IMSA_'));
  return ok(imsa ? { lines: lines.value, origin: 'imsa' } : { lines: lines.value });
}

function readLine(table: TimingTable, row: CsvRow, file: string, issues: TimingIssue[]): ProvisionalLine | undefined {
  const before = issues.length;
  const f = fieldReader(table, row, file, issues);
  const car = f.required('NUMBER');
  const team = f.required('TEAM');
  const carClass = f.required('CLASS');
  const status = statusOf(f);
  const position = f.count('POSITION', 'a position such as 12');
  // An empty LAPS is a car that did not complete a lap (DNS).
  const laps = f.count('LAPS', 'a number of laps such as 311') ?? 0;
  const totalTimeMs = f.time('TOTAL_TIME', RACE_TIME);
  const gapFirst = gapOf(f, 'GAP_FIRST');
  const gapPrevious = gapOf(f, 'GAP_PREVIOUS');
  const bestLap = bestLapOf(f);
  const imsa = table.layout === IMSA_RESULTS;
  if (issues.length > before || !car || !team || !carClass || !status) return undefined;
  return defined({
    line: row.line,
    position,
    car,
    team,
    drivers: imsa ? imsaDrivers(f) : alKamelDrivers(f),
    vehicle: f.optional('VEHICLE'),
    tyres: f.optional(imsa ? 'TIRES' : 'TYRES'),
    class: carClass,
    group: f.optional('GROUP'),
    division: f.optional('DIVISION'),
    status,
    laps,
    totalTimeMs,
    gapFirst,
    gapPrevious,
    bestLap,
  });
}

function statusOf(f: FieldReader): Status | undefined {
  const word = f.required('STATUS');
  if (word === undefined) return undefined;
  const status = STATUS_WORDS[word.toLowerCase()];
  if (!status) f.invalid('STATUS', 'status', 'Classified, Not classified, Retired, Disqualified, Excluded...');
  return status;
}

/** `''` or `-` for the leader; `5 Laps`, `1 Lap` or `-152 Laps`; `14.221`, `1'02.345`, `+2.239`. */
function gapOf(f: FieldReader, column: string): Gap | undefined {
  const text = f.optional(column);
  if (text === undefined || text === '-') return undefined;
  const laps = /^(-?\d{1,6}) Laps?$/i.exec(text);
  if (laps) return { laps: Number(laps[1]) };
  const timeMs = parseTimingTime(text.replace(/^\+/, ''));
  if (timeMs !== undefined) return { timeMs };
  f.invalid(column, 'time', "a gap such as 14.221, 1'02.345 or 5 Laps");
  return undefined;
}

function bestLapOf(f: FieldReader): BestLap | undefined {
  const lap = f.count('FL_LAPNUM', 'a lap number such as 46');
  const lapTimeMs = f.time('FL_TIME', LAP_TIME);
  const kph = f.decimal('FL_KPH', 'a speed such as 234.5');
  if (lap === undefined && lapTimeMs === undefined) return undefined;
  if (lap === undefined) f.required('FL_LAPNUM');
  if (lapTimeMs === undefined) f.required('FL_TIME');
  return lap === undefined || lapTimeMs === undefined ? undefined : defined({ lap, lapTimeMs, kph });
}

function alKamelDrivers(f: FieldReader): string[] {
  return [1, 2, 3, 4, 5, 6].flatMap((n) => f.optional(`DRIVER_${n}`) ?? []);
}

/** `Felipe` + `Nasr`: the name as IMSA's lap files print it, `Felipe Nasr`. */
function imsaDrivers(f: FieldReader): string[] {
  return [1, 2, 3, 4, 5, 6].flatMap((n) => {
    const name = [f.optional(`DRIVER${n}_FIRSTNAME`), f.optional(`DRIVER${n}_SECONDNAME`)].filter(Boolean).join(' ');
    return name === '' ? [] : [name];
  });
}
