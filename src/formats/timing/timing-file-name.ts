/**
 * What a timing archive's file name says: when the session started, which session it is and
 * which part of it. The archive names a file `YYYYMMDDhhmm-<session>-<part>.csv`, its spaces
 * written `-20` (`%20` with the `%` lost): `202412071400-race-201-hour-4-results.csv` is the
 * classification of race 1 at hour 4, `202412071015-qualifying-20lmp2-20and-20lmp3-laps.csv`
 * the lap analysis of the LMP2 and LMP3 qualifying. Pure.
 */

export type SessionKind = 'race' | 'qualifying' | 'other';
export type FilePart = 'results' | 'laps' | 'other';

export interface TimingFileName {
  /** The session's start, local time as named: `2024-12-07T14:00`. */
  readonly startsAt: string;
  /** Its date: `2024-12-07`. */
  readonly date: string;
  readonly session: SessionKind;
  /** The race of the meeting the session is (or, for a qualifying, sets the grid of): `race 2` → 2. */
  readonly race?: number;
  /** The hour of a race's classification snapshot: `hour-4` → 4; absent for the final one. */
  readonly hour?: number;
  readonly part: FilePart;
  /** The session in words: `qualifying lmp2 and lmp3`. */
  readonly label: string;
}

const NAME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})-(.+)\.csv$/i;

/**
 * The file name read, or `undefined` when it is not named as the archive names files.
 * @example readTimingFileName('202412071400-race-201-hour-4-results.csv')?.race === 1
 */
export function readTimingFileName(fileName: string): TimingFileName | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const match = NAME.exec(base);
  if (!match) return undefined;
  const [, year, month, day, hours, minutes, rest = ''] = match;
  const date = `${year}-${month}-${day}`;
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || Number(hours) > 23 || Number(minutes) > 59) return undefined;
  // `-20` before a letter or digit is an encoded space (`race-201` is `race 1`); `-20-` is not.
  const words = rest
    .toLowerCase()
    .replace(/%20/g, ' ')
    // ` - ` is `-20-20` (`am%20-%20race`); then a `-20` before a letter or digit is a space.
    .replace(/-20-20(?=[a-z0-9])/g, ' ')
    .replace(/-20(?=[a-z0-9])/g, ' ')
    .split(/[\s_-]+/)
    .filter((w) => w !== '');
  const last = words.at(-1);
  const part: FilePart = last === 'results' ? 'results' : last === 'laps' ? 'laps' : 'other';
  const session: SessionKind =
    words[0] === 'race' ? 'race' : words[0] === 'qualifying' || words[0] === 'qualification' ? 'qualifying' : 'other';
  const race = numberAfter(words, 'race', session === 'race' ? 0 : 1);
  const hour = numberAfter(words, 'hour', 0);
  const label = words.slice(0, part === 'other' ? words.length : -1).join(' ');
  return {
    startsAt: `${date}T${hours}:${minutes}`,
    date,
    session,
    ...(race !== undefined && { race }),
    ...(hour !== undefined && { hour }),
    part,
    label,
  };
}

/** The number after the first `word` from index `from` on (`race 2`, `hour 4`), if there is one. */
function numberAfter(words: readonly string[], word: string, from: number): number | undefined {
  const at = words.indexOf(word, from);
  const next = at < 0 ? undefined : words[at + 1];
  return next !== undefined && /^\d{1,2}$/.test(next) ? Number(next) : undefined;
}
