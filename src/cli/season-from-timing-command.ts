/**
 * `pitwall season-from-timing CLASSIFICATION.csv --series S --season Y --round-name R [--id ID]
 * [--circuit C] [--country ISO3] [--date YYYY-MM-DD] [--points-multiplier X] [--output FILE]`:
 * a one-round season file whose entry list holds every car of a timing classification, ready for
 * `pitwall import` and a live feed or `pitwall replay` (docs/timing-formats.md). The file is
 * checked as `pitwall validate` would before it is written; on any problem nothing is written and
 * the exit code is 1.
 */
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { formatIssue, parseSeasonFile } from '../formats/season-file.ts';
import { UserError } from './user-error.ts';
import { readTimingFile } from './timing-file.ts';

/** More problems than this are counted, not printed: a file in the wrong shape has one per row. */

interface SeasonFromTimingOptions {
  series: string;
  season: string;
  roundName: string;
  id?: string;
  circuit?: string;
  country?: string;
  date?: string;
  pointsMultiplier?: string;
  output?: string;
}

export function addSeasonFromTimingCommand(program: Command): void {
  program
    .command('season-from-timing')
    .summary("write a one-round season file from a timing classification's cars and crews")
    .description(
      "write a one-round season file whose entry list is a timing classification's cars, classes and crews " +
        '(names and numbers as printed; points: the WEC scale 25-18-15-12-10-8-6-4-2-1 and 1 for pole, ' +
        'since the season file has no default scale — edit the file to change it)',
    )
    .argument('<classification>', 'Al Kamel classification CSV (; or ,), or IMSA results')
    .requiredOption('--series <name>', 'the series, e.g. "FIA World Endurance Championship"')
    .requiredOption('--season <name>', 'the season, e.g. 2024')
    .requiredOption('--round-name <name>', 'the round, e.g. "24 Hours of Le Mans"')
    .option('--id <id>', "the season id, e.g. wec-2024 (default: the series' initials and the season)")
    .option('--circuit <name>', "the circuit's name")
    .option('--country <code>', 'ISO 3166-1 alpha-3 code, e.g. FRA')
    .option('--date <date>', 'the race date, YYYY-MM-DD')
    .option('--points-multiplier <x>', "scales the round's position points: 2 for double points (default 1)")
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(async (file: string, options: SeasonFromTimingOptions) => {
      const text = await seasonFileText(file, options);
      if (options.output === undefined) process.stdout.write(text);
      else {
        const output = options.output;
        await writeFile(output, text).catch((error: NodeJS.ErrnoException) => {
          throw new UserError([`${output}: cannot write the season file: ${error.message}`]);
        });
      }
    });
}

async function seasonFileText(file: string, options: SeasonFromTimingOptions): Promise<string> {
  const multiplier = multiplierOf(options.pointsMultiplier);
  // Loaded on demand, as the other commands do not need the CSV parser.
  const [{ parseClassificationCsv }, { seasonFileFromClassification }] = await Promise.all([
    import('../formats/timing/classification-csv.ts'),
    import('../formats/timing/season-from-classification.ts'),
  ]);
  const classification = await readTimingFile(file, 'the classification', parseClassificationCsv);
  const text = seasonFileFromClassification(classification, {
    series: options.series,
    season: options.season,
    ...(options.id !== undefined && { id: options.id }),
    round: {
      name: options.roundName,
      ...(options.circuit !== undefined && { circuit: options.circuit }),
      ...(options.country !== undefined && { country: options.country }),
      ...(options.date !== undefined && { date: options.date }),
      ...(multiplier !== undefined && { pointsMultiplier: multiplier }),
    },
  });
  // Checked as `pitwall validate` and `pitwall import` will read it: a bad --id, --country or
  // --date is reported here, and nothing is written.
  const name = options.output ?? 'season file';
  const checked = parseSeasonFile(text, name);
  if (!checked.ok) {
    throw new UserError([
      ...checked.error.map(formatIssue),
      `${name}: nothing written: the season file would have ${checked.error.length} problem(s)`,
    ]);
  }
  return text;
}

function multiplierOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new UserError([`--points-multiplier must be a positive number such as 2 or 0.5, not "${text}"`]);
  }
  return value;
}
