import type { Round } from '../domain/season.ts';

/**
 * A short column heading for a round, as the published tables use (SHA, BEN, SEP, CHA): the
 * first three letters of the circuit's name, or of the round's name, upper-cased; `R1` without either.
 */
export function roundCode(round: Round): string {
  const source = (round.circuit ?? round.name.replace(/^\d+\s+(Hours?|Minutes?)\s+of\s+/i, ''))
    .replace(/^the\s+/i, '')
    .replace(/[^\p{L}]/gu, '');
  return source.length >= 3 ? source.slice(0, 3).toUpperCase() : `R${round.round}`;
}
