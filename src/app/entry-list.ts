/**
 * The entry list as race control keeps it while the season runs (domain/entry-list.ts): each
 * change checked against the stored season, saved in one transaction with its record in the audit
 * trail (store/entry-list-changes.ts) — who, when, what, each entry before and after. The crew
 * changes an officer confirms on importing a timing file go to the same trail.
 */
import type { EntryBeforeAfter, EntryChange } from '../domain/entry-list.ts';
import { applyEntryChange, sameData } from '../domain/entry-list.ts';
import type { LineupFinding } from '../domain/lineup-rules.ts';
import type { Issue, Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import type { Season } from '../domain/season.ts';
import { isEnteredFor, teamAt } from '../domain/season.ts';
import type { Rating } from '../domain/vocabulary.ts';
import { parseSeasonFile, serializeSeasonFile } from '../formats/season-file.ts';
import { quote } from '../formats/text.ts';
import { pathString } from '../formats/zod-issues.ts';
import { problemOf } from '../formats/problems.ts';
import type { Refusal } from '../domain/problem.ts';
import { formatProblem, refusal } from '../domain/problem.ts';
import type { Sql } from '../store/database.ts';
import type { EntryListChange } from '../store/entry-list-changes.ts';
import { appendEntryListChange, listEntryListChanges } from '../store/entry-list-changes.ts';
import { loadSeason, saveSeason, withSeasonLock } from '../store/seasons.ts';

/** The `?confirm=` value (`--confirm`) by which the officer accepts the line-up findings a change brings. */
export const CONFIRM_LINEUP_FINDINGS = 'lineup-findings';

/**
 * A change refused, nothing changed: `not-found` (no such season, car or round), `bad-request`
 * (what the season does not allow), `conflict` (it would contradict an imported result, or the car
 * is already entered), `needs-confirmation` (line-up findings the officer may confirm).
 */
export type EntryListRefusal = Refusal<'not-found' | 'bad-request' | 'conflict' | 'needs-confirmation'>;

export interface EntryListChanged {
  readonly summary: string;
  /** False when the entry list already was so: nothing saved, nothing in the audit trail. */
  readonly changed: boolean;
  readonly entries: readonly EntryBeforeAfter[];
  /** The line-up findings the change brought, in words (violations only once confirmed). */
  readonly findings: readonly string[];
  readonly by: string;
  readonly at: string;
}

export interface EntryListOptions {
  readonly by: string;
  readonly at: string;
  /** The officer confirms the line-up findings the change brings. */
  readonly confirm?: boolean;
}

const NOT_FOUND = new Set(['unknown-car', 'unknown-round']);
const CONFLICT = new Set([
  'duplicate-car',
  'in-classification',
  'drove-classified-race',
  'credited-crew',
  'holds-pole',
  'has-results',
]);

/** `#22 round 3: 2 or 3 drivers: 1 driver entered, expected 2 to 3: Ana Silva` */
export const findingText = (f: LineupFinding): string => `#${f.car} round ${f.round}: ${f.rule}: ${f.message}`;

function refusalOf(issues: readonly Issue[]): EntryListRefusal {
  const problems = issues.map(problemOf);
  const text = problems.map(formatProblem).join('; ');
  if (issues.some((i) => NOT_FOUND.has(i.code))) return refusal('not-found', text, problems);
  const code = issues.some((i) => CONFLICT.has(i.code)) ? 'conflict' : 'bad-request';
  return refusal(code, `nothing changed: ${text}`, problems);
}

/**
 * What the change would break in the season file that `export` writes and `import` reads back,
 * beyond what the stored season already breaks: a guard behind the domain's checks, so that the
 * entry list race control keeps is always one a season file can hold.
 */
function roundTripProblems(before: Season, after: Season): Issue[] {
  const read = (season: Season) => parseSeasonFile(serializeSeasonFile(season), `${season.id}.yaml`);
  const parsed = read(after);
  if (parsed.ok) return [];
  const old = read(before);
  const known = new Set(old.ok ? [] : old.error.map((i) => `${i.code}\n${i.message}`));
  return parsed.error
    .filter((i) => !known.has(`${i.code}\n${i.message}`))
    .map((i) => ({
      code: i.code,
      message: `the season file would not import back: ${pathString(i.path)}: ${i.message}`,
      path: [],
    }));
}

/**
 * Applies one change to a stored season's entry list, in one transaction under the season's lock
 * (so that a change at the same time starts from this one's result): refused with every
 * problem and nothing changed, or saved with its record in the audit trail. Line-up violations the
 * change brings refuse it until the officer confirms them.
 */
export async function changeEntryList(
  db: Sql,
  seasonId: string,
  change: EntryChange,
  options: EntryListOptions,
): Promise<Result<EntryListChanged, EntryListRefusal>> {
  const { by, at } = options;
  return withSeasonLock(db, seasonId, async (tx) => {
    const stored = await loadSeason(tx, seasonId);
    if (!stored) return err(refusal('not-found', `No season ${quote(seasonId)}.`));
    const edit = applyEntryChange(stored, change);
    if (!edit.ok) return err(refusalOf(edit.error));
    const { summary, entries, findings } = edit.value;
    if (entries.length === 0) return ok({ summary, changed: false, entries, findings: [], by, at });
    const violations = findings.filter((f) => f.kind === 'violation');
    if (violations.length > 0 && options.confirm !== true) {
      const issues = violations.map((f) => ({ code: 'lineup-rule', message: findingText(f) }));
      const message =
        `nothing changed: the crew would break ${violations.length} line-up rule(s); confirm with ` +
        `?confirm=${CONFIRM_LINEUP_FINDINGS} (--confirm) to record it as it is`;
      return err(refusal('needs-confirmation', message, issues));
    }
    const broken = roundTripProblems(stored, edit.value.season);
    if (broken.length > 0) return err(refusalOf(broken));
    await saveSeason(tx, edit.value.season, at);
    const { kind, ...request } = change;
    await appendEntryListChange(tx, seasonId, { kind, summary, request, entries, by, at });
    return ok({ summary, changed: true, entries, findings: findings.map(findingText), by, at });
  });
}

/** The crew changes an officer confirmed on importing a timing file, as the season records them. */
export interface ConfirmedCrew {
  readonly file: string;
  readonly round: number;
  /** In words, as the import's answer says them: `#22 Jonas WEBER entered for round 2`. */
  readonly crewChanges: readonly string[];
  readonly by: string;
  readonly at: string;
}

/**
 * Records in the audit trail the crew changes confirmed with a timing file (`?confirm=crew-changes`):
 * every entry `confirmed` changed from `stored`. Call inside the import's transaction (withSeasonLock).
 */
export async function recordConfirmedCrew(
  tx: Sql,
  stored: Season,
  confirmed: Season,
  record: ConfirmedCrew,
): Promise<void> {
  const entries = confirmed.entries.flatMap((after) => {
    const before = stored.entries.find((e) => e.car === after.car);
    return before && sameData(before, after) ? [] : [{ car: after.car, before: before ?? null, after }];
  });
  if (entries.length === 0) return;
  await appendEntryListChange(tx, stored.id, {
    kind: 'timing-crew',
    summary: `confirmed with ${record.file} (round ${record.round}): ${record.crewChanges.join('; ')}`,
    request: { file: record.file, round: record.round, crewChanges: record.crewChanges },
    entries,
    by: record.by,
    at: record.at,
  });
}

export const entryListChanges = (db: Sql, seasonId: string): Promise<EntryListChange[]> =>
  listEntryListChanges(db, seasonId);

/** A crew member as the entry list shows them: the rounds spelled out. */
export interface CrewMemberView {
  readonly name: string;
  readonly rating: Rating | null;
  readonly nationality: string | null;
  readonly aliases: readonly string[];
  readonly rounds: readonly number[];
}

/** A car of the entry list, with its crew and team name at each round it is entered for. */
export interface EntryView {
  readonly car: string;
  readonly class: string;
  readonly team: string;
  readonly nationality: string | null;
  readonly carModel: string | null;
  readonly eligible: boolean;
  readonly drivers: readonly CrewMemberView[];
  readonly rounds: readonly { readonly round: number; readonly team: string; readonly drivers: readonly string[] }[];
}

export interface EntryListView {
  readonly id: string;
  readonly series: string;
  readonly season: string;
  readonly rounds: readonly { readonly round: number; readonly name: string }[];
  /** Class by class, in the season's order; every car in its own class. */
  readonly classes: readonly { readonly id: string; readonly name: string; readonly entries: readonly EntryView[] }[];
}

/** The entry list, class by class, with per-round crews: what race control reads and the command prints. */
export function entryListView(season: Season): EntryListView {
  const rounds = season.rounds.map((r) => r.round);
  const entryView = (entry: Season['entries'][number]): EntryView => ({
    car: entry.car,
    class: entry.class,
    team: entry.team,
    nationality: entry.nationality ?? null,
    carModel: entry.carModel ?? null,
    eligible: entry.eligible,
    drivers: entry.drivers.map((d) => ({
      name: d.name,
      rating: d.rating ?? null,
      nationality: d.nationality ?? null,
      aliases: d.aliases ?? [],
      rounds: rounds.filter((r) => isEnteredFor(d, r)),
    })),
    rounds: rounds.flatMap((round) => {
      const drivers = entry.drivers.filter((d) => isEnteredFor(d, round)).map((d) => d.name);
      return drivers.length === 0 ? [] : [{ round, team: teamAt(entry, round), drivers }];
    }),
  });
  return {
    id: season.id,
    series: season.series,
    season: season.season,
    rounds: season.rounds.map((r) => ({ round: r.round, name: r.name })),
    classes: season.classes.map((c) => ({
      id: c.id,
      name: c.name,
      entries: season.entries.filter((e) => e.class === c.id).map(entryView),
    })),
  };
}

/** Rounds in a row with the same crew and team name: `rounds 1-2: A, B, C`. */
export interface CrewSpell {
  readonly rounds: readonly number[];
  readonly team: string;
  readonly drivers: readonly string[];
}

/** A car's crews, one spell for each run of its rounds with the same crew and team name. */
export function crewSpells(entry: EntryView): CrewSpell[] {
  const spells: { rounds: number[]; team: string; drivers: readonly string[] }[] = [];
  for (const at of entry.rounds) {
    const last = spells.at(-1);
    if (last && last.team === at.team && last.drivers.join('\n') === at.drivers.join('\n')) last.rounds.push(at.round);
    else spells.push({ rounds: [at.round], team: at.team, drivers: at.drivers });
  }
  return spells;
}
