import { Command, Option } from 'commander';
import { loadSeasonFile } from './load-season.ts';
import { seasonStandings } from '../domain/standings.ts';
import { STANDINGS_KINDS } from '../domain/vocabulary.ts';
import { standingsDocument } from '../formats/standings-json.ts';
import { standingsCsv, standingsTable } from '../formats/standings-text.ts';

/** Exit codes: 0 fine, 1 the input has problems, 2 the command line is wrong (commander's own). */
const EXIT_INVALID_INPUT = 1;

function fail(lines: readonly string[]): never {
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exit(EXIT_INVALID_INPUT);
}

export function buildProgram(): Command {
  const program = new Command('pitwall')
    .description('Championship office for multi-class endurance racing')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .command('validate')
    .description('check a season file; print every problem as file:line: code message')
    .argument('<file>', 'season file (YAML or JSON)')
    .action(async (file: string) => {
      const loaded = await loadSeasonFile(file);
      if (!loaded.ok) fail(loaded.error);
      const s = loaded.value;
      const raced = s.races.filter((r) => r.classification).length;
      process.stdout.write(
        `${file}: ok — ${s.series} ${s.season}: ${s.classes.length} classes, ${s.rounds.length} rounds ` +
          `(${raced} raced), ${s.entries.length} entries\n`,
      );
    });

  program
    .command('standings')
    .description("compute a season's standings from its season file")
    .argument('<file>', 'season file (YAML or JSON)')
    .option('--class <class>', 'only this class')
    .addOption(new Option('--kind <kind>', 'only teams or drivers').choices(STANDINGS_KINDS))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .action(async (file: string, options: { class?: string; kind?: string; format: string }) => {
      const loaded = await loadSeasonFile(file);
      if (!loaded.ok) fail(loaded.error);
      const season = loaded.value;
      if (options.class !== undefined && !season.classes.some((c) => c.id === options.class)) {
        const known = season.classes.map((c) => c.id).join(', ');
        fail([`${file}: unknown class "${options.class}" (the season has: ${known})`]);
      }
      const tables = seasonStandings(season).filter(
        (t) =>
          (options.class === undefined || t.class === options.class) &&
          (options.kind === undefined || t.kind === options.kind),
      );
      const out =
        options.format === 'json'
          ? `${JSON.stringify(standingsDocument(season, tables), null, 2)}\n`
          : options.format === 'csv'
            ? standingsCsv(season, tables)
            : `${standingsTable(season, tables)}\n`;
      process.stdout.write(out);
    });

  return program;
}
