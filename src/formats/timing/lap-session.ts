/**
 * Whether a lap analysis is a race's or a qualifying session's. The columns are the same, so it
 * is told by the officer (`?session=`, `--session`) or by the file's name: the provider's archive
 * names it `YYYYMMDDhhmm-race-…-laps.csv` or `…-qualifying-…-laps.csv`, and other exports say it
 * in words (`23_Analysis_Race_Hour 24.CSV`). Neither, both, or a name that says the other: the
 * import is refused with what to give, never guessed. Pure.
 *
 * @example
 * lapSessionOf('202412071015-qualifying-20lmp2-laps.csv') // ok('qualifying')
 * lapSessionOf('laps.csv', 'race') // ok('race')
 */
import type { Result } from '../../domain/result.ts';
import { err, ok } from '../../domain/result.ts';
import { clip } from '../text.ts';
import { readTimingFileName } from './timing-file-name.ts';

export const LAP_SESSIONS = ['race', 'qualifying'] as const;
export type LapSession = (typeof LAP_SESSIONS)[number];

export const isLapSession = (value: string | undefined): value is LapSession =>
  (LAP_SESSIONS as readonly (string | undefined)[]).includes(value);

const HOW = 'give ?session=race or ?session=qualifying (pitwall timing import --session)';

/** The session a file's name says: the archive's name first, then the words in any other name. */
export function sessionOfName(fileName: string): LapSession | 'both' | undefined {
  const named = readTimingFileName(fileName);
  if (named?.session === 'race' || named?.session === 'qualifying') return named.session;
  if (named) return undefined;
  const base = (fileName.split(/[\\/]/).pop() ?? '').toLowerCase();
  const words = base.split(/[^a-z]+/);
  const race = words.includes('race');
  const qualifying = words.some((w) => w === 'qualifying' || w === 'qualification' || w === 'quali');
  if (race && qualifying) return 'both';
  return race ? 'race' : qualifying ? 'qualifying' : undefined;
}

/**
 * The session of the lap analysis `fileName`, from `given` (the officer's word) or the name;
 * an error message naming the file when they disagree or neither says.
 */
export function lapSessionOf(fileName: string, given?: string): Result<LapSession, string> {
  const name = clip(fileName);
  if (given !== undefined && !isLapSession(given)) {
    return err(`session: expected race or qualifying, not "${clip(given)}"`);
  }
  const named = sessionOfName(fileName);
  if (given !== undefined) {
    if (named === 'race' || named === 'qualifying') {
      if (named !== given) {
        return err(
          `${name} is named as a ${named} lap analysis but was given as ${given}: rename the file or give the session it is`,
        );
      }
    }
    return ok(given);
  }
  if (named === 'both') return err(`${name}: the name says both race and qualifying: ${HOW}`);
  if (named === undefined) {
    return err(`${name}: cannot tell a race lap analysis from a qualifying one by its name: ${HOW}`);
  }
  return ok(named);
}
