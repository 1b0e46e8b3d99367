/**
 * A round's drive times and stints from its stored race lap analysis, class by class, checked
 * against the season's drive-time rules (domain/drive-time-rules.ts): what the round's page, the
 * race-control page and `GET …/rounds/{round}/drive-times` show.
 */
import type { Infringement } from '../domain/drive-time-rules.ts';
import type { DriverDriveTime, PitTimeReading } from '../domain/drive-time.ts';
import { compareCars } from '../domain/drive-time.ts';
import { findDriver } from '../domain/driver-identity.ts';
import type { Season } from '../domain/season.ts';
import { teamAt } from '../domain/season.ts';
import type { Rating } from '../domain/vocabulary.ts';
import { driveTimeReport } from '../formats/timing/drive-time-report.ts';
import type { AnalysisLap } from '../formats/timing/lap-analysis-csv.ts';
import type { Sql } from '../store/database.ts';
import type { StoredLap, StoredLapAnalysis } from '../store/lap-analyses.ts';
import { lapAnalysisImport, loadLapAnalysis } from '../store/lap-analyses.ts';

export interface CarDriveTimesView {
  readonly car: string;
  /** The team's name at the round (the entry list's), or the timing's for a car not entered. */
  readonly team: string;
  readonly drivers: readonly (DriverDriveTime & { readonly rating: Rating | null })[];
}

export interface ClassDriveTimes {
  readonly class: string;
  /** By car number. */
  readonly cars: readonly CarDriveTimesView[];
  readonly infringements: readonly Infringement[];
}

export interface RoundDriveTimes {
  readonly round: number;
  /** The lap analysis they come from, who imported it and when. */
  readonly file: string;
  readonly importedBy: string;
  readonly importedAt: string;
  /** Whether the season has drive-time rules: without them nothing is checked. */
  readonly checked: boolean;
  readonly pitTime: PitTimeReading;
  /** In the season's class order. */
  readonly classes: readonly ClassDriveTimes[];
}

const analysisLap = (lap: StoredLap): AnalysisLap => ({
  car: lap.car,
  driverNumber: lap.driverNumber,
  driverName: lap.driver,
  lap: lap.lap,
  lapTimeMs: lap.lapTimeMs,
  sectorTimesMs: [],
  crossedInPit: lap.crossedInPit,
  elapsedMs: lap.elapsedMs,
  ...(lap.pitTimeMs === undefined ? {} : { pitTimeMs: lap.pitTimeMs }),
  ...(lap.class === undefined ? {} : { class: lap.class }),
  ...(lap.team === undefined ? {} : { team: lap.team }),
  ...(lap.flag === undefined ? {} : { flag: lap.flag }),
});

/** The drive times of a stored lap analysis under the season's rules and crews. Pure. */
export function driveTimesOf(season: Season, round: number, analysis: StoredLapAnalysis): RoundDriveTimes {
  const report = driveTimeReport({ laps: analysis.laps.map(analysisLap) }, { season });
  const entries = new Map(season.entries.map((e) => [e.car, e]));
  const classOf = (car: string, timing: string | null) => entries.get(car)?.class ?? timing ?? 'Other';
  const order = [...season.classes.map((c) => c.id)];
  for (const car of report.cars) {
    const cls = classOf(car.car, car.class);
    if (!order.includes(cls)) order.push(cls);
  }
  const classes = order.flatMap((cls): ClassDriveTimes[] => {
    const cars = report.cars
      .filter((c) => classOf(c.car, c.class) === cls)
      .sort((a, b) => compareCars(a.car, b.car))
      .map((c) => {
        const entry = entries.get(c.car);
        return {
          car: c.car,
          team: entry ? teamAt(entry, round) : (c.team ?? ''),
          drivers: c.drivers.map((d) => ({ ...d, rating: findDriver(entry?.drivers ?? [], d.driver)?.rating ?? null })),
        };
      });
    if (cars.length === 0) return [];
    const infringements = report.infringements.filter((i) => cars.some((c) => c.car === i.car));
    return [{ class: cls, cars, infringements }];
  });
  return {
    round,
    file: analysis.file,
    importedBy: analysis.by,
    importedAt: analysis.at,
    checked: season.driveTimeRules !== undefined,
    pitTime: season.driveTimeRules?.pitTime ?? 'counted',
    classes,
  };
}

/**
 * The laps of the lap analyses read last, by round and import: a 24-hour race's 15,000 laps take
 * PGlite a third of a second to read, and every change to the season (a decision, a pole) makes
 * the round's page again while its laps stay the same. A few rounds' worth, a few MB.
 */
export class LapAnalysisCache {
  private readonly held = new Map<string, { version: string; analysis: StoredLapAnalysis }>();

  constructor(private readonly rounds = 2) {}

  /** The round's lap analysis, read only when it was imported again since (or never read). */
  async load(db: Sql, seasonId: string, round: number): Promise<StoredLapAnalysis | undefined> {
    const key = `${round}|${seasonId}`;
    const head = await lapAnalysisImport(db, seasonId, round);
    if (!head) {
      this.held.delete(key);
      return undefined;
    }
    const kept = this.held.get(key);
    if (kept?.version === head.version) {
      // Most recently used last: the first is the one to let go.
      this.held.delete(key);
      this.held.set(key, kept);
      return kept.analysis;
    }
    const analysis = await loadLapAnalysis(db, seasonId, round, head);
    this.held.delete(key);
    this.held.set(key, { version: head.version, analysis });
    while (this.held.size > this.rounds) this.held.delete(this.held.keys().next().value ?? '');
    return analysis;
  }
}

/**
 * The round's drive times, or undefined when no race lap analysis was imported for it (by `asOf`,
 * an ISO moment, when given: the round as it stood then).
 */
export async function roundDriveTimes(
  db: Sql,
  season: Season,
  round: number,
  asOf: string | undefined,
  cache: LapAnalysisCache,
): Promise<RoundDriveTimes | undefined> {
  const analysis = await cache.load(db, season.id, round);
  if (!analysis || (asOf !== undefined && Date.parse(analysis.at) > Date.parse(asOf))) return undefined;
  return driveTimesOf(season, round, analysis);
}
