/**
 * Every CSV Pitwall writes is written here, so that no cell of it runs as a formula when the
 * file is opened in a spreadsheet (OWASP, "CSV Injection"): a team named `=HYPERLINK(…)` must
 * arrive as that text.
 *
 * @example
 * writeCsv([['team', 'points'], ['=1+1', -5]]) === "team,points\n'=1+1,-5\n"
 */
import { stringify } from 'csv-stringify/sync';

/**
 * A cell: text, or a number Pitwall computed. The type, not the look of the value, decides:
 * a number is written from a JavaScript number (digits, a sign, a point, an exponent), which a
 * spreadsheet reads as that number and never as a formula, so a points deduction stays -5 and
 * sums still add up. Text comes from people (names, teams, car numbers as typed) and may be
 * anything, so text that merely looks like a negative number (`-5`) is neutralised like any other.
 */
export type CsvCell = string | number;

/** OWASP's list: what makes Excel, LibreOffice or Google Sheets read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell beginning like a formula, prefixed with `'`, which spreadsheets show as text. */
export function neutraliseFormula(cell: CsvCell): CsvCell {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The rows as RFC 4180 CSV (quoted where a cell needs it), every text cell neutralised. */
export function writeCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(rows.map((row) => row.map(neutraliseFormula)));
}
