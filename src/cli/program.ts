import { Command, Option } from 'commander';
import { formatProblem } from '../domain/problem.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { loadSeasonFile, readSeasonFile } from './load-season.ts';
import { dataDir, serverSettings } from './environment.ts';
import { addDriveTimesCommand } from './drive-times-command.ts';
import { addClassifyCommand } from './classify-command.ts';
import { addJointCommand } from './joint-command.ts';
import { addReplayCommand } from './replay-command.ts';
import { addScenariosCommand } from './scenarios-command.ts';
import { addSeasonFromTimingCommand } from './season-from-timing-command.ts';
import { addPresetsCommand } from './presets-command.ts';
import { addOfficialCommands } from './officials.ts';
import { withConsole } from './console-access.ts';
import { addPolesCommand } from './poles-command.ts';
import { addTimingCommand } from './timing-import-command.ts';
import { lineupReport } from '../formats/lineup-report.ts';
import { standingsOf } from '../app/standings.ts';
import { afterRoundOf } from './after-round-option.ts';
import { STANDINGS_KINDS } from '../domain/vocabulary.ts';
import { standingsDocument } from '../formats/standings-json.ts';
import { standingsCsv, standingsTable } from '../formats/standings-text.ts';
import { standingsWikitext } from '../formats/standings-wikitext.ts';
import { standingsMarkdown } from '../formats/standings-markdown.ts';
import { UserError } from './user-error.ts';
import type { Fail } from './user-error.ts';

const fail: Fail = (lines, code) => {
  throw new UserError(lines, code);
};

const plural = (n: number, word: string): string => `${n === 0 ? 'no' : n} ${word}${n === 1 ? '' : 's'}`;

export function buildProgram(): Command {
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
      const loaded = await loadSeasonFile(file);
      if (!loaded.ok) fail(loaded.error);
      const afterRound = afterRoundOf(options.afterRound, loaded.value, file);
      const kind = STANDINGS_KINDS.find((k) => k === options.kind);
      const answer = standingsOf(loaded.value, { class: options.class, kind, afterRound });
      if (!answer.ok)
        fail(answer.error.map((p) => `${file}: --${p.path === 'class' ? 'class' : 'after-round'}: ${p.message}`));
      const { season, tables } = answer.value;
      const out =
        options.format === 'json'
          ? `${JSON.stringify(standingsDocument(season, tables), null, 2)}\n`
          : options.format === 'csv'
            ? standingsCsv(season, tables)
            : options.format === 'wikitext'
              ? standingsWikitext(season, tables)
              : options.format === 'markdown'
                ? standingsMarkdown(season, tables)
                : `${standingsTable(season, tables)}\n`;
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
      const text = await readFile(file, 'utf8').catch(() => fail([`${file}: cannot read the season file`]));
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

  addDriveTimesCommand(program);
  addClassifyCommand(program);
  addJointCommand(program, fail);
  addScenariosCommand(program);
  addReplayCommand(program);
  addSeasonFromTimingCommand(program);
  addPresetsCommand(program);
  addPolesCommand(program, fail);
  addTimingCommand(program, fail);

  addOfficialCommands(program, { fail });

  return program;
}
