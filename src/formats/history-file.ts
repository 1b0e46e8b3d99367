/**
 * The series history file (`data/history/*.yaml`, format `pitwall-history/1`): the classes of
 * each past season and its champions, class by class. Parsing reports every problem at once,
 * each with its line, like the season file, and never throws for bad input.
 *
 * @example
 * const result = parseHistoryFile(text, 'asian-le-mans-series.yaml');
 * if (result.ok) result.value.seasons[0].champions;
 */
import { z } from 'zod';
import { err, ok } from '../domain/result.ts';
import type { Issue, Result } from '../domain/result.ts';
import { STANDINGS_KINDS } from '../domain/vocabulary.ts';
import type { StandingsKind } from '../domain/vocabulary.ts';
import { loadYaml, positionOfPath } from './yaml-source.ts';
import type { YamlSource } from './yaml-source.ts';
import { listed, oneLine, quote, storable } from './text.ts';
import { defaultMessage, pathString, toIssues } from './zod-issues.ts';

export const HISTORY_FORMAT = 'pitwall-history/1';

/**
 * Champions of one or more classes. One class: they won that class. Several classes: the
 * source lists these names across those classes without saying who won which.
 */
export interface ChampionGroup {
  readonly kind: StandingsKind;
  readonly classes: readonly string[];
  readonly names: readonly string[];
}

export interface HistorySeason {
  /** The season's name as the series writes it: `2009`, `2015-16`. */
  readonly season: string;
  readonly classes: readonly string[];
  /** Attributed groups first, class by class (drivers, then teams), then the unattributed ones. */
  readonly champions: readonly ChampionGroup[];
  readonly notes: readonly string[];
}

export interface SeriesHistory {
  readonly series: string;
  readonly notes: readonly string[];
  readonly seasons: readonly HistorySeason[];
}

export type HistoryFileIssue = Issue & { readonly file: string; readonly line: number };

const text = z.string().min(1).superRefine(storable('name'));
const prose = z.string().min(1).superRefine(storable('prose'));
/** `Team Name`, or a list of names (a crew). */
const names = z.union([text, z.array(text).min(1)]);
const byClass = z.record(text, names);

const seasonSchema = z.strictObject({
  season: z.union([text, z.number().int().transform(String)]),
  classes: z.array(text).min(1),
  drivers: byClass.optional(),
  teams: byClass.optional(),
  unattributed: z
    .array(
      z.strictObject({ kind: z.enum(STANDINGS_KINDS), classes: z.array(text).min(1), names: z.array(text).min(1) }),
    )
    .optional(),
  notes: z.array(prose).optional(),
});

const historySchema = z.strictObject({
  format: z.literal(HISTORY_FORMAT),
  series: text,
  notes: z.array(prose).optional(),
  seasons: z.array(seasonSchema).min(1),
});

type SeasonItem = z.infer<typeof seasonSchema>;

/** Reads a history file, checking its shape and then that every class named is one of its season's. */
export function parseHistoryFile(fileText: string, fileName: string): Result<SeriesHistory, HistoryFileIssue[]> {
  const loaded = loadYaml(fileText);
  if (!loaded.ok) {
    return err(
      loaded.error.map((e) => ({ code: 'syntax', message: e.message, path: [], file: fileName, line: e.line })),
    );
  }
  const shape = historySchema.safeParse(loaded.value.data, { reportInput: true, error: defaultMessage });
  if (!shape.success) return err(locate(loaded.value, fileName, toIssues(shape.error.issues)));
  const issues = shape.data.seasons.flatMap((season, index) => checkSeason(season, ['seasons', index]));
  issues.push(...duplicateSeasons(shape.data.seasons));
  if (issues.length > 0) return err(locate(loaded.value, fileName, issues));
  return ok({
    series: shape.data.series,
    notes: shape.data.notes ?? [],
    seasons: shape.data.seasons.map(toHistorySeason),
  });
}

function checkSeason(season: SeasonItem, at: readonly (string | number)[]): Issue[] {
  const issues: Issue[] = [];
  const unknown = (classId: string, path: readonly (string | number)[]) => {
    if (!season.classes.includes(classId)) {
      issues.push({
        code: 'unknown-class',
        message: `class ${quote(classId)} is not one of the season's classes (${listed(season.classes)})`,
        path: [...at, ...path],
      });
    }
  };
  for (const kind of STANDINGS_KINDS) {
    for (const classId of Object.keys(season[kind] ?? {})) unknown(classId, [kind, classId]);
  }
  season.unattributed?.forEach((group, g) =>
    group.classes.forEach((c, i) => unknown(c, ['unattributed', g, 'classes', i])),
  );
  return issues;
}

function duplicateSeasons(seasons: readonly SeasonItem[]): Issue[] {
  return seasons.flatMap((s, index) =>
    seasons.findIndex((other) => other.season === s.season) < index
      ? [
          {
            code: 'duplicate',
            message: `season ${quote(s.season)} is listed twice`,
            path: ['seasons', index, 'season'],
          },
        ]
      : [],
  );
}

function toHistorySeason(season: SeasonItem): HistorySeason {
  // Class by class, drivers then teams, as the published champions tables read.
  const attributed = season.classes.flatMap((classId) =>
    (['drivers', 'teams'] as const).flatMap((kind): ChampionGroup[] => {
      const given = season[kind]?.[classId];
      if (given === undefined) return [];
      return [{ kind, classes: [classId], names: typeof given === 'string' ? [given] : given }];
    }),
  );
  return {
    season: season.season,
    classes: season.classes,
    champions: [...attributed, ...(season.unattributed ?? [])],
    notes: season.notes ?? [],
  };
}

function locate(source: YamlSource, file: string, issues: readonly Issue[]): HistoryFileIssue[] {
  return issues
    .map((issue) => ({ ...issue, file, line: positionOfPath(source, issue.path).line }))
    .sort((a, b) => a.line - b.line);
}

/** One line, `file:line: code path: message`, as the season file's issues print. */
export function formatIssue(issue: HistoryFileIssue): string {
  const where = issue.path.length > 0 ? `${pathString(issue.path)}: ` : '';
  return oneLine(`${issue.file}:${issue.line}: ${issue.code} ${where}${issue.message}`);
}
