import { Command, Option } from 'commander';
import { writeFile } from 'node:fs/promises';
import { dataDir, serverSettings } from './environment.ts';
import { STANDINGS_KINDS } from '../domain/vocabulary.ts';
import { UserError } from './user-error.ts';
import type { Fail } from './user-error.ts';
import type { Season } from '../domain/season.ts';
import type { StandingsTable } from '../domain/standings.ts';

const fail: Fail = (lines, code) => {
  throw new UserError(lines, code);
};

const plural = (n: number, word: string): string => `${n === 0 ? 'no' : n} ${word}${n === 1 ? '' : 's'}`;

type AddCommands = (program: Command) => void;

/**
 * The commands of modules of their own, by name, each module loaded only when its command is run:
 * a command loads what it needs, not the whole of Pitwall (a command on a season file answered
 * in 0.6 s when every module was loaded first). Root help and an unknown command load them all.
 */
const COMMAND_MODULES: Readonly<Record<string, () => Promise<AddCommands>>> = {
  'drive-times': async () => (await import('./drive-times-command.ts')).addDriveTimesCommand,
  classify: async () => (await import('./classify-command.ts')).addClassifyCommand,
  joint: async () => {
    const { addJointCommand } = await import('./joint-command.ts');
    return (program) => addJointCommand(program, fail);
  },
  scenarios: async () => (await import('./scenarios-command.ts')).addScenariosCommand,
  replay: async () => (await import('./replay-command.ts')).addReplayCommand,
  'season-from-timing': async () => (await import('./season-from-timing-command.ts')).addSeasonFromTimingCommand,
  presets: async () => (await import('./presets-command.ts')).addPresetsCommand,
  poles: async () => {
    const { addPolesCommand } = await import('./poles-command.ts');
    return (program) => addPolesCommand(program, fail);
  },
  timing: async () => {
    const { addTimingCommand } = await import('./timing-import-command.ts');
    return (program) => addTimingCommand(program, fail);
  },
  entries: async () => {
    const { addEntriesCommand } = await import('./entries-command.ts');
    return (program) => addEntriesCommand(program, fail);
  },
  user: officialCommands,
  token: officialCommands,
};

/** The names of the commands that live in modules of their own (for a test that each is found). */
export const MODULE_COMMANDS: readonly string[] = Object.keys(COMMAND_MODULES);

async function officialCommands(): Promise<AddCommands> {
  const { addOfficialCommands } = await import('./officials.ts');
  return (program) => addOfficialCommands(program, { fail });
}

/** The command a command line runs (`pitwall help X` asks for X's help), if any. */
function commandOf(argv: readonly string[]): string | undefined {
  const [first, second] = argv.slice(2);
  return first === 'help' ? second : first;
}

/** The program for this command line (`process.argv`): its command's module loaded, or all of them for root help. */
export async function buildProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const program = buildCoreProgram();
  const asked = commandOf(argv);
  const builtIn = asked !== undefined && program.commands.some((c) => c.name() === asked);
  if (builtIn) return program;
  const loaders =
    asked !== undefined && asked in COMMAND_MODULES ? [COMMAND_MODULES[asked]!] : Object.values(COMMAND_MODULES);
  for (const load of new Set(loaders)) (await load())(program);
  return program;
}

/** The commands defined here, each loading what it runs when it runs. */
function buildCoreProgram(): Command {
  const program = new Command('pitwall')
    .description('Championship office for multi-class endurance racing')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .command('validate')
    .description('check a season file; print every problem as file:line: code message')
    .argument('<file>', 'season file (YAML or JSON)')
    .option('--strict', 'line-up findings are errors too (exit code 1)')
    .action(async (file: string, options: { strict?: boolean }) => {
      const [{ readSeasonFile }, { lineupReport }] = await Promise.all([
        import('./load-season.ts'),
        import('../formats/lineup-report.ts'),
      ]);
      const loaded = await readSeasonFile(file);
      if (!loaded.ok) fail(loaded.error);
      const s = loaded.value.season;
      // Line-up findings are for the stewards: the file itself is valid, so they are warnings
      // (exit 0) unless --strict (docs/season-file.md#lineuprules).
      const findings = lineupReport(loaded.value.text, file, s);
      const checked = s.lineupRules ? `; line-up rules: ${plural(findings.length, 'finding')}` : '';
      if (options.strict && findings.length > 0) {
        fail([...findings, `${file}: ${plural(findings.length, 'line-up finding')} (--strict)`]);
      }
      const raced = s.races.filter((r) => r.classification).length;
      process.stdout.write(
        findings.map((line) => `${line}\n`).join('') +
          `${file}: ok — ${s.series} ${s.season}: ${s.classes.length} classes, ${s.rounds.length} rounds ` +
          `(${raced} raced), ${s.entries.length} entries${checked}\n`,
      );
    });

  program
    .command('standings')
    .description("compute a season's standings from its season file")
    .argument('<file>', 'season file (YAML or JSON)')
    .option('--class <class>', 'only this class')
    .addOption(new Option('--kind <kind>', 'only teams or drivers').choices(STANDINGS_KINDS))
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json', 'csv', 'wikitext', 'markdown'])
        .default('table'),
    )
    .option('--after-round <n>', 'the standings as they stood after round N: its results and the earlier ones')
    .action(async (file: string, options: { class?: string; kind?: string; format: string; afterRound?: string }) => {
      // Only the format asked for is loaded (the terminal table's library is the heaviest), and
      // it loads with the rest, not after the file is read.
      const printer: Promise<(season: Season, tables: readonly StandingsTable[]) => string> =
        options.format === 'json'
          ? import('../formats/standings-json.ts').then(
              (m) => (season, tables) => `${JSON.stringify(m.standingsDocument(season, tables), null, 2)}\n`,
            )
          : options.format === 'wikitext'
            ? import('../formats/standings-wikitext.ts').then((m) => m.standingsWikitext)
            : options.format === 'markdown'
              ? import('../formats/standings-markdown.ts').then((m) => m.standingsMarkdown)
              : options.format === 'csv'
                ? import('../formats/standings-csv.ts').then((m) => m.standingsCsv)
                : import('../formats/standings-text.ts').then(
                    (m) => (season, tables) => `${m.standingsTable(season, tables)}\n`,
                  );
      const [{ loadSeasonFile }, { afterRoundOf }, { standingsOf }, print] = await Promise.all([
        import('./load-season.ts'),
        import('./after-round-option.ts'),
        import('../app/standings.ts'),
        printer,
      ]);
      const loaded = await loadSeasonFile(file);
      if (!loaded.ok) fail(loaded.error);
      const afterRound = afterRoundOf(options.afterRound, loaded.value, file);
      const kind = STANDINGS_KINDS.find((k) => k === options.kind);
      const answer = standingsOf(loaded.value, { class: options.class, kind, afterRound });
      if (!answer.ok)
        fail(answer.error.map((p) => `${file}: --${p.path === 'class' ? 'class' : 'after-round'}: ${p.message}`));
      const { season, tables } = answer.value;
      const out = print(season, tables);
      process.stdout.write(out);
    });

  program
    .command('serve')
    .description(
      'serve the portal and the API (PORT, default 3000; HOST, default 127.0.0.1; PUBLIC_URL; DATABASE_URL or PITWALL_DATA)',
    )
    .action(async () => {
      const settings = serverSettings();
      if (!settings.ok) fail([settings.error]);
      // Loaded on demand: the file commands need neither the web stack nor a database.
      const { CannotServe, startServer } = await import('../http/server.ts');
      const running = await startServer({
        ...settings.value,
        dataDir: dataDir(),
        databaseUrl: process.env.DATABASE_URL,
      }).catch((error: unknown) => {
        if (error instanceof CannotServe) fail([error.message], error.code);
        throw error;
      });
      process.stdout.write(`Pitwall: ${running.url}\n`);
      const stop = () => {
        void running.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('import')
    .description('import a season file into the database, in one transaction (all or nothing)')
    .argument('<file>', 'season file (YAML or JSON)')
    .action(async (file: string) => {
      const [{ readInputFile }, { withConsole }, { formatProblem }] = await Promise.all([
        import('./input-file.ts'),
        import('./console-access.ts'),
        import('../domain/problem.ts'),
      ]);
      const text = await readInputFile(file, 'the season file', 'utf8');
      await withConsole(
        'import',
        async (console) => {
          const imported = await console.importSeasonFile(text, file);
          if (!imported.ok) {
            fail([
              ...imported.error.map(formatProblem),
              `${file}: nothing imported: the file has ${imported.error.length} problem(s)`,
            ]);
          }
          const s = imported.value;
          process.stdout.write(`imported ${s.id}: ${s.series} ${s.season}, ${s.entries} entries, ${s.races} races\n`);
        },
        { fail },
      );
    });

  program
    .command('export')
    .description('write a stored season as a season file')
    .argument('<season>', 'season id, e.g. alms-2019-20')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(async (id: string, options: { output?: string }) => {
      const { withConsole } = await import('./console-access.ts');
      await withConsole(
        'export',
        async (console) => {
          const exported = await console.exportSeason(id);
          if (!exported.ok) {
            fail([`no season "${id}" in the database (it has: ${exported.error.known.join(', ') || 'none'})`]);
          }
          if (options.output) await writeFile(options.output, exported.value);
          else process.stdout.write(exported.value);
        },
        { fail },
      );
    });

  return program;
}
