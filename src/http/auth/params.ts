/**
 * Path parameters of race control, read strictly. A number in a path is written the one way the
 * pages write it: `3`, never `3.0`, `03`, `1e0` or `0x3` (which `Number()` would all take), so
 * one round has one URL; and it fits the database's `integer`, so no id overflows into a 500.
 *
 * @example
 * roundOfPath('3') // 3
 * roundOfPath('1e0') // undefined
 */
import { badCharacter } from '../../domain/text.ts';

/** PostgreSQL's `integer`: officials' and tokens' ids. */
export const MAX_ID = 2 ** 31 - 1;
/** A season has far fewer rounds; four digits keep the check a plain pattern. */
export const MAX_ROUND = 9999;

const ROUND = /^[1-9][0-9]{0,3}$/;
const ID = /^[1-9][0-9]{0,9}$/;

/** The round a path names, or undefined when it is not a round number. */
export function roundOfPath(text: string | undefined): number | undefined {
  return text !== undefined && ROUND.test(text) ? Number(text) : undefined;
}

/** The id a path names (1 to 2^31 − 1), or undefined. */
export function idOfPath(text: string | undefined): number | undefined {
  if (text === undefined || !ID.test(text)) return undefined;
  const id = Number(text);
  return id <= MAX_ID ? id : undefined;
}

/**
 * A season id as a path may name one: a name without control characters (PostgreSQL refuses a
 * NUL in a query's parameters) and of a sane length; undefined for anything else, which cannot
 * be a season and is answered as one that does not exist.
 */
export function seasonIdOfPath(text: string | undefined): string | undefined {
  if (text === undefined || text.length === 0 || text.length > 200) return undefined;
  return badCharacter(text, 'name') ? undefined : text;
}

export const ROUND_EXPECTED = `a round number from 1 to ${MAX_ROUND}, written in digits (such as 3)`;
