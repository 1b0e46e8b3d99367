/**
 * The 2024 24 Hours of Le Mans as a one-round `pitwall-season/1` season file, built at run time
 * from the official classification of the shared timing data (test/support/timing-fixtures.ts)
 * by `seasonFileFromClassification` (what `pitwall season-from-timing` runs): every car of the
 * classification entered with its class, team, car model and crew, names exactly as the timing
 * prints them. No results: the live replay produces them.
 */
import { formatIssue } from '../../src/formats/season-file.ts';
import { parseClassificationCsv } from '../../src/formats/timing/classification-csv.ts';
import { seasonFileFromClassification, WEC_POINTS } from '../../src/formats/timing/season-from-classification.ts';
import { timingBytes } from './timing-fixtures.ts';

/** The season and round the file describes (the id is written in the file, not derived). */
export const LE_MANS_2024 = { seasonId: 'wec-2024', round: 1 } as const;

/** The season file's text (YAML). Throws when the classification fixture cannot be read. */
export function leMans2024SeasonYaml(): string {
  const parsed = parseClassificationCsv(timingBytes('leMans2024Classification'), 'results.csv');
  if (!parsed.ok) throw new Error(parsed.error.map(formatIssue).join('\n'));
  return seasonFileFromClassification(parsed.value, {
    id: LE_MANS_2024.seasonId,
    series: 'FIA World Endurance Championship',
    season: '2024',
    notes: ['Entries from the official classification of the 2024 24 Hours of Le Mans (Al Kamel CSV).'],
    points: WEC_POINTS,
    classNames: { HYPERCAR: 'Hypercar' },
    round: {
      name: '24 Hours of Le Mans',
      circuit: 'Circuit de la Sarthe',
      country: 'FRA',
      date: '2024-06-15',
      // WEC 2024 sporting regulations: Le Mans pays double points (the pole bonus is not doubled).
      pointsMultiplier: 2,
    },
  });
}
