import { readFile } from 'node:fs/promises';
import type { Season } from '../domain/season.ts';
import type { Result } from '../domain/result.ts';
import { err } from '../domain/result.ts';
import { formatIssue, parseSeasonFile } from '../formats/season-file.ts';

/** Reads and validates a season file; on failure, the lines to print (`file:line: code message`). */
export async function loadSeasonFile(path: string): Promise<Result<Season, string[]>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    return err([`${path}: cannot read the season file: ${reason}`]);
  }
  const parsed = parseSeasonFile(text, path);
  return parsed.ok ? parsed : err(parsed.error.map(formatIssue));
}
