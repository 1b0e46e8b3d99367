/**
 * The checks a schema cannot express: that every class, car, driver and round a season file
 * refers to exists, and that nothing is listed twice. They run on whatever parts of the file
 * have a valid shape, so a file with both kinds of mistake reports all of them at once.
 */
import type { Issue } from '../domain/result.ts';
import { isEnteredFor } from '../domain/season.ts';
import {
  carNumber,
  classSchema,
  entrySchema,
  lineSchema,
  pointsSchema,
  poleCars,
  raceSchema,
  roundNumber,
  roundSchema,
  text,
} from './season-file-schema.ts';
import type { ClassItem, EntryItem, LineItem, PointsItem, RoundItem } from './season-file-schema.ts';
import { clip, listed, quote } from './text.ts';
import { pathString } from './zod-issues.ts';

type Path = readonly (string | number)[];

/** Items that failed the shape check are `undefined`, so indices still match the file's. */
interface Draft {
  readonly classes: readonly (ClassItem | undefined)[];
  readonly rounds: readonly (RoundItem | undefined)[];
  readonly entries: readonly (EntryItem | undefined)[];
  readonly races: readonly (DraftRace | undefined)[];
  readonly points: PointsItem | undefined;
  readonly lineupRules: DraftLineupRules;
  readonly known: Known;
}

/**
 * A race whose round number is readable, with the classification lines and poles that are.
 * Races hold most of a file's lines, so one bad lap count must not hide the rest of its race.
 */
interface DraftRace {
  readonly round: number;
  readonly classification: readonly (LineItem | undefined)[];
  readonly poles: Readonly<Record<string, string | readonly string[]>>;
}

/**
 * Every class id, car number and round number the file defines — read from items with other
 * mistakes too, so that one typo in an entry does not also make every result of that car an
 * `unknown-car`. A set is absent when it cannot be known (its list is missing, or an item's key
 * is unreadable), and then nothing is checked against it: a guess would only add false alarms.
 */
interface Known {
  readonly classes?: ReadonlySet<string>;
  readonly cars?: ReadonlySet<string>;
  readonly rounds?: ReadonlySet<number>;
}

/** Every reference and duplicate problem in the file's data (as loaded, before shape checks). */
export function checkSeasonFile(data: unknown): Issue[] {
  const draft = draftOf(data);
  return [
    ...checkClasses(draft),
    ...checkRounds(draft),
    ...checkEntries(draft),
    ...checkPointsClasses(draft),
    ...checkLineupRules(draft),
    ...checkDriveTimeClasses(draft.known, data),
    ...checkInvitationClasses(draft.known, data),
    ...draft.races.flatMap((race, i) => (race ? checkRace(draft, race, i) : [])),
    ...duplicates(
      draft.races,
      (race) => race.round,
      (race, i, first) =>
        issue('duplicate-round', ['races', i, 'round'], `round ${race.round} already has results at races[${first}]`),
    ),
    ...prototypeKeys(data),
  ];
}

/**
 * Zod's records skip a `__proto__` key without a word, so a class of that name would vanish
 * from the poles or points it is written in; it is reported instead. (Zod's strict objects
 * report it as an unknown field already.)
 */
function prototypeKeys(data: unknown): Issue[] {
  const file = asRecord(data);
  const records: [unknown, Path][] = [
    [asRecord(file.points).classes, ['points', 'classes']],
    [asRecord(file.lineupRules).classes, ['lineupRules', 'classes']],
    [asRecord(file.driveTime).classes, ['driveTime', 'classes']],
    ...(Array.isArray(file.races) ? file.races : []).map((race, i): [unknown, Path] => [
      asRecord(race).poles,
      ['races', i, 'poles'],
    ]),
  ];
  return records.flatMap(([record, path]) =>
    record !== null && typeof record === 'object' && Object.hasOwn(record, '__proto__')
      ? [issue('invalid', [...path, '__proto__'], 'expected a class id other than __proto__')]
      : [],
  );
}

function draftOf(data: unknown): Draft {
  const file = asRecord(data);
  return {
    classes: salvage(file.classes, (x) => classSchema.safeParse(x)),
    rounds: salvage(file.rounds, (x) => roundSchema.safeParse(x)),
    entries: salvage(file.entries, (x) => entrySchema.safeParse(x)),
    races: salvage(file.races, (x) => ({ data: draftRace(x) })),
    points: pointsSchema.safeParse(file.points).data,
    lineupRules: draftLineupRules(file.lineupRules),
    known: {
      classes: collect(file.classes, (c) => text.safeParse(typeof c === 'string' ? c : asRecord(c).id).data),
      cars: collect(file.entries, (e) => carNumber.safeParse(asRecord(e).car).data),
      rounds: collect(file.rounds, (r) => roundNumber.safeParse(asRecord(r).round).data),
    },
  };
}

function draftRace(data: unknown): DraftRace | undefined {
  const whole = raceSchema.safeParse(data);
  if (whole.success)
    return { ...whole.data, classification: whole.data.classification ?? [], poles: whole.data.poles ?? {} };
  const race = asRecord(data);
  const round = roundNumber.safeParse(race.round);
  if (!round.success) return undefined;
  const poles = Object.entries(asRecord(race.poles)).flatMap(([id, cars]) => {
    const parsed = poleCars.safeParse(cars);
    return parsed.success ? [[id, parsed.data] as const] : [];
  });
  return {
    round: round.data,
    classification: salvage(race.classification, (x) => lineSchema.safeParse(x)),
    poles: Object.fromEntries(poles),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function salvage<T>(list: unknown, parse: (item: unknown) => { data?: T }): (T | undefined)[] {
  return Array.isArray(list) ? list.map((item) => parse(item).data) : [];
}

/** The keys of a list's items; none when the list is not one or any item's key is unreadable. */
function collect<T>(list: unknown, keyOf: (item: unknown) => T | undefined): Set<T> | undefined {
  if (!Array.isArray(list)) return undefined;
  const keys = list.map(keyOf);
  return keys.includes(undefined) ? undefined : new Set(keys as T[]);
}

function issue(code: string, path: Path, message: string): Issue {
  return { code, path, message };
}

/** An issue for every item whose key an earlier item already has, naming the earlier one. */
function duplicates<T>(
  items: readonly (T | undefined)[],
  keyOf: (item: T) => string | number,
  report: (item: T, index: number, firstIndex: number) => Issue,
): Issue[] {
  const seen = new Map<string | number, number>();
  return items.flatMap((item, index) => {
    if (item === undefined) return [];
    const first = seen.get(keyOf(item));
    if (first === undefined) seen.set(keyOf(item), index);
    return first === undefined ? [] : [report(item, index, first)];
  });
}

function unknownClass(known: Known, id: string, path: Path): Issue[] {
  if (!known.classes || known.classes.has(id)) return [];
  return [issue('unknown-class', path, `class ${quote(id)} is not in classes (${listed([...known.classes])})`)];
}

function unknownCar(known: Known, car: string, path: Path): Issue[] {
  if (!known.cars || known.cars.has(car)) return [];
  return [issue('unknown-car', path, `car ${quote(car)} is not in the entry list`)];
}

function roundOutOfRange(known: Known, round: number, path: Path): Issue[] {
  if (!known.rounds || known.rounds.has(round)) return [];
  const rounds = [...known.rounds].sort((a, b) => a - b).join(', ');
  const calendar = rounds === '' ? 'the calendar has no rounds' : `rounds are ${rounds}`;
  return [issue('round-out-of-range', path, `round ${round} is not in the calendar (${calendar})`)];
}

function checkClasses({ classes, known }: Draft): Issue[] {
  const objects = classes.map((c) => (typeof c === 'string' ? { id: c, alsoClassifiedIn: [] } : c));
  return [
    // The format has no code of its own for this; a class listed twice is an invalid value.
    ...duplicates(
      objects,
      (c) => c.id,
      (c, i, first) =>
        issue('invalid', classPath(classes[i], i), `class ${quote(c.id)} is already listed at classes[${first}]`),
    ),
    ...objects.flatMap((c, i) =>
      (c?.alsoClassifiedIn ?? []).flatMap((id, j) => unknownClass(known, id, ['classes', i, 'alsoClassifiedIn', j])),
    ),
  ];
}

const classPath = (item: ClassItem | undefined, i: number): Path =>
  typeof item === 'object' ? ['classes', i, 'id'] : ['classes', i];

function checkRounds({ rounds }: Draft): Issue[] {
  return duplicates(
    rounds,
    (r) => r.round,
    (r, i, first) =>
      issue(
        'duplicate-round',
        ['rounds', i, 'round'],
        `round ${r.round} is already in the calendar at rounds[${first}]`,
      ),
  );
}

function checkEntries(draft: Draft): Issue[] {
  return [
    ...duplicates(
      draft.entries,
      (e) => e.car,
      (e, i, first) =>
        issue('duplicate-car', ['entries', i, 'car'], `car ${quote(e.car)} is already entered at entries[${first}]`),
    ),
    ...draft.entries.flatMap((entry, i) => (entry ? checkEntry(draft.known, entry, ['entries', i]) : [])),
  ];
}

function checkEntry(known: Known, entry: EntryItem, path: Path): Issue[] {
  const crewPath = [...path, 'drivers'];
  return [
    ...unknownClass(known, entry.class, [...path, 'class']),
    ...duplicates(
      entry.drivers,
      (d) => d.name,
      (d, j, first) =>
        issue(
          'duplicate-driver',
          [...crewPath, j, 'name'],
          `driver ${quote(d.name)} is already in the crew at ${pathString([...crewPath, first])}`,
        ),
    ),
    ...entry.drivers.flatMap((member, j) =>
      member.rounds === 'all'
        ? []
        : member.rounds.flatMap((round, k) => roundOutOfRange(known, round, [...crewPath, j, 'rounds', k])),
    ),
    ...checkAliases(entry, crewPath),
    ...checkTeamNames(known, entry, path),
  ];
}

/** An alias is one driver's other spelling: it may not be a crew member's name or another alias. */
function checkAliases(entry: EntryItem, crewPath: Path): Issue[] {
  const seen = new Map(entry.drivers.map((d, j) => [d.name, pathString([...crewPath, j, 'name'])]));
  return entry.drivers.flatMap((member, j) =>
    (member.aliases ?? []).flatMap((alias, k) => {
      const at = [...crewPath, j, 'aliases', k];
      const first = seen.get(alias);
      if (first === undefined) seen.set(alias, pathString(at));
      return first === undefined
        ? []
        : [issue('duplicate-driver', at, `${quote(alias)} is already a spelling in the crew at ${first}`)];
    }),
  );
}

/** A team name per round: rounds of the calendar, each named once. */
function checkTeamNames(known: Known, entry: EntryItem, path: Path): Issue[] {
  const named = new Map<number, number>();
  return (entry.teamNames ?? []).flatMap((item, j) =>
    item.rounds.flatMap((round, k) => {
      const at = [...path, 'teamNames', j, 'rounds', k];
      const first = named.get(round);
      if (first === undefined) named.set(round, j);
      const twice =
        first === undefined
          ? []
          : [issue('invalid', at, `round ${round} already has a team name at teamNames[${first}]`)];
      return [...roundOutOfRange(known, round, at), ...twice];
    }),
  );
}

function checkPointsClasses({ points, known }: Draft): Issue[] {
  return Object.keys(points?.classes ?? {}).flatMap((id) => unknownClass(known, id, ['points', 'classes', id]));
}

/** The class ids and round numbers line-up rules name, read from rules with other mistakes too. */
interface DraftLineupRules {
  readonly classes: readonly string[];
  readonly rounds: readonly { readonly round: number; readonly path: Path }[];
}

function draftLineupRules(data: unknown): DraftLineupRules {
  const section = asRecord(data);
  const lists: [Path, unknown][] = [
    [['lineupRules', 'allClasses'], section.allClasses],
    ...Object.entries(asRecord(section.classes)).map(([id, list]): [Path, unknown] => [
      ['lineupRules', 'classes', id],
      list,
    ]),
  ];
  const rounds = lists.flatMap(([path, list]) =>
    (Array.isArray(list) ? list : []).flatMap((rule, i) => {
      const numbers = asRecord(rule).rounds;
      return (Array.isArray(numbers) ? numbers : []).flatMap((n, k) => {
        const round = roundNumber.safeParse(n);
        return round.success ? [{ round: round.data, path: [...path, i, 'rounds', k] }] : [];
      });
    }),
  );
  // `__proto__` is reported by prototypeKeys, once.
  return { classes: Object.keys(asRecord(section.classes)).filter((id) => id !== '__proto__'), rounds };
}

/** Line-up rules name classes and rounds that exist. */
function checkLineupRules({ lineupRules, known }: Draft): Issue[] {
  return [
    ...lineupRules.classes.flatMap((id) => unknownClass(known, id, ['lineupRules', 'classes', id])),
    ...lineupRules.rounds.flatMap(({ round, path }) => roundOutOfRange(known, round, path)),
  ];
}

/** Drive-time rules name classes that exist. */
function checkDriveTimeClasses(known: Known, data: unknown): Issue[] {
  const classes = Object.keys(asRecord(asRecord(asRecord(data).driveTime).classes));
  return classes.flatMap((id) => unknownClass(known, id, ['driveTime', 'classes', id]));
}

/** Invitation rules name classes that exist. */
function checkInvitationClasses(known: Known, data: unknown): Issue[] {
  const rules = asRecord(asRecord(data).invitations).rules;
  return (Array.isArray(rules) ? rules : []).flatMap((rule, i) => {
    const id = asRecord(rule).class;
    return typeof id === 'string' ? unknownClass(known, id, ['invitations', 'rules', i, 'class']) : [];
  });
}

function checkRace(draft: Draft, race: DraftRace, i: number): Issue[] {
  const path = ['races', i];
  const lines = race.classification;
  return [
    ...roundOutOfRange(draft.known, race.round, [...path, 'round']),
    ...duplicates(
      lines,
      (l) => l.car,
      (l, j, first) =>
        issue(
          'duplicate-result',
          [...path, 'classification', j, 'car'],
          `car ${quote(l.car)} is already classified at ${pathString([...path, 'classification', first])}`,
        ),
    ),
    ...lines.flatMap((line, j) => (line ? checkLine(draft, race.round, line, [...path, 'classification', j]) : [])),
    ...Object.entries(race.poles).flatMap(([classId, cars]) =>
      checkPole(draft, classId, cars, [...path, 'poles', classId]),
    ),
  ];
}

function checkLine(draft: Draft, round: number, line: LineItem, path: Path): Issue[] {
  const entry = draft.entries.find((e) => e?.car === line.car);
  if (!entry) return unknownCar(draft.known, line.car, [...path, 'car']);
  if (!line.drivers) {
    if (entry.drivers.some((member) => isEnteredFor(member, round))) return [];
    return [
      issue(
        'not-entered',
        [...path, 'car'],
        `car ${quote(line.car)} has no driver entered for round ${round}; list its drivers, or enter one for the round`,
      ),
    ];
  }
  return [
    ...duplicates(
      line.drivers,
      (name) => name,
      (name, k) => issue('duplicate-driver', [...path, 'drivers', k], `driver ${quote(name)} is listed twice`),
    ),
    ...line.drivers.flatMap((name, k) => checkDriver(entry, round, name, [...path, 'drivers', k])),
  ];
}

function checkDriver(entry: EntryItem, round: number, name: string, path: Path): Issue[] {
  const member = entry.drivers.find((d) => d.name === name || (d.aliases ?? []).includes(name));
  if (!member) {
    const crew = listed(entry.drivers.map((d) => d.name));
    return [
      issue('unknown-driver', path, `driver ${quote(name)} is not in the crew of car ${quote(entry.car)} (${crew})`),
    ];
  }
  // A driver who drove must be entered for the round: otherwise the crew's `rounds` are wrong.
  if (isEnteredFor(member, round)) return [];
  return [
    issue('not-entered', path, `driver ${quote(name)} of car ${quote(entry.car)} is not entered for round ${round}`),
  ];
}

function checkPole(draft: Draft, classId: string, cars: string | readonly string[], path: Path): Issue[] {
  const list = typeof cars === 'string' ? [{ car: cars, path }] : cars.map((car, k) => ({ car, path: [...path, k] }));
  const classIssues = unknownClass(draft.known, classId, path);
  if (classIssues.length > 0) return classIssues;
  return list.flatMap(({ car, path: carPath }) => {
    const entry = draft.entries.find((e) => e?.car === car);
    if (!entry) return unknownCar(draft.known, car, carPath);
    // A class's pole goes to a car of that very class: a car that is only also classified in
    // it (alsoClassifiedIn) qualifies for its own class's pole.
    if (entry.class === classId) return [];
    return [
      issue(
        'pole-class',
        carPath,
        `car ${quote(car)} is in class ${clip(entry.class)}, so it cannot take the ${clip(classId)} pole`,
      ),
    ];
  });
}
