/**
 * A lap analysis into a round, through race control. A race's is stored (replacing the round's
 * previous one) for its drive times and stints; a qualifying session's sets the poles the season's
 * pole rule orders by the second-best valid lap, through the code path of `PUT …/poles`. Either
 * must fit the round first (checkRoundFit: its date, its cars, its drivers), or nothing changes
 * until the officer confirms the crew changes listed. One transaction, in the audit trail.
 */
import { findDriver } from '../domain/driver-identity.ts';
import { checkPoles } from '../domain/poles.ts';
import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import type { Season } from '../domain/season.ts';
import { quote } from '../formats/text.ts';
import type { AnalysisLap } from '../formats/timing/lap-analysis-csv.ts';
import { parseLapAnalysisCsv } from '../formats/timing/lap-analysis-csv.ts';
import { lapSessionOf } from '../formats/timing/lap-session.ts';
import type { DeletedLap, LapAnalysisPoles } from '../formats/timing/qualifying-lap-poles.ts';
import { lapAnalysisPoles, readDeletedLaps, unknownDeletedLaps } from '../formats/timing/qualifying-lap-poles.ts';
import type { TimingInput, TimingIssue } from '../formats/timing/timing-csv.ts';
import { timingIssue } from '../formats/timing/timing-csv.ts';
import type { Sql } from '../store/database.ts';
import type { StoredLap } from '../store/lap-analyses.ts';
import { loadQualifyingBests, saveLapAnalysis } from '../store/lap-analyses.ts';
import { appendResultsChange } from '../store/results-changes.ts';
import { loadSeason, saveSeason, SEASONS_CHANNEL, withSeasonLock } from '../store/seasons.ts';
import { driveTimesOf } from './drive-times.ts';
import { recordConfirmedCrew } from './entry-list.ts';
import { setPolesWithin } from './poles.ts';
import type { FileCrew } from './timing-import.ts';
import { checkRoundFit } from './timing-import.ts';

/** A race's lap analysis stored: what it holds, and the drive-time infringements found in it. */
export interface RaceLapsImported {
  readonly session: 'race';
  readonly round: number;
  readonly file: string;
  readonly cars: number;
  readonly laps: number;
  readonly infringements: number;
  /** The file's spellings read as a crew member's name: `#51 Elodie BRAZZUOLI is Élodie BRAZZOULI`. */
  readonly spellings: readonly string[];
  readonly crewChanges: readonly string[];
  readonly by: string;
  readonly at: string;
}

/** A qualifying lap analysis read: the poles set, those not set with why, and what was read into them. */
export interface QualifyingLapsImported extends LapAnalysisPoles {
  readonly session: 'qualifying';
  readonly round: number;
  readonly file: string;
  readonly crewChanges: readonly string[];
  readonly by: string;
  readonly at: string;
}

export type LapAnalysisImported = RaceLapsImported | QualifyingLapsImported;

export interface LapAnalysisOptions {
  readonly by: string;
  readonly at: string;
  /** The officer confirms the crew changes listed (checkRoundFit). */
  readonly confirm?: boolean;
  /** `race` or `qualifying`; otherwise the file's name must say (formats/timing/lap-session.ts). */
  readonly session?: string;
  /** Laps race control deleted, `30:4,22:7`, that the qualifying results cannot show. */
  readonly deleted?: string;
}

/** Each car's drivers, at the line of their first lap: a line to point at for each. */
function crewsOf(laps: readonly AnalysisLap[]): FileCrew[] {
  const crews = new Map<string, FileCrew>();
  for (const lap of laps) {
    const key = `${lap.car}\u0000${lap.driverName}`;
    if (!crews.has(key)) crews.set(key, { line: lap.line ?? 1, car: lap.car, drivers: [{ name: lap.driverName }] });
  }
  return [...crews.values()];
}

/** The same refusal once (a car not entered is one line, not one per driver), in line order. */
function once(issues: readonly TimingIssue[]): TimingIssue[] {
  const seen = new Set<string>();
  return issues
    .filter((i) => {
      const key = `${i.code}\u0000${i.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line);
}

/** The laps with the crew's name for each driver, and the spellings that differ from it. */
function crewLaps(season: Season, laps: readonly AnalysisLap[]): { laps: StoredLap[]; spellings: string[] } {
  const entries = new Map(season.entries.map((e) => [e.car, e]));
  const spellings = new Set<string>();
  const stored = laps.map((lap): StoredLap => {
    const known = findDriver(entries.get(lap.car)?.drivers ?? [], lap.driverName)?.name ?? lap.driverName;
    if (known !== lap.driverName) spellings.add(`#${lap.car} ${lap.driverName} is ${known}`);
    return {
      car: lap.car,
      lap: lap.lap,
      driverNumber: lap.driverNumber,
      driver: known,
      timingDriver: lap.driverName,
      lapTimeMs: lap.lapTimeMs,
      ...(lap.pitTimeMs === undefined ? {} : { pitTimeMs: lap.pitTimeMs }),
      crossedInPit: lap.crossedInPit,
      elapsedMs: lap.elapsedMs,
      ...(lap.class === undefined ? {} : { class: lap.class }),
      ...(lap.team === undefined ? {} : { team: lap.team }),
      ...(lap.flag === undefined ? {} : { flag: lap.flag }),
      line: lap.line ?? 1,
    };
  });
  return { laps: stored, spellings: [...spellings] };
}

/** Reads, checks and imports a lap analysis into a round; every problem at once, nothing changed on any. */
export async function importLapAnalysis(
  db: Sql,
  seasonId: string,
  round: number,
  input: TimingInput,
  file: string,
  options: LapAnalysisOptions,
): Promise<Result<LapAnalysisImported, TimingIssue[]>> {
  const session = lapSessionOf(file, options.session);
  if (!session.ok) return err([timingIssue(file, 1, 'session', session.error)]);
  const deleted = readDeletedLaps(options.deleted);
  if (!deleted.ok) return err([timingIssue(file, 1, 'deleted', deleted.error)]);
  if (session.value === 'race' && deleted.value.length > 0) {
    const message = 'deleted laps are read from a qualifying lap analysis; a race lap analysis takes none';
    return err([timingIssue(file, 1, 'deleted', message)]);
  }
  const parsed = parseLapAnalysisCsv(input, file);
  if (!parsed.ok) return parsed;
  const laps = parsed.value.laps;
  const unknown = unknownDeletedLaps(laps, deleted.value);
  if (unknown.length > 0) return err(unknown.map((message) => timingIssue(file, 1, 'deleted', message)));
  // Under the season's lock: the crews confirmed and the poles set are saved with the whole season.
  return withSeasonLock(db, seasonId, async (tx) => {
    const stored = await loadSeason(tx, seasonId);
    if (!stored) return err([timingIssue(file, 1, 'not-found', `no season ${quote(seasonId)}`)]);
    const fit = checkRoundFit(stored, round, file, crewsOf(laps));
    if (fit.refused.length > 0) return err(once([...fit.refused, ...fit.toConfirm]));
    if (fit.toConfirm.length > 0 && options.confirm !== true) return err(once(fit.toConfirm));
    const common = { round, file, crewChanges: fit.crewChanges, by: options.by, at: options.at };
    // The crews as confirmed: a driver this file enters for the round is in the season from now on.
    const saveCrews = async () => {
      if (fit.crewChanges.length === 0) return;
      await saveSeason(tx, fit.confirmed, options.at);
      const { by, at } = options;
      await recordConfirmedCrew(tx, stored, fit.confirmed, { file, round, crewChanges: fit.crewChanges, by, at });
    };
    const imported = await (session.value === 'race'
      ? importRace(tx, fit.confirmed, round, file, laps, options, saveCrews)
      : importQualifying(tx, fit.confirmed, round, file, laps, deleted.value, options, saveCrews));
    if (!imported.ok) return imported;
    await tx.query('SELECT pg_notify($1, $2)', [SEASONS_CHANNEL, seasonId]);
    const answer: LapAnalysisImported = { ...imported.value, ...common };
    return ok(answer);
  });
}

type Part<T extends LapAnalysisImported> = Omit<T, 'round' | 'file' | 'crewChanges' | 'by' | 'at'>;

async function importRace(
  tx: Sql,
  season: Season,
  round: number,
  file: string,
  laps: readonly AnalysisLap[],
  options: LapAnalysisOptions,
  saveCrews: () => Promise<void>,
): Promise<Result<Part<RaceLapsImported>, TimingIssue[]>> {
  const mapped = crewLaps(season, laps);
  await saveCrews();
  const analysis = { file, by: options.by, at: options.at, laps: mapped.laps };
  await saveLapAnalysis(tx, season.id, round, analysis);
  const cars = new Set(laps.map((l) => l.car)).size;
  const details = { file, session: 'race', cars, laps: laps.length };
  await appendResultsChange(tx, season.id, { round, kind: 'lap-analysis', details, by: options.by, at: options.at });
  const infringements = driveTimesOf(season, round, analysis).classes.flatMap((c) => c.infringements).length;
  return ok({ session: 'race', cars, laps: laps.length, infringements, spellings: mapped.spellings });
}

async function importQualifying(
  tx: Sql,
  season: Season,
  round: number,
  file: string,
  laps: readonly AnalysisLap[],
  deleted: readonly DeletedLap[],
  options: LapAnalysisOptions,
  saveCrews: () => Promise<void>,
): Promise<Result<Part<QualifyingLapsImported>, TimingIssue[]>> {
  const kept = await loadQualifyingBests(tx, season.id, round);
  const bests = kept ? { file: kept.files.join(' and '), bestLapMs: kept.bestLapMs } : undefined;
  const derived = lapAnalysisPoles(season, round, file, laps, { ...(bests ? { bests } : {}), deleted });
  const rounds = [...new Set(derived.poles.map((p) => p.round))];
  // Every pole checked before anything is written: all of them are set, or none.
  for (const r of rounds) {
    const checked = checkPoles(
      season,
      r,
      derived.poles.filter((p) => p.round === r),
    );
    if (!checked.ok) return err(checked.error.map((i) => timingIssue(file, 1, i.code, `round ${r}: ${i.message}`)));
  }
  await saveCrews();
  for (const r of rounds) {
    const settings = derived.poles.filter((p) => p.round === r).map((p) => ({ class: p.class, cars: p.cars }));
    const set = await setPolesWithin(tx, season.id, r, settings, options.by, options.at);
    if (!set.ok) throw new Error(`poles checked but refused: ${set.error.message}`);
  }
  return ok({ session: 'qualifying', ...derived });
}
