/**
 * Text from outside, as the formats read it and quote it back: the check that it can be stored
 * (see domain/text.ts), for zod schemas and plain readers alike, and how a message quotes a
 * value — never in full, since one field of a 4 MB file can be 4 MB long, and a message is
 * printed, logged and sent back, once per problem.
 *
 * @example
 * const team = z.string().min(1).superRefine(storable('name'));
 * `car ${quote(car)} is not in the entry list` // car "26" is not in the entry list
 */
import type { z } from 'zod';
import { badCharacter, describeBadCharacter } from '../domain/text.ts';
import type { TextKind } from '../domain/text.ts';

/** Enough of a value to recognise it in a message. */
export const QUOTE_LENGTH = 80;

/**
 * How much of a library's message (the YAML or CSV parser's) is kept: all of its own words, which
 * fit in 100 characters, and a short quote of the input where it makes one.
 */
export const LIBRARY_MESSAGE_LENGTH = QUOTE_LENGTH + 40;

/** The first `length` characters of `text`, and an ellipsis when there was more. */
export function clip(text: string, length = QUOTE_LENGTH): string {
  if (text.length <= length) return text;
  // Never half of a surrogate pair: the message would hold a character that is not one.
  const code = text.charCodeAt(length - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? length - 1 : length;
  return `${text.slice(0, end)}…`;
}

/** A value as a message quotes it: clipped, in double quotes, control characters escaped as JSON does. */
export const quote = (text: string): string => JSON.stringify(clip(text));

/** Values a message lists (the classes there are, a car's crew): the first `most`, each clipped (or quoted). */
export function listed(values: readonly string[], most = 10, show: (value: string) => string = clip): string {
  const shown = values.slice(0, most).map((value) => show(value));
  return values.length > most ? `${shown.join(', ')} and ${values.length - most} more` : shown.join(', ');
}

/**
 * `text` on one line: each run of white space that holds a line break becomes one space, as a
 * global `\s*\n\s*` would make it — but that pattern retries its `\s*` from every space of a
 * long run without a line break (quadratic: 18 s for 120 KB of spaces); `\s+` takes each run once.
 */
export const oneLine = (text: string): string => text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run));

const EXPECTED: Readonly<Record<TextKind, string>> = {
  name: 'text without control characters',
  prose: 'text without control characters other than tabs and line breaks',
};

/** Why `text` cannot be stored as a `kind` of text, in a message's words; `undefined` when it can. */
export function unstorable(text: string, kind: TextKind): string | undefined {
  const bad = badCharacter(text, kind);
  return bad && `expected ${EXPECTED[kind]}, found ${describeBadCharacter(bad)}`;
}

/**
 * A zod refinement for a string field Pitwall stores: `z.string().superRefine(storable('name'))`.
 * The issue is zod's `custom`, which the formats report as `invalid`.
 */
export function storable(kind: TextKind): (value: string, ctx: z.RefinementCtx) => void {
  return (value, ctx) => {
    const problem = unstorable(value, kind);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, input: value });
  };
}
