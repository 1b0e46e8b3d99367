import { readFile } from 'node:fs/promises';
import { unreadableReason } from './input-file.ts';
import type { Season } from '../domain/season.ts';
import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import { formatIssue, parseSeasonFile } from '../formats/season-file.ts';

/** Reads and validates a season file; on failure, the lines to print (`file:line: code message`). */
export async function loadSeasonFile(path: string): Promise<Result<Season, string[]>> {
  const read = await readSeasonFile(path);
  return read.ok ? ok(read.value.season) : read;
}

/** As `loadSeasonFile`, with the text it was read from (to point at lines of the file). */
export async function readSeasonFile(path: string): Promise<Result<{ season: Season; text: string }, string[]>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return err([`${path}: cannot read the season file: ${unreadableReason(error)}`]);
  }
  const parsed = parseSeasonFile(text, path);
  return parsed.ok ? ok({ season: parsed.value, text }) : err(parsed.error.map(formatIssue));
}
