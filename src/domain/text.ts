/**
 * Which characters a text Pitwall stores may hold. PostgreSQL refuses U+0000 in `text` and
 * `jsonb`, and `jsonb` refuses a lone (unpaired) surrogate, which is not a character at all and
 * cannot be written as UTF-8: one such character in one name would fail the whole transaction
 * it is written in. So every text is checked where it comes in, and refused alone.
 *
 * Beyond what the database needs:
 * - a name (driver, team, class, car, round, official…) has no control character at all
 *   (C0, DEL, C1): it is printed on one line in tables, CSV and terminals, where a tab or a
 *   newline breaks the layout and an escape sequence drives the terminal that shows it;
 * - prose (a decision's reason, a season's notes) may keep tabs and line breaks, as people
 *   write them, and no other control character, for the same reason.
 */

/** A one-line name, or prose that may hold tabs and line breaks. */
export type TextKind = 'name' | 'prose';

/** The first character a text may not hold: where it is (0-based, in UTF-16 units), and what. */
export interface BadCharacter {
  readonly index: number;
  readonly codePoint: number;
  /** Half of a surrogate pair without its other half. */
  readonly loneSurrogate: boolean;
}

// One character class, no quantifier: a single linear scan. With `u`, a well-formed pair is one
// astral code point and only a lone surrogate matches \p{Cs}.
const NOT_IN_NAME = /[\p{Cc}\p{Cs}]/u;
const NOT_IN_PROSE = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;

/** The first character of `text` that a `kind` of text may not hold; `undefined` when it is fine. */
export function badCharacter(text: string, kind: TextKind): BadCharacter | undefined {
  const match = (kind === 'name' ? NOT_IN_NAME : NOT_IN_PROSE).exec(text);
  if (!match) return undefined;
  const codePoint = match[0].codePointAt(0) ?? 0;
  return { index: match.index, codePoint, loneSurrogate: codePoint >= 0xd800 && codePoint <= 0xdfff };
}

/** `a control character (U+0000) at character 6`, for messages; characters count from 1. */
export function describeBadCharacter(bad: BadCharacter): string {
  const hex = `U+${bad.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const what = bad.loneSurrogate ? `an unpaired surrogate (${hex})` : `a control character (${hex})`;
  return `${what} at character ${bad.index + 1}`;
}

/** `1` → `1st`, `12` → `12th`, `22` → `22nd`: a place as it is said. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
