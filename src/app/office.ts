import type { Season } from '../domain/season.ts';
import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import type { SeasonFileIssue } from '../formats/season-file.ts';
import { parseSeasonFile, serializeSeasonFile } from '../formats/season-file.ts';
import type { Database } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { listSeasonIds, loadSeason, saveSeason, SEASONS_CHANNEL } from '../store/seasons.ts';

/**
 * The championship office: the use-cases every adapter (CLI, HTTP) calls. It keeps the stored
 * seasons in memory until a season changes, because seasons are small and read far more than written.
 */
export interface Office {
  readonly db: Database;
  /** Parses, validates and stores a season file in one transaction: all of it, or nothing. */
  importSeasonFile(text: string, fileName: string): Promise<Result<Season, SeasonFileIssue[]>>;
  /** The stored season as a season file. */
  exportSeason(id: string): Promise<string | undefined>;
  /** Every stored season, latest first. */
  seasons(): Promise<readonly Season[]>;
  season(id: string): Promise<Season | undefined>;
  /** Changes whenever any season changes, here or on another server: a cache key for computed pages. */
  revision(): number;
  close(): Promise<void>;
}

export async function openOffice(db: Database): Promise<Office> {
  await migrate(db);
  let revision = 0;
  let cache: { revision: number; seasons: Promise<Season[]> } | undefined;
  // Another server (or process) importing into the same PostgreSQL notifies us too.
  const unlisten = await db.listen(SEASONS_CHANNEL, () => {
    revision += 1;
  });

  const load = async (): Promise<Season[]> => {
    const loaded: Season[] = [];
    for (const id of await listSeasonIds(db)) {
      const season = await loadSeason(db, id);
      if (season) loaded.push(season);
    }
    // Latest first: by the last race date, then by season name.
    return loaded.sort((a, b) => lastDate(b).localeCompare(lastDate(a)) || b.season.localeCompare(a.season));
  };
  const seasons = (): Promise<Season[]> => {
    if (cache?.revision !== revision) cache = { revision, seasons: load() };
    return cache.seasons;
  };

  return {
    db,
    revision: () => revision,
    seasons,
    season: async (id) => (await seasons()).find((s) => s.id === id),
    importSeasonFile: async (text, fileName) => {
      const parsed = parseSeasonFile(text, fileName);
      if (!parsed.ok) return err(parsed.error);
      await db.transaction((tx) => saveSeason(tx, parsed.value));
      revision += 1;
      return ok(parsed.value);
    },
    exportSeason: async (id) => {
      const season = await loadSeason(db, id);
      return season ? serializeSeasonFile(season) : undefined;
    },
    close: async () => {
      await unlisten();
      await db.close();
    },
  };
}

function lastDate(season: Season): string {
  return season.rounds.reduce((latest, r) => (r.date && r.date > latest ? r.date : latest), '');
}
