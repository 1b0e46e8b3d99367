/**
 * The entry list changed while the season runs, one change at a time: a car added, its details,
 * its team's name from a round on, its crew from a round on (or at one round), a driver's rating,
 * nationality and other spellings, a withdrawal from a round. Each change is checked against the
 * season and refused, with every problem, when it would contradict a result already imported
 * (entry-list-checks.ts). Pure: a season and a change in, the season after and what changed out.
 */
import { findDriver, nameKey } from './driver-identity.ts';
import type { Issue, Result } from './result.ts';
import { err, ok } from './result.ts';
import type { CrewMember, Entry, Season, TeamName } from './season.ts';
import { isEnteredFor, teamAt } from './season.ts';
import type { Rating } from './vocabulary.ts';
import type { LineupFinding } from './lineup-rules.ts';
import { lineupFindingsBrought, resultConflicts } from './entry-list-checks.ts';

/** A driver as race control names them: the name, and what is known of them. */
export interface DriverInput {
  readonly name: string;
  readonly rating?: Rating;
  /** ISO 3166-1 alpha-3. */
  readonly nationality?: string;
}

export interface AddEntry {
  readonly kind: 'add-entry';
  readonly car: string;
  readonly class: string;
  readonly team: string;
  readonly eligible?: boolean;
  readonly carModel?: string;
  readonly nationality?: string;
  /** The first round the car is entered for; absent: every round. */
  readonly fromRound?: number;
  readonly drivers: readonly DriverInput[];
}

/** The entry's own fields; `null` clears an optional one. */
export interface EntryDetails {
  readonly kind: 'entry-details';
  readonly car: string;
  readonly class?: string;
  readonly eligible?: boolean;
  readonly carModel?: string | null;
  readonly nationality?: string | null;
}

/** The team runs under `team` from `fromRound` on (absent: at every round). */
export interface TeamNameChange {
  readonly kind: 'team-name';
  readonly car: string;
  readonly team: string;
  readonly fromRound?: number;
}

/**
 * The car's crew is exactly `drivers` from `fromRound` to the last round, or at `round` only:
 * drivers named join, drivers of the crew not named leave for those rounds.
 */
export interface CrewChange {
  readonly kind: 'crew';
  readonly car: string;
  readonly fromRound?: number;
  readonly round?: number;
  readonly drivers: readonly DriverInput[];
}

/** A crew member's rating, nationality (`null` clears) or other spellings (the whole list). */
export interface DriverChange {
  readonly kind: 'driver';
  readonly car: string;
  readonly name: string;
  readonly rating?: Rating | null;
  readonly nationality?: string | null;
  readonly aliases?: readonly string[];
}

/** The car takes no part in the round: none of its crew is entered for it. */
export interface Withdrawal {
  readonly kind: 'withdraw';
  readonly car: string;
  readonly round: number;
}

export type EntryChange = AddEntry | EntryDetails | TeamNameChange | CrewChange | DriverChange | Withdrawal;
export type EntryChangeKind = EntryChange['kind'];

/** An entry as it was and as it is; `null` before a car was added. */
export interface EntryBeforeAfter {
  readonly car: string;
  readonly before: Entry | null;
  readonly after: Entry | null;
}

export interface EntryListEdit {
  readonly season: Season;
  /** The change in words: `#22 from round 3: A, B; joins: B; leaves: C`. */
  readonly summary: string;
  /** The entries that changed; none when the season already was so. */
  readonly entries: readonly EntryBeforeAfter[];
  /** Line-up findings the change brings (lineup-rules.ts): a violation needs the officer's confirmation. */
  readonly findings: readonly LineupFinding[];
}

const roundNumbers = (season: Season): number[] => season.rounds.map((r) => r.round);

/** The rounds a member is entered for, spelled out. */
function roundsEntered(season: Season, member: CrewMember): Set<number> {
  return new Set(roundNumbers(season).filter((r) => isEnteredFor(member, r)));
}

/** `all` when the rounds are every round of the calendar, else the sorted list. */
function roundsValue(season: Season, rounds: ReadonlySet<number>): CrewMember['rounds'] {
  const all = roundNumbers(season);
  if (all.length > 0 && all.every((r) => rounds.has(r))) return 'all';
  return [...rounds].sort((a, b) => a - b);
}

const sameSet = (a: ReadonlySet<number>, b: ReadonlySet<number>): boolean =>
  a.size === b.size && [...a].every((x) => b.has(x));

/** `1-3, 5`: rounds as a person reads them. */
export function roundsText(rounds: Iterable<number>): string {
  const sorted = [...new Set(rounds)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    runs.push(j - i >= 2 ? `${sorted[i]}-${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return runs.join(', ');
}

function unknownRound(season: Season, round: number, path: Issue['path']): Issue[] {
  if (season.rounds.some((r) => r.round === round)) return [];
  const rounds = roundNumbers(season).join(', ') || 'none';
  return [{ code: 'unknown-round', message: `${season.id} has no round ${round} (rounds are ${rounds})`, path }];
}

function unknownClass(season: Season, id: string, path: Issue['path']): Issue[] {
  if (season.classes.some((c) => c.id === id)) return [];
  const known = season.classes.map((c) => c.id).join(', ');
  return [{ code: 'unknown-class', message: `no class "${id}" (the season has ${known})`, path }];
}

/** Two names of one request for one driver (`Ana SOUSA`, `Ana Sousa`). */
function duplicateNames(names: readonly string[], path: Issue['path']): Issue[] {
  const seen = new Map<string, number>();
  return names.flatMap((name, i) => {
    const first = seen.get(nameKey(name));
    if (first === undefined) seen.set(nameKey(name), i);
    return first === undefined
      ? []
      : [{ code: 'duplicate-driver', message: `"${name}" is named twice (as "${names[first]}")`, path: [...path, i] }];
  });
}

/**
 * A driver new to the car: as named, with the rating and nationality given, or else those the
 * driver has in another car's crew (a driver changing cars keeps their rating).
 */
function newMember(season: Season, input: DriverInput, rounds: CrewMember['rounds']): CrewMember {
  const elsewhere = season.entries
    .map((e) => findDriver(e.drivers, input.name))
    .find((d): d is CrewMember => d !== undefined);
  const rating = input.rating ?? elsewhere?.rating;
  const nationality = input.nationality ?? elsewhere?.nationality;
  return {
    name: input.name,
    ...(nationality !== undefined ? { nationality } : {}),
    ...(rating !== undefined ? { rating } : {}),
    rounds,
  };
}

/** The season with `entry` in place of the car's (or added after the last car of its class). */
function withEntry(season: Season, car: string, entry: Entry): Season {
  const at = season.entries.findIndex((e) => e.car === car);
  if (at >= 0) return { ...season, entries: season.entries.map((e, i) => (i === at ? entry : e)) };
  const lastOfClass = season.entries.map((e) => e.class).lastIndexOf(entry.class);
  const entries = [...season.entries];
  entries.splice(lastOfClass >= 0 ? lastOfClass + 1 : entries.length, 0, entry);
  return { ...season, entries };
}

type Built = Result<{ readonly entry: Entry; readonly summary: string }, Issue[]>;

function addEntry(season: Season, change: AddEntry): Built {
  const issues: Issue[] = [
    ...(season.entries.some((e) => e.car === change.car)
      ? [{ code: 'duplicate-car', message: `car #${change.car} is already in the entry list`, path: ['car'] }]
      : []),
    ...unknownClass(season, change.class, ['class']),
    ...(change.fromRound === undefined ? [] : unknownRound(season, change.fromRound, ['fromRound'])),
    ...(change.drivers.length === 0
      ? [{ code: 'empty-crew', message: 'name at least one driver', path: ['drivers'] }]
      : []),
    ...duplicateNames(
      change.drivers.map((d) => d.name),
      ['drivers'],
    ),
  ];
  if (issues.length > 0) return err(issues);
  const from = change.fromRound;
  const rounds =
    from === undefined ? 'all' : roundsValue(season, new Set(roundNumbers(season).filter((r) => r >= from)));
  const entry: Entry = {
    car: change.car,
    class: change.class,
    team: change.team,
    ...(change.nationality !== undefined ? { nationality: change.nationality } : {}),
    ...(change.carModel !== undefined ? { carModel: change.carModel } : {}),
    eligible: change.eligible ?? true,
    drivers: change.drivers.map((d) => newMember(season, d, rounds)),
  };
  const when = from === undefined ? '' : ` from round ${from}`;
  const crew = entry.drivers.map((d) => d.name).join(', ');
  return ok({ entry, summary: `#${change.car} added to ${change.class}${when}: ${change.team}, ${crew}` });
}

function entryDetails(season: Season, entry: Entry, change: EntryDetails): Built {
  const issues = change.class === undefined ? [] : unknownClass(season, change.class, ['class']);
  if (issues.length > 0) return err(issues);
  const { nationality, carModel, ...rest } = entry;
  const nextNationality = change.nationality === undefined ? nationality : (change.nationality ?? undefined);
  const nextModel = change.carModel === undefined ? carModel : (change.carModel ?? undefined);
  const next: Entry = {
    ...rest,
    class: change.class ?? entry.class,
    eligible: change.eligible ?? entry.eligible,
    ...(nextNationality !== undefined ? { nationality: nextNationality } : {}),
    ...(nextModel !== undefined ? { carModel: nextModel } : {}),
  };
  const said = [
    change.class !== undefined && `class ${change.class}`,
    change.eligible !== undefined && (change.eligible ? 'eligible for points' : 'not eligible for points'),
    change.carModel !== undefined && `car ${change.carModel ?? 'unknown'}`,
    change.nationality !== undefined && `nationality ${change.nationality ?? 'unknown'}`,
  ].filter((s): s is string => typeof s === 'string');
  return ok({ entry: next, summary: `#${entry.car}: ${said.join(', ')}` });
}

/** Team names round by round: the new one from `fromRound` on, the ones it had before that. */
function teamName(season: Season, entry: Entry, change: TeamNameChange): Built {
  const from = change.fromRound;
  if (from !== undefined) {
    const issues = unknownRound(season, from, ['fromRound']);
    if (issues.length > 0) return err(issues);
  }
  const names = new Map<string, number[]>();
  for (const round of roundNumbers(season)) {
    const name = from === undefined || round >= from ? change.team : teamAt(entry, round);
    if (name !== change.team) names.set(name, [...(names.get(name) ?? []), round]);
  }
  // `team` is the name of the last round, as the timing archive writes it: the one the tables show.
  const teamNames: TeamName[] = [...names].map(([team, rounds]) => ({ team, rounds }));
  const { teamNames: _before, ...rest } = entry;
  const next: Entry = { ...rest, team: change.team, ...(teamNames.length > 0 ? { teamNames } : {}) };
  const when = from === undefined ? 'at every round' : `from round ${from}`;
  return ok({ entry: next, summary: `#${entry.car} runs as ${change.team} ${when}` });
}

function crew(season: Season, entry: Entry, change: CrewChange): Built {
  const issues: Issue[] = [];
  if ((change.fromRound === undefined) === (change.round === undefined)) {
    issues.push({ code: 'invalid', message: 'give either fromRound or round, not both', path: ['fromRound'] });
  }
  if (change.fromRound !== undefined) issues.push(...unknownRound(season, change.fromRound, ['fromRound']));
  if (change.round !== undefined) issues.push(...unknownRound(season, change.round, ['round']));
  if (change.drivers.length === 0) {
    const hint = change.round === undefined ? '' : `; to take the car out of round ${change.round}, withdraw it`;
    issues.push({ code: 'empty-crew', message: `name at least one driver${hint}`, path: ['drivers'] });
  }
  // Each name given stands for a member of the crew (by name or alias, case and accents aside) or a new driver.
  const members = change.drivers.map((d) => findDriver(entry.drivers, d.name));
  const keys = change.drivers.map((d, i) => members[i]?.name ?? d.name);
  issues.push(...duplicateNames(keys, ['drivers']));
  if (issues.length > 0) return err(issues);
  const from = change.fromRound;
  const targets =
    from !== undefined
      ? roundNumbers(season).filter((r) => r >= from)
      : change.round === undefined
        ? []
        : [change.round];
  const joining: string[] = [];
  const leaving: string[] = [];
  const drivers = entry.drivers.flatMap((member): CrewMember[] => {
    const at = members.indexOf(member);
    const input = at >= 0 ? change.drivers[at] : undefined;
    const before = roundsEntered(season, member);
    const after = new Set(before);
    for (const round of targets) {
      if (input) after.add(round);
      else after.delete(round);
    }
    if (input && targets.some((r) => !before.has(r))) joining.push(member.name);
    if (!input && targets.some((r) => before.has(r))) leaving.push(member.name);
    // A driver entered for no round any more is no longer in the crew.
    if (after.size === 0) return [];
    const rounds = sameSet(before, after) ? member.rounds : roundsValue(season, after);
    return [
      {
        ...member,
        ...(input?.rating !== undefined ? { rating: input.rating } : {}),
        ...(input?.nationality !== undefined ? { nationality: input.nationality } : {}),
        rounds,
      },
    ];
  });
  const newcomers = change.drivers
    .filter((_, i) => members[i] === undefined)
    .map((d) => newMember(season, d, roundsValue(season, new Set(targets))));
  joining.push(...newcomers.map((d) => d.name));
  const when = change.round === undefined ? `from round ${from}` : `at round ${change.round}`;
  const named = keys.join(', ');
  const moves = [
    ...(joining.length > 0 ? [`joining: ${joining.join(', ')}`] : []),
    ...(leaving.length > 0 ? [`leaving: ${leaving.join(', ')}`] : []),
  ];
  const summary = `#${entry.car} ${when}: ${named}${moves.length > 0 ? `; ${moves.join('; ')}` : ''}`;
  return ok({ entry: { ...entry, drivers: [...drivers, ...newcomers] }, summary });
}

function driver(entry: Entry, change: DriverChange): Built {
  const member = findDriver(entry.drivers, change.name);
  if (!member) {
    const crewNames = entry.drivers.map((d) => d.name).join(', ') || 'nobody';
    return err([
      {
        code: 'unknown-driver',
        message: `"${change.name}" is not in the crew of #${entry.car} (${crewNames})`,
        path: ['name'],
      },
    ]);
  }
  const others = entry.drivers.filter((d) => d !== member);
  const aliases = change.aliases ?? member.aliases ?? [];
  // An alias is another spelling of this driver only: not their own name, nor another driver's.
  const other = (alias: string) =>
    others.find((d) => [d.name, ...(d.aliases ?? [])].some((n) => nameKey(n) === nameKey(alias)));
  const issues: Issue[] = [
    ...(change.aliases ?? []).flatMap((alias, i): Issue[] => {
      const path = ['aliases', i];
      const owner = other(alias);
      if (owner) {
        const message = `"${alias}" is how ${owner.name} of the crew of #${entry.car} is spelled, not ${member.name}`;
        return [{ code: 'duplicate-driver', message, path }];
      }
      return alias === member.name
        ? [{ code: 'duplicate-driver', message: `"${alias}" is ${member.name}'s own name, not another spelling`, path }]
        : [];
    }),
    ...duplicateNames(change.aliases ?? [], ['aliases']),
  ];
  if (issues.length > 0) return err(issues);
  const { rating, nationality, aliases: _aliases, ...rest } = member;
  const nextRating = change.rating === undefined ? rating : (change.rating ?? undefined);
  const nextNationality = change.nationality === undefined ? nationality : (change.nationality ?? undefined);
  const next: CrewMember = {
    ...rest,
    ...(nextNationality !== undefined ? { nationality: nextNationality } : {}),
    ...(nextRating !== undefined ? { rating: nextRating } : {}),
    ...(aliases.length > 0 ? { aliases } : {}),
  };
  const said = [
    change.rating !== undefined && `rating ${change.rating ?? 'unknown'}`,
    change.nationality !== undefined && `nationality ${change.nationality ?? 'unknown'}`,
    change.aliases !== undefined && `also spelled ${aliases.join(', ') || 'no other way'}`,
  ].filter((s): s is string => typeof s === 'string');
  const drivers = entry.drivers.map((d) => (d === member ? next : d));
  return ok({ entry: { ...entry, drivers }, summary: `#${entry.car} ${member.name}: ${said.join(', ')}` });
}

function withdraw(season: Season, entry: Entry, change: Withdrawal): Built {
  const issues = unknownRound(season, change.round, ['round']);
  if (issues.length > 0) return err(issues);
  const drivers = entry.drivers.flatMap((member): CrewMember[] => {
    if (!isEnteredFor(member, change.round)) return [member];
    const rounds = roundsEntered(season, member);
    rounds.delete(change.round);
    return rounds.size === 0 ? [] : [{ ...member, rounds: roundsValue(season, rounds) }];
  });
  return ok({ entry: { ...entry, drivers }, summary: `#${entry.car} withdrawn from round ${change.round}` });
}

/** Plain data alike, whatever the order of an object's keys. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const [ka, kb] = [Object.keys(a), Object.keys(b)];
  const [ra, rb] = [a as Record<string, unknown>, b as Record<string, unknown>];
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(rb, k) && sameData(ra[k], rb[k]));
}

/**
 * Applies one change to the season's entry list. Refused, with every problem, when it names what
 * the season does not have (a car, a class, a round, a driver of the crew) or would contradict an
 * imported result (entry-list-checks.ts); the line-up findings it brings are returned for the
 * officer to confirm. A change that leaves the entry as it was changes nothing (`entries` empty).
 */
export function applyEntryChange(season: Season, change: EntryChange): Result<EntryListEdit, Issue[]> {
  const before = season.entries.find((e) => e.car === change.car);
  let built: Built;
  if (change.kind === 'add-entry') built = addEntry(season, change);
  else if (!before) {
    const message = `car #${change.car} is not in the entry list of ${season.id}`;
    return err([{ code: 'unknown-car', message, path: ['car'] }]);
  } else if (change.kind === 'entry-details') built = entryDetails(season, before, change);
  else if (change.kind === 'team-name') built = teamName(season, before, change);
  else if (change.kind === 'crew') built = crew(season, before, change);
  else if (change.kind === 'driver') built = driver(before, change);
  else built = withdraw(season, before, change);
  if (!built.ok) return built;
  const { entry, summary } = built.value;
  if (before && sameData(before, entry))
    return ok({ season, summary: `${summary} (no change)`, entries: [], findings: [] });
  const after = withEntry(season, change.car, entry);
  const conflicts = resultConflicts(season, after, change.car, conflictPath(change));
  if (conflicts.length > 0) return err(conflicts);
  return ok({
    season: after,
    summary,
    entries: [{ car: change.car, before: before ?? null, after: entry }],
    findings: lineupFindingsBrought(season, after, [change.car]),
  });
}

/** Where in the request a change that contradicts a result went wrong. */
function conflictPath(change: EntryChange): Issue['path'] {
  switch (change.kind) {
    case 'crew':
      return ['drivers'];
    case 'withdraw':
      return ['round'];
    case 'driver':
      return ['aliases'];
    case 'entry-details':
      return ['class'];
    default:
      return [];
  }
}
