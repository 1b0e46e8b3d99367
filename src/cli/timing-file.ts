import { readInputFile } from './input-file.ts';
import type { Result } from '../domain/result.ts';
import { formatIssue } from '../formats/season-file.ts';
import type { TimingInput, TimingIssue } from '../formats/timing/timing-csv.ts';
import { UserError } from './user-error.ts';

/** A broken file can have thousands of problems; the first ones say what is wrong. */
const MAX_ISSUES_SHOWN = 50;

/**
 * Reads and parses a timing file for a command. An unreadable file, or one with problems, is a
 * `UserError` naming the file: its problems as `file:line: code message`, then `outcome`.
 *
 * @example
 * const analysis = await readTimingFile(file, 'the lap file', parseLapAnalysisCsv, 'not replayed');
 */
export async function readTimingFile<T>(
  file: string,
  what: string,
  parse: (input: TimingInput, file: string) => Result<T, TimingIssue[]>,
  outcome = 'not read',
): Promise<T> {
  const bytes = await readInputFile(file, what);
  const parsed = parse(bytes, file);
  if (parsed.ok) return parsed.value;
  const shown = parsed.error.slice(0, MAX_ISSUES_SHOWN).map(formatIssue);
  const more = parsed.error.length - shown.length;
  throw new UserError([
    ...shown,
    ...(more > 0 ? [`... and ${more} more`] : []),
    `${file}: ${outcome}: the file has ${parsed.error.length} problem(s)`,
  ]);
}
