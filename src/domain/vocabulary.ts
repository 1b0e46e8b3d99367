/** The words of the sport, as data: every other module takes its types from here. */

/** FIA driver categorisation, best first. */
export const RATINGS = ['Platinum', 'Gold', 'Silver', 'Bronze'] as const;
export type Rating = (typeof RATINGS)[number];

/**
 * A car's status in a race classification. `Classified` cars get a class position;
 * the others are shown by their status, as in the published tables' colour key.
 */
export const STATUSES = ['Classified', 'NC', 'Ret', 'DNS', 'DSQ', 'EX', 'WD'] as const;
export type Status = (typeof STATUSES)[number];

/** The two championships of every class: one row per car entry, or one row per driver. */
export const STANDINGS_KINDS = ['teams', 'drivers'] as const;
export type StandingsKind = (typeof STANDINGS_KINDS)[number];

/**
 * How rows level on points are ordered, applied in the order given.
 * - `countback`: most wins, then most second places, and so on (the FIA/ACO norm);
 * - `poles`: most pole positions scored;
 * - `shared`: rows still level share the position; the next row's position counts the rows above (1, 1, 3);
 * - `shared-dense`: rows still level share the position; the next row takes the next number (1, 1, 2),
 *   as Wikipedia's Asian Le Mans Series drivers' tables print them.
 * When the list is exhausted, rows that are still level keep distinct positions in a fixed
 * order (car number, then team; or driver name), so the output never depends on input order.
 */
export const TIE_BREAKERS = ['countback', 'poles', 'shared', 'shared-dense'] as const;
export type TieBreaker = (typeof TIE_BREAKERS)[number];
