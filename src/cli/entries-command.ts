/**
 * `pitwall entries …`: the entry list of a stored season, and race control's changes to it — a
 * car added, its crew from a round on (or at one round), its team's name, a driver's rating,
 * nationality and spellings, a withdrawal, its class and model — with the audit trail. Through
 * the server that owns the embedded database when one runs, so that each change is served at once.
 *
 * @example
 * pitwall entries crew alms-2024-25 --car 22 --from-round 3 --drivers "Aksel LINDQVIST,Jonas WEBER:Gold:DEU"
 */
import type { Command } from 'commander';
import type { Console } from '../app/console.ts';
import type { EntryListChanged, EntryListView } from '../app/entry-list.ts';
import { crewSpells } from '../app/entry-list.ts';
import type { EntryChangeKind } from '../domain/entry-list.ts';
import { roundsText } from '../domain/entry-list.ts';
import type { Problem } from '../domain/problem.ts';
import { formatProblem } from '../domain/problem.ts';
import { problemOf } from '../formats/problems.ts';
import { RATINGS } from '../domain/vocabulary.ts';
import { readEntryChange } from '../formats/entry-list-request.ts';
import { withConsole } from './console-access.ts';
import { operator } from './operator.ts';
import type { Fail } from './user-error.ts';

/** A round as typed: a number, or the text itself for the check to name (`--round three`). */
const roundOf = (text: string | undefined): number | string | undefined =>
  text === undefined ? undefined : /^[1-9][0-9]{0,3}$/.test(text) ? Number(text) : text;

/** `Platinum`, `gold` → `Gold`; anything else as typed, for the check to name. */
const ratingOf = (text: string): string => RATINGS.find((r) => r.toLowerCase() === text.toLowerCase()) ?? text;

/** `none` clears a field (`--rating none`). */
const orNull = (text: string | undefined, read: (t: string) => string = (t) => t): string | null | undefined =>
  text === undefined ? undefined : text.toLowerCase() === 'none' ? null : read(text);

/**
 * `Name`, `Name:Rating` or `Name:Rating:NAT`, comma-separated: `"Aksel LINDQVIST,Jonas WEBER:Gold:DEU"`.
 * An empty rating keeps it (`Name::DEU`).
 */
function driversOf(text: string | undefined): Record<string, string>[] {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [name = '', rating = '', nationality = ''] = part.split(':').map((s) => s.trim());
      return {
        name,
        ...(rating !== '' ? { rating: ratingOf(rating) } : {}),
        ...(nationality !== '' ? { nationality: nationality.toUpperCase() } : {}),
      };
    });
}

/** The command's option for a field of the body: `fromRound` is `--from-round`, `drivers[1].name` is `--drivers[1].name`. */
const OPTIONS: Readonly<Record<string, string>> = {
  car: '--car',
  class: '--class',
  team: '--team',
  carModel: '--car-model',
  nationality: '--nationality',
  eligible: '--eligible',
  fromRound: '--from-round',
  round: '--round',
  drivers: '--drivers',
  name: '--name',
  rating: '--rating',
  aliases: '--alias',
};

/** A problem as the command line says it, with the option's name for the field. */
function problemLine(problem: Problem): string {
  const field = /^[A-Za-z]+/.exec(problem.path ?? '')?.[0];
  const option = field === undefined ? undefined : OPTIONS[field];
  const path = option && problem.path ? `${option}${problem.path.slice(field?.length)}` : problem.path;
  return formatProblem({ ...problem, ...(path !== undefined && { path }) });
}

const write = (line: string) => process.stdout.write(`${line}\n`);

function printList(view: EntryListView, only: string | undefined): void {
  const cars = view.classes.reduce((n, c) => n + c.entries.length, 0);
  const rounds = roundsText(view.rounds.map((r) => r.round));
  write(`${view.id} — ${view.season} ${view.series}: ${cars} cars, rounds ${rounds}`);
  for (const cls of view.classes.filter((c) => only === undefined || c.id === only)) {
    write(cls.name);
    for (const e of cls.entries) {
      const details = [e.carModel, e.nationality, e.eligible ? undefined : 'not eligible for points'].filter(Boolean);
      write(`  #${e.car} ${e.team}${details.length > 0 ? ` · ${details.join(' · ')}` : ''}`);
      const people = e.drivers.map((d) => {
        const known = [d.rating ?? 'rating unknown', ...(d.nationality ? [d.nationality] : [])].join(', ');
        const aliases = d.aliases.length > 0 ? `; also ${d.aliases.join(', ')}` : '';
        return `${d.name} (${known}${aliases})`;
      });
      write(`    drivers: ${people.join(', ') || 'none'}`);
      const spells = crewSpells(e);
      if (spells.length === 0) write('    not entered for any round');
      for (const s of spells) {
        const as = s.team === e.team ? '' : ` (as ${s.team})`;
        write(
          `    ${s.rounds.length === 1 ? 'round' : 'rounds'} ${roundsText(s.rounds)}${as}: ${s.drivers.join(', ')}`,
        );
      }
    }
  }
}

function printChanged(changed: EntryListChanged): void {
  write(changed.changed ? changed.summary : `${changed.summary}: nothing to change`);
  for (const finding of changed.findings) write(`line-up: ${finding}`);
}

interface ChangeOptions {
  car: string;
  class?: string;
  team?: string;
  carModel?: string;
  nationality?: string;
  notEligible?: boolean;
  eligible?: string;
  fromRound?: string;
  round?: string;
  drivers?: string;
  name?: string;
  rating?: string;
  alias?: string[];
  confirm?: boolean;
}

/** The body of each change as its options give it: the same bodies the admin API takes. */
const BODIES: Readonly<Record<EntryChangeKind, (o: ChangeOptions) => Record<string, unknown>>> = {
  'add-entry': (o) => ({
    car: o.car,
    class: o.class,
    team: o.team,
    ...(o.carModel !== undefined && { carModel: o.carModel }),
    ...(o.nationality !== undefined && { nationality: o.nationality.toUpperCase() }),
    ...(o.notEligible && { eligible: false }),
    ...(o.fromRound !== undefined && { fromRound: roundOf(o.fromRound) }),
    drivers: driversOf(o.drivers),
  }),
  'entry-details': (o) => ({
    ...(o.class !== undefined && { class: o.class }),
    ...(o.eligible !== undefined && {
      eligible: o.eligible === 'yes' ? true : o.eligible === 'no' ? false : o.eligible,
    }),
    ...(o.carModel !== undefined && { carModel: orNull(o.carModel) }),
    ...(o.nationality !== undefined && { nationality: orNull(o.nationality, (t) => t.toUpperCase()) }),
  }),
  'team-name': (o) => ({ team: o.team, ...(o.fromRound !== undefined && { fromRound: roundOf(o.fromRound) }) }),
  crew: (o) => ({
    ...(o.fromRound !== undefined && { fromRound: roundOf(o.fromRound) }),
    ...(o.round !== undefined && { round: roundOf(o.round) }),
    drivers: driversOf(o.drivers),
  }),
  driver: (o) => ({
    name: o.name,
    ...(o.rating !== undefined && { rating: orNull(o.rating, ratingOf) }),
    ...(o.nationality !== undefined && { nationality: orNull(o.nationality, (t) => t.toUpperCase()) }),
    ...(o.alias !== undefined && { aliases: o.alias.filter((a) => a.toLowerCase() !== 'none') }),
  }),
  withdraw: (o) => ({ round: roundOf(o.round) }),
};

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function addEntriesCommand(program: Command, fail: Fail): void {
  const entries = program
    .command('entries')
    .description("a stored season's entry list, and race control's changes to it (with the server running or not)");

  /** Runs a change of `kind` with the command's options, and prints what changed. */
  const change = async (kind: EntryChangeKind, season: string, options: ChangeOptions) => {
    const read = readEntryChange(kind, BODIES[kind](options), options.car);
    if (!read.ok) fail([...read.error.map((i) => problemLine(problemOf(i))), 'nothing changed']);
    await withConsole(
      `entries ${kind}`,
      async (console: Console) => {
        const by = `console:${operator()}`;
        const changed = await console.changeEntryList(season, read.value, by, { confirm: options.confirm === true });
        if (!changed.ok) {
          const { code, message, issues = [] } = changed.error;
          const lines = issues.length > 0 ? issues.map(problemLine) : [message];
          const hint =
            code === 'needs-confirmation'
              ? 'nothing changed: run again with --confirm to record it as it is'
              : 'nothing changed';
          fail([...lines, hint], code);
        }
        printChanged(changed.value);
      },
      { fail },
    );
  };

  entries
    .command('list')
    .description('the cars class by class, each with its drivers and its crew round by round')
    .argument('<season>', 'season id')
    .option('--class <class>', 'only this class')
    .action(async (season: string, options: { class?: string }) => {
      await withConsole(
        'entries list',
        async (console) => {
          const view = await console.entryList(season);
          if (!view) fail([`no season "${season.slice(0, 80)}" in the database`], 'not-found');
          if (options.class !== undefined && !view.classes.some((c) => c.id === options.class)) {
            fail([`unknown class "${options.class}" (the season has ${view.classes.map((c) => c.id).join(', ')})`]);
          }
          printList(view, options.class);
        },
        { fail },
      );
    });

  entries
    .command('changes')
    .description("the entry list's audit trail: who changed what, when")
    .argument('<season>', 'season id')
    .action(async (season: string) => {
      await withConsole(
        'entries changes',
        async (console) => {
          const changes = await console.entryListChanges(season);
          if (!changes) fail([`no season "${season.slice(0, 80)}" in the database`], 'not-found');
          for (const c of changes) write(`${c.at.slice(0, 16).replace('T', ' ')} UTC  ${c.by}  ${c.summary}`);
        },
        { fail },
      );
    });

  const confirm = '--confirm';
  const confirmHelp = 'record it even if the crew breaks line-up rules (they are listed when it is refused)';
  const driversHelp = 'NAME[:RATING[:NAT]],… e.g. "Aksel LINDQVIST,Jonas WEBER:Gold:DEU"';

  entries
    .command('add')
    .description('add a car to the entry list')
    .argument('<season>', 'season id')
    .requiredOption('--car <number>', 'car number')
    .requiredOption('--class <class>', 'class id')
    .requiredOption('--team <team>', 'team name')
    .requiredOption('--drivers <drivers>', driversHelp)
    .option('--from-round <n>', 'the first round it is entered for (default: every round)')
    .option('--car-model <model>', 'car model')
    .option('--nationality <code>', "the team's nationality, ISO alpha-3")
    .option('--not-eligible', 'classified, but scores no points')
    .option(confirm, confirmHelp)
    .action((season: string, options: ChangeOptions) => change('add-entry', season, options));

  entries
    .command('crew')
    .description("set a car's crew from a round on (--from-round) or at one round (--round)")
    .argument('<season>', 'season id')
    .requiredOption('--car <number>', 'car number')
    .requiredOption('--drivers <drivers>', `the whole crew: ${driversHelp}`)
    .option('--from-round <n>', 'this round and every later one')
    .option('--round <n>', 'this round only')
    .option(confirm, confirmHelp)
    .action((season: string, options: ChangeOptions) => change('crew', season, options));

  entries
    .command('team')
    .description("rename a car's team from a round on; earlier rounds keep the name they had")
    .argument('<season>', 'season id')
    .requiredOption('--car <number>', 'car number')
    .requiredOption('--team <team>', 'the new team name')
    .option('--from-round <n>', 'the first round under the new name (default: every round)')
    .action((season: string, options: ChangeOptions) => change('team-name', season, options));

  entries
    .command('driver')
    .description("set a crew member's FIA rating, nationality or other spellings")
    .argument('<season>', 'season id')
    .requiredOption('--car <number>', 'car number')
    .requiredOption('--name <name>', 'the driver, as the entry list or a timing file spells them')
    .option('--rating <rating>', `${RATINGS.join(', ')}, or none`)
    .option('--nationality <code>', 'ISO alpha-3 (GBR), or none')
    .option(
      '--alias <spelling>',
      'another spelling timing files use (repeat for more; the whole list; none for no other)',
      collect,
    )
    .option(confirm, confirmHelp)
    .action((season: string, options: ChangeOptions) => change('driver', season, options));

  entries
    .command('withdraw')
    .description('withdraw a car from a round: none of its crew is entered for it')
    .argument('<season>', 'season id')
    .requiredOption('--car <number>', 'car number')
    .requiredOption('--round <n>', 'round number')
    .action((season: string, options: ChangeOptions) => change('withdraw', season, options));

  entries
    .command('edit')
    .description("change a car's class, eligibility, model or team nationality")
    .argument('<season>', 'season id')
    .requiredOption('--car <number>', 'car number')
    .option('--class <class>', 'class id (only while no result names the car)')
    .option('--eligible <yes|no>', 'whether it scores points')
    .option('--car-model <model>', 'car model, or none')
    .option('--nationality <code>', "the team's nationality, ISO alpha-3, or none")
    .action((season: string, options: ChangeOptions) => change('entry-details', season, options));
}
