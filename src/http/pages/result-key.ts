/**
 * The colour key of a standings cell, as the published (Wikipedia) tables use it: gold, silver
 * and bronze for the podium, green for another points position, blue for classified outside
 * the points, purple for not classified or retired, white for did not start, black for
 * disqualified or excluded, and a neutral key for withdrawn.
 */
export const RESULT_KEYS = [
  'gold',
  'silver',
  'bronze',
  'points',
  'classified',
  'retired',
  'dns',
  'dsq',
  'wd',
  'none',
] as const;
export type ResultKey = (typeof RESULT_KEYS)[number];

/** What a key means, in the order the legend lists them. */
export const KEY_LABELS: Readonly<Record<Exclude<ResultKey, 'none'>, string>> = {
  gold: 'Winner',
  silver: 'Second',
  bronze: 'Third',
  points: 'Other points position',
  classified: 'Classified outside the points',
  retired: 'Retired (Ret) or not classified (NC)',
  dns: 'Did not start (DNS)',
  dsq: 'Disqualified (DSQ) or excluded (EX)',
  wd: 'Withdrawn (WD)',
};

const STATUS_KEYS: Readonly<Record<string, ResultKey>> = {
  Ret: 'retired',
  NC: 'retired',
  DNS: 'dns',
  DSQ: 'dsq',
  EX: 'dsq',
  WD: 'wd',
};

/**
 * The key of a cell. `scoringPositions` is the length of the class's points scale: a position
 * within it (and scoring) is a points finish; beyond it, the flat points for other classified
 * cars (ALMS: 0.5) do not make a "points position" in the published key. A car not eligible
 * for points (`scored` false) is classified outside the points wherever it finished.
 */
export function resultKey(result: string | null, scoringPositions: number, scored = true): ResultKey {
  if (result === null) return 'none';
  const position = Number(result);
  if (!Number.isInteger(position) || position < 1) return STATUS_KEYS[result] ?? 'none';
  if (position === 1) return 'gold';
  if (position === 2) return 'silver';
  if (position === 3) return 'bronze';
  return scored && position <= scoringPositions ? 'points' : 'classified';
}
