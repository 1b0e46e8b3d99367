/**
 * A one-round `pitwall-season/1` season file built from a timing classification
 * (docs/timing-formats.md#a-season-from-the-timings-classification): every car of the sheet entered
 * with its class, team, car model and crew, names and numbers exactly as the timing prints them,
 * and one round with no results, ready for the live feed or a replay to produce them. Pure.
 *
 * @example
 * const parsed = parseClassificationCsv(bytes, 'results.csv');
 * if (parsed.ok) {
 *   const text = seasonFileFromClassification(parsed.value, {
 *     series: 'FIA World Endurance Championship',
 *     season: '2024',
 *     round: { name: '24 Hours of Le Mans' },
 *   });
 * }
 */
import type { PointsSystem } from '../../domain/points.ts';
import type { CarClass, Entry, Round, Season } from '../../domain/season.ts';
import { defaultSeasonId, serializeSeasonFile } from '../season-file.ts';
import type { ProvisionalClassification, ProvisionalLine } from './classification-csv.ts';

/**
 * The season file format has no default points scale (`points.positions` is required), so a
 * season built from a classification gets the FIA WEC's: 25-18-15-12-10-8-6-4-2-1, one point for
 * the class pole, nothing beyond tenth.
 */
export const WEC_POINTS: PointsSystem = {
  positions: [25, 18, 15, 12, 10, 8, 6, 4, 2, 1],
  otherClassified: 0,
  pole: 1,
  scoringStatuses: ['Classified'],
  classes: {},
};

export interface SeasonFromClassificationOptions {
  readonly series: string;
  /** The season's name, text: `2024`, `2019-20`. */
  readonly season: string;
  /** Default: the series' initials and the season, as the season file derives it. */
  readonly id?: string;
  /** The one round, numbered 1. */
  readonly round: {
    readonly name: string;
    readonly circuit?: string;
    readonly country?: string;
    readonly date?: string;
    /** Default 1. */
    readonly pointsMultiplier?: number;
  };
  /** Default: `WEC_POINTS`. */
  readonly points?: PointsSystem;
  /** A display name per class id (`HYPERCAR: Hypercar`); default: the id as the timing prints it. */
  readonly classNames?: Readonly<Record<string, string>>;
  readonly notes?: readonly string[];
}

/** The season the classification describes: its classes and entries, one round, no results. */
export function seasonFromClassification(
  classification: ProvisionalClassification,
  options: SeasonFromClassificationOptions,
): Season {
  const classIds = [...new Set(classification.lines.map((line) => line.class))];
  const classes = classIds.map((id): CarClass => ({ id, name: options.classNames?.[id] ?? id, alsoClassifiedIn: [] }));
  const round: Round = {
    round: 1,
    name: options.round.name,
    ...(options.round.circuit !== undefined && { circuit: options.round.circuit }),
    ...(options.round.country !== undefined && { country: options.round.country }),
    ...(options.round.date !== undefined && { date: options.round.date }),
    pointsMultiplier: options.round.pointsMultiplier ?? 1,
  };
  return {
    id: options.id ?? defaultSeasonId(options.series, options.season),
    series: options.series,
    season: options.season,
    classes,
    rounds: [round],
    entries: classification.lines.map(entryOf),
    races: [],
    points: options.points ?? WEC_POINTS,
    tieBreakers: { teams: ['countback'], drivers: ['countback'] },
    notes: options.notes ?? [],
  };
}

/** The same season as the text of a `pitwall-season/1` file (YAML). */
export function seasonFileFromClassification(
  classification: ProvisionalClassification,
  options: SeasonFromClassificationOptions,
): string {
  return serializeSeasonFile(seasonFromClassification(classification, options));
}

/** The classification gives no ratings or nationalities; the season file allows leaving them out. */
function entryOf(line: ProvisionalLine): Entry {
  return {
    car: line.car,
    class: line.class,
    team: line.team,
    ...(line.vehicle !== undefined && { carModel: line.vehicle }),
    eligible: true,
    drivers: line.drivers.map((name) => ({ name, rounds: 'all' })),
  };
}
