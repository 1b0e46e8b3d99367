/**
 * An Al Kamel lap analysis CSV (docs/timing-formats.md): one row per lap per car, with the
 * driver at the wheel, the lap and sector times, and the pit lane. Each car's laps must be
 * numbered 1, 2, 3… with no lap twice and none missing, as drive times are summed from them.
 * Never throws for bad input.
 *
 * @example
 * const result = parseLapAnalysisCsv(bytes, 'le_mans_24h.csv');
 * if (result.ok) console.log(result.value.laps.length);
 */
import { err, ok } from '../../domain/result.ts';
import type { Result } from '../../domain/result.ts';
import { clip } from '../text.ts';
import { readTimingCsv, timingIssue } from './timing-csv.ts';
import type { CsvRow, TimingInput, TimingIssue, TimingTable } from './timing-csv.ts';
import { defined, fieldReader } from './timing-fields.ts';

/** One lap of one car, as the timing recorded it. */
export interface AnalysisLap {
  /** The car number as printed: `007` is not `7`. */
  readonly car: string;
  /** The driver's number in the crew (1 for DRIVER_1 of the classification). */
  readonly driverNumber: number;
  readonly driverName: string;
  readonly lap: number;
  readonly lapTimeMs: number;
  /** S1, S2, S3; a sector the timing missed is `undefined`. */
  readonly sectorTimesMs: readonly (number | undefined)[];
  /** The lap ended on the finish line in the pit lane (`B`): an in-lap. */
  readonly crossedInPit: boolean;
  /** Time in the pit lane, given on the lap that leaves it (the out-lap). */
  readonly pitTimeMs?: number;
  /** Race time at the end of the lap. */
  readonly elapsedMs: number;
  readonly class?: string;
  readonly group?: string;
  readonly team?: string;
  /** The flag at the finish line: GF green, SF safety car, FCY full course yellow, FF chequered, RF red. */
  readonly flag?: string;
  /** The file's line the lap was read from, for messages about it. */
  readonly line?: number;
}

export interface LapAnalysis {
  /** Every lap, in the order of the file. */
  readonly laps: readonly AnalysisLap[];
}

const LAP_TIME = 'a lap time such as 3:29.208';
const SECTORS = ['S1', 'S2', 'S3'] as const;

/** Reads a lap analysis; every problem of the file at once, each with its line. */
export function parseLapAnalysisCsv(input: TimingInput, file: string): Result<LapAnalysis, TimingIssue[]> {
  const table = readTimingCsv(input, file, ['lap-analysis']);
  if (!table.ok) return table;
  const issues: TimingIssue[] = [];
  const laps: AnalysisLap[] = [];
  const order = new LapOrder(file, issues);
  for (const row of table.value.rows) {
    const { lap, key } = readLap(table.value, row, file, issues);
    // A row with a bad value still holds its lap's place, so it is not also reported missing.
    if (key) order.add(key, row.line);
    if (lap) laps.push(lap);
  }
  order.reportMissing();
  if (issues.length === 0 && laps.length === 0) {
    issues.push(timingIssue(file, 1, 'empty', 'the file has a header but no laps'));
  }
  return issues.length > 0 ? err(issues.sort((a, b) => a.line - b.line)) : ok({ laps });
}

/** Which car and lap a row is, where they can be read. */
interface LapKey {
  readonly car: string;
  readonly lap: number;
}

function readLap(
  table: TimingTable,
  row: CsvRow,
  file: string,
  issues: TimingIssue[],
): { lap?: AnalysisLap; key?: LapKey } {
  const before = issues.length;
  const f = fieldReader(table, row, file, issues);
  const car = f.required('NUMBER');
  const driverName = f.required('DRIVER_NAME');
  const driverNumber = f.count('DRIVER_NUMBER', 'a driver number such as 2', true);
  const lap = f.count('LAP_NUMBER', 'a lap number such as 12', true);
  const lapTimeMs = f.time('LAP_TIME', LAP_TIME, true);
  const elapsedMs = f.time('ELAPSED', 'a race time such as 1:02:03.456', true);
  const sectorTimesMs = SECTORS.map((s) => f.time(s, 'a sector time such as 34.715 or 1:24.814'));
  const pitTimeMs = f.time('PIT_TIME', 'a pit time such as 0:01:17.492');
  const inPit = f.optional('CROSSING_FINISH_LINE_IN_PIT');
  if (inPit !== undefined && inPit !== 'B') f.invalid('CROSSING_FINISH_LINE_IN_PIT', 'invalid', 'B or nothing');
  const key = car && lap !== undefined ? { car, lap } : undefined;
  const complete = key && driverName && driverNumber !== undefined;
  if (issues.length > before || !complete || lapTimeMs === undefined || elapsedMs === undefined) return { key };
  const analysisLap: AnalysisLap = defined({
    car: key.car,
    driverNumber,
    driverName,
    lap: key.lap,
    lapTimeMs,
    sectorTimesMs,
    crossedInPit: inPit === 'B',
    pitTimeMs,
    elapsedMs,
    class: f.optional('CLASS'),
    group: f.optional('GROUP'),
    team: f.optional('TEAM'),
    flag: f.optional('FLAG_AT_FL'),
    line: row.line,
  });
  return { lap: analysisLap, key };
}

/**
 * Each car's laps must come in order, each once: a lap twice or out of order points to a file
 * merged or edited by hand; a lap missing would silently shorten a driver's drive time.
 */
class LapOrder {
  /** Per car, the line of each lap number seen, and the last lap number. */
  private readonly cars = new Map<string, { lines: Map<number, number>; last: number }>();

  constructor(
    private readonly file: string,
    private readonly issues: TimingIssue[],
  ) {}

  add(lap: LapKey, line: number): void {
    const car = this.cars.get(lap.car) ?? { lines: new Map<number, number>(), last: 0 };
    this.cars.set(lap.car, car);
    const first = car.lines.get(lap.lap);
    if (first !== undefined) {
      this.report(line, 'duplicate-lap', `lap ${lap.lap} of car #${clip(lap.car)} is already at line ${first}`);
      return;
    }
    if (lap.lap < car.last) {
      const after = `after lap ${car.last} (line ${car.lines.get(car.last)})`;
      this.report(line, 'lap-order', `lap ${lap.lap} of car #${clip(lap.car)} comes ${after}`);
    }
    car.lines.set(lap.lap, line);
    car.last = Math.max(car.last, lap.lap);
  }

  /** A gap in a car's lap numbers, reported at the lap after it. */
  reportMissing(): void {
    for (const [car, { lines }] of this.cars) {
      const numbers = [...lines.keys()].sort((a, b) => a - b);
      numbers.forEach((lap, i) => {
        const previous = i === 0 ? 0 : (numbers[i - 1] ?? 0);
        if (lap === previous + 1) return;
        const gap = lap - previous === 2 ? `lap ${previous + 1} is` : `laps ${previous + 1}-${lap - 1} are`;
        this.report(lines.get(lap) ?? 1, 'missing-lap', `car #${clip(car)}: ${gap} missing before lap ${lap}`);
      });
    }
  }

  private report(line: number, code: string, message: string): void {
    this.issues.push(timingIssue(this.file, line, code, message, 'LAP_NUMBER'));
  }
}
