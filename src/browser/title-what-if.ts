/**
 * What the title-fight page (src/http/pages/title-fight.tsx) and its script
 * (./title-what-if-page.ts) agree on: the element ids, the values of the pickers, and the data
 * the page carries to the script — the season as it stood, cut to the class, and the question.
 * The script computes with the same domain module the server renders with (title-what-if.ts).
 */
import type { Season } from '../domain/season.ts';
import type { TitleQuestion } from '../domain/title-maths.ts';
import type { Pick } from '../domain/title-what-if.ts';
import { NO_PLACE } from '../domain/title-field.ts';

export const WHAT_IF = {
  form: 'what-if-form',
  data: 'what-if-data',
  result: 'what-if-result',
  verdict: 'what-if-verdict',
  table: 'what-if-table',
  problems: 'what-if-problems',
  pole: 'what-if-pole',
  /** The round picker. */
  moment: 'title-moment',
} as const;

/** The id of a car's picker: `pick-26`. */
export const pickId = (car: string) => `pick-${car.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** What the page hands its script, as JSON. */
export interface WhatIfData {
  readonly before: Season;
  readonly question: TitleQuestion;
  /** Row keys that can still win. */
  readonly contenders: readonly string[];
}

/** A picker's value: `auto`, a place (`3`), or `out` (no finish). */
export function pickValue(pick: Pick): string {
  return pick === 'auto' ? 'auto' : pick === NO_PLACE ? 'out' : String(pick);
}

export function pickOf(value: string): Pick {
  if (value === 'out') return NO_PLACE;
  const place = Number(value);
  return Number.isInteger(place) && place > 0 ? place : 'auto';
}
