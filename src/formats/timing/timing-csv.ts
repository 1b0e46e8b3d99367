/**
 * What the Al Kamel timing CSVs have in common: text that must be UTF-8, an optional BOM, a
 * header line naming the columns (` LAP_TIME` with spaces around, a trailing empty column), `;`
 * as Al Kamel writes them or `,` after a re-export, RFC 4180 quoting. Every problem is an issue
 * with the file and line, as the season file reports them (`file:line: code COLUMN: message`).
 */
import { parse } from 'csv-parse/sync';
import type { CsvError } from 'csv-parse/sync';
import { err, ok } from '../../domain/result.ts';
import type { Issue, Result } from '../../domain/result.ts';
import { clip, LIBRARY_MESSAGE_LENGTH, quote } from '../text.ts';
import { detectLayout, LAYOUTS, layoutHeaderExample } from './timing-layouts.ts';
import type { TimingLayout } from './timing-layouts.ts';

/** An issue of a timing file: the line it is on; `path` is `[COLUMN]` when a value is wrong. */
export type TimingIssue = Issue & { readonly file: string; readonly line: number };

/** One data row: its fields, and the line of the file it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A timing file split into rows, with its columns by (trimmed, upper-case) name. */
export interface TimingTable {
  readonly layout: TimingLayout;
  readonly delimiter: ';' | ',';
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: readonly CsvRow[];
}

/** Timing files are bytes from disk or a download; a string is taken as already decoded. */
export type TimingInput = Uint8Array | string;

export function timingIssue(file: string, line: number, code: string, message: string, column?: string): TimingIssue {
  return { code, message, path: column === undefined ? [] : [column], file, line };
}

/** The text, or an `encoding` issue at the first line that is not UTF-8. */
export function decodeTiming(input: TimingInput, file: string): Result<string, TimingIssue[]> {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      // Decoded again, leniently, only to say where: the first U+FFFD is the first bad byte.
      text = new TextDecoder('utf-8').decode(input);
    }
  }
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = lineAt(text, bad);
    return err([timingIssue(file, line, 'encoding', 'the file is not UTF-8 text (Latin-1? save it again as UTF-8)')]);
  }
  // Text given as a string may hold half a surrogate pair, which csv-parse would silently turn into U+FFFD.
  const lone = /\p{Cs}/u.exec(text);
  if (lone) {
    const message = 'the text holds an unpaired surrogate, which is not a character: is it UTF-16 cut in half?';
    return err([timingIssue(file, lineAt(text, lone.index), 'encoding', message)]);
  }
  return ok(text.startsWith('\uFEFF') ? text.slice(1) : text);
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

const DELIMITERS = [';', ',', '\t', '|'] as const;
const DELIMITER_NAMES: Readonly<Record<(typeof DELIMITERS)[number], string>> = {
  ';': 'semicolons',
  ',': 'commas',
  '\t': 'tabs',
  '|': 'vertical bars',
};

/** The header's column names as written, split at the delimiter that yields most known names. */
function readHeader(headerLine: string): { delimiter: (typeof DELIMITERS)[number]; names: string[] } {
  const known = new Set(LAYOUTS.flatMap((l) => l.columns));
  const scored = DELIMITERS.map((delimiter) => {
    const names = headerLine.split(delimiter).map((n) => n.trim().toUpperCase());
    return { delimiter, names, score: names.filter((n) => known.has(n)).length };
  });
  return scored.reduce((best, next) => (next.score > best.score ? next : best));
}

/**
 * The rows of a timing file of the expected layout (one of `kinds`), or the issues that stop it
 * being read at all (wrong encoding, another format, a missing column) or that make a row
 * unreadable (too few or too many fields). A row with a bad value is the caller's to report.
 */
export function readTimingCsv(
  input: TimingInput,
  file: string,
  kinds: readonly TimingLayout['kind'][],
): Result<TimingTable, TimingIssue[]> {
  const decoded = decodeTiming(input, file);
  if (!decoded.ok) return decoded;
  const text = decoded.value;
  const headerLine = text.slice(0, text.search(/\r?\n|$/));
  if (headerLine.trim() === '')
    return err([timingIssue(file, 1, 'empty', 'the file is empty: expected a header line')]);

  const { delimiter, names } = readHeader(headerLine);
  const layout = detectLayout(names);
  const expected = LAYOUTS.filter((l) => kinds.includes(l.kind));
  if (!layout || !kinds.includes(layout.kind)) {
    return err([timingIssue(file, 1, layout ? 'format' : 'header', headerMessage(layout, expected, headerLine))]);
  }
  if (delimiter !== ';' && delimiter !== ',') {
    const message = `the columns are separated by ${DELIMITER_NAMES[delimiter]}: expected ; (as Al Kamel writes them) or ,`;
    return err([timingIssue(file, 1, 'delimiter', message)]);
  }
  const split = splitRows(text, delimiter, file, layout.ragged === true);
  // Columns by the header as csv-parse reads it: a quoted name holding a delimiter is one column.
  const columns = new Map<string, number>();
  split.header.forEach((name, i) => {
    const key = name.trim().toUpperCase();
    if (key !== '' && !columns.has(key)) columns.set(key, i);
  });
  const missing = layout.required.filter((name) => !columns.has(name));
  if (missing.length > 0) {
    return err(missing.map((name) => timingIssue(file, 1, 'missing-column', `the header has no ${name} column`)));
  }
  return split.issues.length > 0 ? err(split.issues) : ok({ layout, delimiter, columns, rows: split.rows });
}

function headerMessage(found: TimingLayout | undefined, expected: readonly TimingLayout[], headerLine: string): string {
  const wanted = expected.map((l) => l.name).join(' or ');
  if (found) return `this is ${found.name} (its header has ${found.signature.join(', ')}), expected ${wanted}`;
  const example = expected[0] ? `, such as ${layoutHeaderExample(expected[0])}` : '';
  return `no known header: expected ${wanted}${example}; the first line is ${quote(headerLine)}`;
}

/**
 * The header and the data rows. The header's width is the rule: a row with fewer fields is cut short (at
 * the end of the file: truncated), one with more has a delimiter inside an unquoted value.
 */
function splitRows(
  text: string,
  delimiter: string,
  file: string,
  ragged: boolean,
): { header: readonly string[]; rows: CsvRow[]; issues: TimingIssue[] } {
  const rows: CsvRow[] = [];
  const issues: TimingIssue[] = [];
  // csv-parse counts one line too many for a last row without a newline: a row is on a line of the text.
  const lineCount = text.split('\n').length;
  try {
    parse(text, {
      delimiter,
      // Lines end as editors count them: a lone \r is not a line break, it is kept in the value.
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true,
      // A stray quote inside a value (`5" tyres`) is kept as text, not a syntax error.
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error) issues.push(csvIssue(error, file, lineCount));
        return undefined;
      },
      on_record: (record: string[], context) => {
        // context.lines is where the record ends; a quoted value may span lines.
        let newlines = 0;
        for (const field of record) if (field.includes('\n')) newlines += field.split('\n').length - 1;
        rows.push({ line: Math.min(context.lines, lineCount) - newlines, fields: record });
        return null;
      },
    });
  } catch (error) {
    issues.push(csvIssue(error as CsvError, file, lineCount));
  }
  const [header, ...data] = rows;
  const width = header?.fields.length ?? 0;
  // Whether the text ends with a line break, then perhaps spaces. (Not /\r?\n\s*$/: tried from
  // every line break of a long run of them, it is quadratic.)
  const ends = text.slice(text.trimEnd().length).includes('\n');
  // A ragged layout's rows are as wide as the widest row, not the header; and not all as wide (a
  // qualifying result's crew of two stops sooner than a crew of three), so a narrower last row
  // that ends as rows end, with the delimiter, is whole.
  const full = ragged ? data.slice(0, -1).reduce((most, row) => Math.max(most, row.fields.length), 0) : width;
  data.forEach((row, i) => {
    const fewer = row.fields.length < full;
    const whole = ragged && row.fields.length > 1 && row.fields.at(-1) === '';
    if (fewer && i === data.length - 1 && !ends && !whole) {
      const message = `the file ends in the middle of a row (${row.fields.length} of ${full} fields): is it truncated?`;
      issues.push(timingIssue(file, row.line, 'truncated', message));
    } else if ((fewer && !ragged) || row.fields.length > width) {
      const hint = fewer ? '' : ` (a ${JSON.stringify(delimiter)} inside an unquoted value?)`;
      const message = `${row.fields.length} fields where the header has ${width}${hint}`;
      issues.push(timingIssue(file, row.line, 'field-count', message));
    }
  });
  return { header: header?.fields ?? [], rows: data, issues };
}

function csvIssue(error: CsvError, file: string, lineCount: number): TimingIssue {
  const line = typeof error.lines === 'number' ? Math.max(1, Math.min(error.lines, lineCount)) : 1;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return timingIssue(file, line, 'truncated', 'the file ends inside a quoted value: is it truncated?');
  }
  // csv-parse's message quotes the field it stopped at, however long.
  return timingIssue(file, line, 'quote', `unreadable CSV: ${clip(error.message, LIBRARY_MESSAGE_LENGTH)}`);
}

/**
 * Reads each row of a table of cars (a classification, a qualifying result) with `readLine`, which
 * adds a row's problems to `issues`; a car listed twice and a file with no car are problems too.
 */
export function readCarLines<L extends { readonly car: string }>(
  table: TimingTable,
  file: string,
  readLine: (table: TimingTable, row: CsvRow, file: string, issues: TimingIssue[]) => L | undefined,
): Result<L[], TimingIssue[]> {
  const issues: TimingIssue[] = [];
  const lines: L[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const line = readLine(table, row, file, issues);
    if (!line) continue;
    const first = seen.get(line.car);
    if (first !== undefined) {
      issues.push(
        timingIssue(file, row.line, 'duplicate-car', `car #${clip(line.car)} is already at line ${first}`, 'NUMBER'),
      );
    }
    seen.set(line.car, first ?? row.line);
    lines.push(line);
  }
  if (issues.length === 0 && lines.length === 0) {
    issues.push(timingIssue(file, 1, 'empty', 'the file has a header but no cars'));
  }
  return issues.length > 0 ? err(issues) : ok(lines);
}
