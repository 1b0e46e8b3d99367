/**
 * Reading the values of one row by column name. A value that cannot be read becomes an issue
 * naming the line, the column and what was expected, and `undefined`: the row is still read,
 * so one file reports all its mistakes at once.
 */
import { unstorable } from '../text.ts';
import { describeValue } from '../zod-issues.ts';
import { timingIssue } from './timing-csv.ts';
import type { CsvRow, TimingIssue, TimingTable } from './timing-csv.ts';
import { parseTimingTime } from './timing-time.ts';

export interface FieldReader {
  /** The trimmed value, or `undefined` when it is empty or the file has no such column. */
  optional(column: string): string | undefined;
  /** The trimmed value; a `missing` issue when it is empty. */
  required(column: string): string | undefined;
  /** A time in ms (`expected` describes it with an example); empty is `undefined`, or `missing` if required. */
  time(column: string, expected: string, required?: boolean): number | undefined;
  /** A whole number of at least 0; empty is `undefined`, or `missing` if required. */
  count(column: string, expected: string, required?: boolean): number | undefined;
  /** A decimal number such as a speed; empty is `undefined`. */
  decimal(column: string, expected: string): number | undefined;
  /** Reports a value of the column that is not what was expected. */
  invalid(column: string, code: string, expected: string): void;
}

const COUNT = /^\d{1,9}$/;
const DECIMAL = /^\d{1,6}(?:\.\d{1,6})?$/;

export function fieldReader(table: TimingTable, row: CsvRow, file: string, issues: TimingIssue[]): FieldReader {
  reportUnstorable(table, row, file, issues);
  const optional = (column: string): string | undefined => {
    const index = table.columns.get(column);
    const value = index === undefined ? undefined : row.fields[index]?.trim();
    return value === '' ? undefined : value;
  };
  const invalid = (column: string, code: string, expected: string): void => {
    const value = optional(column);
    const got = value === undefined ? '' : `, got ${describeValue(value)}`;
    issues.push(timingIssue(file, row.line, code, `expected ${expected}${got}`, column));
  };
  const missing = (column: string): undefined => {
    issues.push(timingIssue(file, row.line, 'missing', 'is empty', column));
    return undefined;
  };
  const read = <T>(
    column: string,
    code: string,
    expected: string,
    parse: (text: string) => T | undefined,
    required = false,
  ): T | undefined => {
    const value = optional(column);
    if (value === undefined) return required ? missing(column) : undefined;
    const parsed = parse(value);
    if (parsed === undefined) invalid(column, code, expected);
    return parsed;
  };
  return {
    optional,
    invalid,
    required: (column) => optional(column) ?? missing(column),
    time: (column, expected, required) => read(column, 'time', expected, parseTimingTime, required),
    count: (column, expected, required) =>
      read(column, 'number', expected, (t) => (COUNT.test(t) ? Number(t) : undefined), required),
    decimal: (column, expected) => read(column, 'number', expected, (t) => (DECIMAL.test(t) ? Number(t) : undefined)),
  };
}

/**
 * Every value of the timing is a name, a number or a time: one holding a control character or
 * an unpaired surrogate is refused (domain/text.ts), and with it the row, whatever column it is
 * in — a name that reaches the database or a season file must be one it can hold.
 */
function reportUnstorable(table: TimingTable, row: CsvRow, file: string, issues: TimingIssue[]): void {
  // One scan of the whole row first: nearly every row is clean, and a lap file has 40,000 of them.
  if (unstorable(row.fields.join(''), 'name') === undefined) return;
  for (const [column, index] of table.columns) {
    const problem = unstorable(row.fields[index]?.trim() ?? '', 'name');
    if (problem !== undefined) issues.push(timingIssue(file, row.line, 'invalid', problem, column));
  }
}

/** The object without its `undefined` fields: an absent value stays absent, in JSON too. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
