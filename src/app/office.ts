import type { Season } from '../domain/season.ts';
import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import type { SeasonFileIssue } from '../formats/season-file.ts';
import { parseSeasonFile, serializeSeasonFile } from '../formats/season-file.ts';
import type { Database } from '../store/database.ts';
import { lockSchema, migrate } from '../store/migrate.ts';
import {
  listSeasonIds,
  loadSeason,
  lockSeason,
  saveSeason,
  SEASONS_CHANNEL,
  withSeasonLock,
} from '../store/seasons.ts';
import type { StewardDecision } from '../domain/decisions.ts';
import type { ResultsState, ResultsStateChange } from '../store/decisions.ts';
import type { DecisionInput, DecisionWithImpact, IssuedDecision, RaceControlRefusal } from './race-control.ts';
import {
  decidedSeason,
  decisionsWithImpact,
  issueDecision,
  listDecisions,
  listResultsStates,
  seasonWithCurrentStates,
  setResultsState,
} from './race-control.ts';
import type { TimingImportReport } from './timing-import.ts';
import { checkRoundFit, raceFromTiming } from './timing-import.ts';
import type { TimingInput, TimingIssue } from '../formats/timing/timing-csv.ts';
import { parseClassificationCsv } from '../formats/timing/classification-csv.ts';
import { appendResultsState } from '../store/decisions.ts';
import type { LiveFeed, LiveFeedOptions } from './live-feed.ts';
import { openLiveFeed } from './live-feed.ts';
import type { PoleSetting } from '../domain/poles.ts';
import type { PolesProblem, PolesSet } from './poles.ts';
import { setPoles } from './poles.ts';
import type { QualifyingImported } from './qualifying-import.ts';
import { importQualifying } from './qualifying-import.ts';
import { quote } from '../formats/text.ts';
import type { EntryChange } from '../domain/entry-list.ts';
import type { EntryListChanged, EntryListRefusal } from './entry-list.ts';
import { changeEntryList, recordConfirmedCrew } from './entry-list.ts';
import type { EntryListChange } from '../store/entry-list-changes.ts';
import { listEntryListChanges } from '../store/entry-list-changes.ts';
import type { LapAnalysisImported } from './lap-analysis-import.ts';
import { importLapAnalysis } from './lap-analysis-import.ts';
import type { RoundDriveTimes } from './drive-times.ts';
import { LapAnalysisCache, roundDriveTimes } from './drive-times.ts';

/**
 * The championship office: the use-cases every adapter (CLI, HTTP) calls. It keeps the stored
 * seasons in memory until a season changes, because seasons are small and read far more than written.
 */
export interface Office {
  readonly db: Database;
  /** Parses, validates and stores a season file in one transaction: all of it, or nothing. */
  importSeasonFile(text: string, fileName: string): Promise<Result<Season, SeasonFileIssue[]>>;
  /**
   * As `importSeasonFile`, but only into a database that holds no season yet (under the schema
   * lock, so two servers starting at once import it once): `undefined` when one was already there.
   */
  importIntoEmpty(text: string, fileName: string): Promise<Result<Season | undefined, SeasonFileIssue[]>>;
  /** The stored season as a season file. */
  exportSeason(id: string): Promise<string | undefined>;
  /** Every stored season as the stewards' decisions make it, latest first. */
  seasons(): Promise<readonly Season[]>;
  season(id: string): Promise<Season | undefined>;
  /** A season as it stood at a moment: the decisions and publications made up to then. */
  seasonAsOf(id: string, asOf: string): Promise<Season | undefined>;
  /** The season as imported, before any decision. */
  importedSeason(id: string): Promise<Season | undefined>;
  decisions(id: string): Promise<readonly StewardDecision[]>;
  /** The season's decisions (of one round) each with its before/after; undefined for no such season. */
  decisionsWithImpact(id: string, round?: number): Promise<DecisionWithImpact[] | undefined>;
  resultsStates(id: string): Promise<readonly ResultsStateChange[]>;
  issueDecision(id: string, input: DecisionInput, by: string): Promise<Result<IssuedDecision, RaceControlRefusal>>;
  setResultsState(
    id: string,
    round: number,
    state: ResultsState,
    by: string,
  ): Promise<Result<ResultsStateChange, RaceControlRefusal>>;
  /** Changes whenever any season changes, here or on another server: a cache key for computed pages. */
  revision(): number;
  /**
   * Replaces a round's classification by the timing system's, as provisional results, in one
   * transaction: a file with any problem changes nothing.
   */
  importTimingClassification(
    id: string,
    round: number,
    input: TimingInput,
    file: string,
    by: string,
    options?: TimingImportOptions,
  ): Promise<Result<TimingImportReport, TimingIssue[]>>;
  /** Sets provisional poles from a qualifying results file by the season's pole rule (src/app/qualifying-import.ts). */
  importQualifying(
    id: string,
    round: number,
    input: TimingInput,
    file: string,
    by: string,
    options?: TimingImportOptions,
  ): Promise<Result<QualifyingImported, TimingIssue[]>>;
  /**
   * A lap analysis into a round (src/app/lap-analysis-import.ts): a race's is stored for its drive
   * times, a qualifying session's sets the poles of the grids ordered by the second-best valid lap.
   */
  importLapAnalysis(
    id: string,
    round: number,
    input: TimingInput,
    file: string,
    by: string,
    options?: LapAnalysisImportOptions,
  ): Promise<Result<LapAnalysisImported, TimingIssue[]>>;
  /**
   * The round's drive times from its stored race lap analysis, under the season's rules
   * (src/app/drive-times.ts); with `asOf`, only a lap analysis imported by then.
   */
  driveTimes(id: string, round: number, asOf?: string): Promise<RoundDriveTimes | undefined>;
  /** Sets or corrects poles of a round (src/app/poles.ts), in the audit trail with `by`. */
  setPoles(
    id: string,
    round: number,
    poles: readonly PoleSetting[],
    by: string,
  ): Promise<Result<PolesSet, PolesProblem>>;
  /** Changes the entry list (src/app/entry-list.ts), in the audit trail with `by`. */
  changeEntryList(
    id: string,
    change: EntryChange,
    by: string,
    options?: { readonly confirm?: boolean },
  ): Promise<Result<EntryListChanged, EntryListRefusal>>;
  /** The season's entry-list changes, oldest first: race control's and those confirmed with timing files. */
  entryListChanges(id: string): Promise<readonly EntryListChange[]>;
  /** The live timing feed of every round, opened on first use (src/app/live-feed.ts). */
  live(): Promise<LiveFeed>;
  close(): Promise<void>;
}

export interface TimingImportOptions {
  /** The officer confirms the listed crew changes (and a date not the round's): checkRoundFit. */
  readonly confirm?: boolean;
}

export interface LapAnalysisImportOptions extends TimingImportOptions {
  /** `race` or `qualifying`, when the file's name does not say (formats/timing/lap-session.ts). */
  readonly session?: string;
  /** Laps race control deleted, `30:4,22:7`, for a qualifying lap analysis. */
  readonly deleted?: string;
}

/** A timing file for a season there is not: the refusal is a 404 (app/timing-import.ts). */
const noSeason = (id: string, file: string): TimingIssue => ({
  code: 'not-found',
  message: `no season ${quote(id)}`,
  path: [],
  file,
  line: 1,
});

export interface OfficeOptions {
  /** The clock, for the time of decisions: passed in so that tests can fix it. */
  readonly now?: () => Date;
  readonly live?: LiveFeedOptions;
}

export async function openOffice(db: Database, options: OfficeOptions = {}): Promise<Office> {
  const now = options.now ?? (() => new Date());
  let liveFeed: Promise<LiveFeed> | undefined;
  await migrate(db);
  let revision = 0;
  let cache: { revision: number; seasons: Promise<Season[]> } | undefined;
  const lapAnalyses = new LapAnalysisCache();
  // Another server (or process) importing into the same PostgreSQL notifies us too.
  const unlisten = await db.listen(SEASONS_CHANNEL, () => {
    revision += 1;
  });

  const load = async (): Promise<Season[]> => {
    const loaded: Season[] = [];
    for (const id of await listSeasonIds(db)) {
      const season = await loadSeason(db, id);
      if (season) loaded.push(await decidedSeason(db, season));
    }
    // Latest first: by the last race date, then by season name.
    return loaded.sort((a, b) => lastDate(b).localeCompare(lastDate(a)) || b.season.localeCompare(a.season));
  };
  const seasons = (): Promise<Season[]> => {
    if (cache?.revision !== revision) cache = { revision, seasons: load() };
    return cache.seasons;
  };

  const office: Office = {
    db,
    revision: () => revision,
    seasons,
    season: async (id) => (await seasons()).find((s) => s.id === id),
    seasonAsOf: async (id, asOf) => {
      const stored = await loadSeason(db, id);
      return stored ? decidedSeason(db, stored, asOf) : undefined;
    },
    importedSeason: (id) => loadSeason(db, id),
    decisions: (id) => listDecisions(db, id),
    decisionsWithImpact: async (id, round) => {
      const [imported, decisions] = await Promise.all([loadSeason(db, id), listDecisions(db, id)]);
      return imported ? decisionsWithImpact(imported, decisions, round) : undefined;
    },
    resultsStates: (id) => listResultsStates(db, id),
    issueDecision: async (id, input, by) => {
      const issued = await issueDecision(db, id, input, by, now());
      if (issued.ok) revision += 1;
      return issued;
    },
    setResultsState: async (id, round, state, by) => {
      const changed = await setResultsState(db, id, round, state, by, now());
      if (changed.ok) revision += 1;
      return changed;
    },
    importSeasonFile: async (text, fileName) => {
      const parsed = parseSeasonFile(text, fileName);
      if (!parsed.ok) return err(parsed.error);
      // Under the season's lock: a change begun on the season before is saved before the file replaces it.
      await withSeasonLock(db, parsed.value.id, (tx) => saveSeason(tx, parsed.value, now().toISOString()));
      revision += 1;
      return ok(parsed.value);
    },
    importIntoEmpty: async (text, fileName) => {
      const parsed = parseSeasonFile(text, fileName);
      if (!parsed.ok) return err(parsed.error);
      const saved = await db.transaction(async (tx) => {
        await lockSchema(tx);
        await lockSeason(tx, parsed.value.id);
        if ((await listSeasonIds(tx)).length > 0) return false;
        await saveSeason(tx, parsed.value);
        return true;
      });
      if (!saved) return ok(undefined);
      revision += 1;
      return ok(parsed.value);
    },
    exportSeason: async (id) => {
      const season = await loadSeason(db, id);
      return season ? serializeSeasonFile(await seasonWithCurrentStates(db, season)) : undefined;
    },
    importTimingClassification: async (id, round, input, file, by, options = {}) => {
      const parsed = parseClassificationCsv(input, file);
      // Read, checked and saved under the season's lock: a change at the same time is not lost.
      const imported = await withSeasonLock(db, id, async (tx): Promise<Result<TimingImportReport, TimingIssue[]>> => {
        const stored = await loadSeason(tx, id);
        // No such season is said before anything of the file.
        if (!stored) return err([noSeason(id, file)]);
        if (!parsed.ok) return parsed;
        const crews = parsed.value.lines.map((l) => ({
          line: l.line,
          car: l.car,
          team: l.team,
          drivers: l.drivers.map((name) => ({ name })),
        }));
        const fit = checkRoundFit(stored, round, file, crews);
        if (fit.refused.length > 0) return err([...fit.refused, ...fit.toConfirm]);
        if (fit.toConfirm.length > 0 && options.confirm !== true) return err([...fit.toConfirm]);
        const mapped = raceFromTiming(fit.confirmed, round, parsed.value, file);
        if (!mapped.ok) return mapped;
        const races = [...stored.races.filter((r) => r.round !== round), mapped.value.race].sort(
          (a, b) => a.round - b.round,
        );
        await saveSeason(tx, { ...fit.confirmed, races }, now().toISOString());
        await appendResultsState(tx, id, { round, state: 'provisional', by, at: now().toISOString() });
        const { crewChanges } = fit;
        if (crewChanges.length > 0) {
          const at = now().toISOString();
          await recordConfirmedCrew(tx, stored, fit.confirmed, { file, round, crewChanges, by, at });
        }
        return ok({ ...mapped.value, crewChanges });
      });
      if (imported.ok) revision += 1;
      return imported;
    },
    importQualifying: async (id, round, input, file, by, options = {}) => {
      // No such season is said before anything of the file: as for a classification.
      if (!(await listSeasonIds(db)).includes(id)) return err([noSeason(id, file)]);
      const at = now().toISOString();
      const imported = await importQualifying(db, id, round, input, file, { by, at, ...options });
      if (imported.ok) revision += 1;
      return imported;
    },
    importLapAnalysis: async (id, round, input, file, by, options = {}) => {
      if (!(await listSeasonIds(db)).includes(id)) return err([noSeason(id, file)]);
      const imported = await importLapAnalysis(db, id, round, input, file, { by, at: now().toISOString(), ...options });
      if (imported.ok) revision += 1;
      return imported;
    },
    driveTimes: async (id, round, asOf) => {
      const season = await office.season(id);
      return season ? roundDriveTimes(db, season, round, asOf, lapAnalyses) : undefined;
    },
    setPoles: async (id, round, poles, by) => {
      const set = await setPoles(db, id, round, poles, by, now().toISOString());
      if (set.ok) revision += 1;
      return set;
    },
    changeEntryList: async (id, change, by, changeOptions = {}) => {
      const changed = await changeEntryList(db, id, change, { by, at: now().toISOString(), ...changeOptions });
      if (changed.ok && changed.value.changed) revision += 1;
      return changed;
    },
    entryListChanges: (id) => listEntryListChanges(db, id),
    live: () => (liveFeed ??= openLiveFeed(db, office, { now, ...options.live })),
    close: async () => {
      if (liveFeed) await (await liveFeed).close();
      await unlisten();
      await db.close();
    },
  };
  return office;
}

function lastDate(season: Season): string {
  return season.rounds.reduce((latest, r) => (r.date && r.date > latest ? r.date : latest), '');
}
