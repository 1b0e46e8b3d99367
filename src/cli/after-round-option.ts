import type { Season } from '../domain/season.ts';
import { UserError } from './user-error.ts';

/**
 * `--after-round N`: a round of the season's calendar, or a `UserError` that lists them.
 * @example afterRoundOf('3', season, 'alms.yaml') === 3
 */
export function afterRoundOf(text: string | undefined, season: Season, file: string): number | undefined {
  if (text === undefined) return undefined;
  const round = Number(text);
  if (/^\d+$/.test(text.trim()) && season.rounds.some((r) => r.round === round)) return round;
  const rounds = season.rounds.map((r) => r.round).join(', ');
  throw new UserError([`${file}: --after-round must be a round of the season (${rounds}), not "${text}"`]);
}
