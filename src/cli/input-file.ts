import { readFile } from 'node:fs/promises';
import { UserError } from './user-error.ts';

/** Why a file could not be read, in a person's words: `no such file`, `it is a folder`, the system's reason. */
export function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/**
 * A file a command was given, or a `UserError` that names it, what it was meant to be and why it
 * could not be read: `race.csv: cannot read the lap file: no such file`.
 */
export async function readInputFile(file: string, what: string): Promise<Uint8Array>;
export async function readInputFile(file: string, what: string, encoding: 'utf8'): Promise<string>;
export async function readInputFile(file: string, what: string, encoding?: 'utf8'): Promise<Uint8Array | string> {
  try {
    return encoding ? await readFile(file, encoding) : await readFile(file);
  } catch (error) {
    throw new UserError([`${file}: cannot read ${what}: ${unreadableReason(error)}`]);
  }
}
