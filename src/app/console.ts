/**
 * What the `pitwall` command asks of the office: import and export seasons, officials and tokens.
 * The same use-cases whether the command opens the database itself or, while a server owns the
 * embedded database, sends them to that server (src/http/auth/console-routes.ts,
 * src/cli/server-console.ts): the answers are plain data, the same on both paths.
 */
import type { Problem } from '../domain/problem.ts';
import { problemOf } from '../formats/problems.ts';
import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import type { Official } from '../domain/officials.ts';
import type { Office } from './office.ts';
import type { Officials, OfficialsError } from './officials.ts';
import type { QualifyingImported } from './qualifying-import.ts';
import type { LapAnalysisImported } from './lap-analysis-import.ts';
import type { TimingRefusal } from './timing-import.ts';
import { timingRefusalOf } from './timing-import.ts';
import type { EntryListView } from './entry-list.ts';
import { entryListView } from './entry-list.ts';
import type { EntryListChange } from '../store/entry-list-changes.ts';

/** A classification imported, as the admin API answers it. */
export interface ClassificationImported {
  readonly round: number;
  readonly state: 'provisional';
  readonly unknownDrivers: readonly string[];
  /** The drivers the officer's confirmation entered for the round. */
  readonly crewChanges: readonly string[];
}

/** A timing file for a round: its provider's name (its date is checked), and whether the officer confirms. */
export interface TimingFileInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly confirm: boolean;
  /** A lap analysis: `race` or `qualifying`, when its name does not say. */
  readonly session?: string;
  /** A qualifying lap analysis: laps race control deleted, `30:4,22:7`. */
  readonly deleted?: string;
}

export interface ImportedSeason {
  readonly id: string;
  readonly series: string;
  readonly season: string;
  readonly entries: number;
  readonly races: number;
}

export interface OfficialSummary {
  readonly name: string;
  readonly role: string;
  /** ISO 8601 */
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

export interface TokenSummary {
  readonly name: string;
  readonly scope: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface NewToken {
  readonly name: string;
  readonly scope: string;
  /** The secret, shown once. */
  readonly token: string;
}

export interface Console {
  /** The season, or every problem of the file, each with its line. */
  importSeasonFile(text: string, fileName: string): Promise<Result<ImportedSeason, readonly Problem[]>>;
  /** The season file, or the ids the database has. */
  exportSeason(id: string): Promise<Result<string, { readonly known: readonly string[] }>>;
  addOfficial(input: {
    name: string;
    role: string;
    password: string;
  }): Promise<Result<OfficialSummary, OfficialsError>>;
  listOfficials(): Promise<OfficialSummary[]>;
  disableOfficial(name: string, by?: Official): Promise<Result<OfficialSummary, OfficialsError>>;
  createToken(input: { name: string; scope: string; createdBy?: Official }): Promise<Result<NewToken, OfficialsError>>;
  listTokens(): Promise<TokenSummary[]>;
  revokeToken(name: string): Promise<Result<TokenSummary, OfficialsError>>;
  /** Sets or corrects poles of a round: the office's own use-case (src/app/poles.ts). */
  setPoles: Office['setPoles'];
  /** A race classification as the round's provisional results (office.importTimingClassification). */
  importTimingClassification(
    id: string,
    round: number,
    file: TimingFileInput,
    by: string,
  ): Promise<Result<ClassificationImported, TimingRefusal>>;
  /** A qualifying result's poles by the season's pole rule (src/app/qualifying-import.ts). */
  importTimingQualifying(
    id: string,
    round: number,
    file: TimingFileInput,
    by: string,
  ): Promise<Result<QualifyingImported, TimingRefusal>>;
  /** A race's lap analysis stored, or a qualifying session's poles (src/app/lap-analysis-import.ts). */
  importTimingLapAnalysis(
    id: string,
    round: number,
    file: TimingFileInput,
    by: string,
  ): Promise<Result<LapAnalysisImported, TimingRefusal>>;
  /** The entry list, class by class, with per-round crews (src/app/entry-list.ts); undefined: no such season. */
  entryList(id: string): Promise<EntryListView | undefined>;
  /** The entry list's audit trail, oldest first; undefined: no such season. */
  entryListChanges(id: string): Promise<readonly EntryListChange[] | undefined>;
  /** Changes the entry list: the office's own use-case. */
  changeEntryList: Office['changeEntryList'];
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

const officialSummary = (o: Official): OfficialSummary => ({
  name: o.name,
  role: o.role,
  createdAt: o.createdAt.toISOString(),
  disabledAt: iso(o.disabledAt),
});

export function openConsole(office: Office, officials: Officials): Console {
  return {
    importSeasonFile: async (text, fileName) => {
      const imported = await office.importSeasonFile(text, fileName);
      if (!imported.ok) return err(imported.error.map(problemOf));
      const s = imported.value;
      return ok({ id: s.id, series: s.series, season: s.season, entries: s.entries.length, races: s.races.length });
    },
    exportSeason: async (id) => {
      const text = await office.exportSeason(id);
      if (text !== undefined) return ok(text);
      return err({ known: (await office.seasons()).map((s) => s.id) });
    },
    addOfficial: async (input) => {
      const added = await officials.add(input);
      return added.ok ? ok(officialSummary(added.value)) : added;
    },
    listOfficials: async () => (await officials.list()).map(officialSummary),
    disableOfficial: async (name, by) => {
      const found = (await officials.list()).find((o) => o.name.toLowerCase() === name.toLowerCase());
      if (!found) return err('not-found');
      const disabled = await officials.disable(found.id, by);
      return disabled.ok ? ok(officialSummary(disabled.value)) : disabled;
    },
    createToken: async (input) => {
      const created = await officials.createToken(input);
      return created.ok
        ? ok({ name: created.value.record.name, scope: created.value.record.scope, token: created.value.token })
        : created;
    },
    listTokens: async () =>
      (await officials.listTokens()).map((t) => ({
        name: t.name,
        scope: t.scope,
        createdAt: t.createdAt.toISOString(),
        revokedAt: iso(t.revokedAt),
      })),
    revokeToken: async (name) => {
      const revoked = await officials.revokeToken(name);
      if (!revoked.ok) return revoked;
      const t = revoked.value;
      return ok({ name: t.name, scope: t.scope, createdAt: t.createdAt.toISOString(), revokedAt: iso(t.revokedAt) });
    },
    setPoles: (id, round, poles, by) => office.setPoles(id, round, poles, by),
    importTimingClassification: async (id, round, file, by) => {
      const options = { confirm: file.confirm };
      const imported = await office.importTimingClassification(id, round, file.bytes, file.fileName, by, options);
      if (!imported.ok) return err(timingRefusalOf(imported.error));
      const unknownDrivers = imported.value.unknownDrivers.map((d) => `#${d.car} ${d.driver}`);
      return ok({ round, state: 'provisional', unknownDrivers, crewChanges: imported.value.crewChanges ?? [] });
    },
    importTimingQualifying: async (id, round, file, by) => {
      const options = { confirm: file.confirm };
      const imported = await office.importQualifying(id, round, file.bytes, file.fileName, by, options);
      return imported.ok ? imported : err(timingRefusalOf(imported.error));
    },
    importTimingLapAnalysis: async (id, round, file, by) => {
      const options = {
        confirm: file.confirm,
        ...(file.session !== undefined && { session: file.session }),
        ...(file.deleted !== undefined && { deleted: file.deleted }),
      };
      const imported = await office.importLapAnalysis(id, round, file.bytes, file.fileName, by, options);
      return imported.ok ? imported : err(timingRefusalOf(imported.error));
    },
    entryList: async (id) => {
      const season = await office.season(id);
      return season ? entryListView(season) : undefined;
    },
    entryListChanges: async (id) => ((await office.season(id)) ? office.entryListChanges(id) : undefined),
    changeEntryList: (id, change, by, options) => office.changeEntryList(id, change, by, options),
  };
}
