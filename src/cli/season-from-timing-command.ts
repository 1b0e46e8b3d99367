/**
 * `pitwall season-from-timing PATH… --series S --season Y [--id ID] [--preset NAME] [--output FILE]`:
 * a whole season file from the timing archive's files and event folders, what it cannot derive
 * reported on standard error, one line each (season-archive-text.ts). With `--round-name R` and
 * one classification (`[--circuit C] [--country ISO3] [--date YYYY-MM-DD] [--points-multiplier X]`):
 * a one-round season file whose entry list holds every car of the classification, ready for
 * `pitwall import` and a live feed or `pitwall replay` (docs/timing-formats.md). Either file is
 * checked as `pitwall validate` would before it is written; on any problem nothing is written and
 * the exit code is 1.
 */
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { formatIssue, parseSeasonFile } from '../formats/season-file.ts';
import { UserError } from './user-error.ts';
import { readTimingFile } from './timing-file.ts';
import { loadPreset } from './presets-command.ts';
import type { Preset } from '../formats/preset-file.ts';
import { presetNotes, withPreset } from '../formats/preset-file.ts';
import { presetFor } from './preset-choice.ts';
import { seasonArchiveText } from './season-archive-text.ts';

/** More problems than this are counted, not printed: a file in the wrong shape has one per row. */

interface SeasonFromTimingOptions {
  series: string;
  season: string;
  roundName?: string;
  preset?: string;
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
    .summary('write a season file from the timing archive (event folders), or one round from one classification')
    .description(
      'write a whole season file from the timing archive: rounds in date order named after the events (the two ' +
        'races of a meeting as two rounds), classes, the entry list with crews round by round (one driver however ' +
        'the files spell them), ratings and nationalities from the qualifying results, every race classification, ' +
        "and the poles the preset's pole rule derives; what it cannot derive is reported on standard error, one " +
        'line each. With --round-name and one classification: a one-round season file whose entry list is its cars ' +
        '(points: the WEC scale 25-18-15-12-10-8-6-4-2-1 and 1 for pole unless --preset, or an IMSA results file, ' +
        'says otherwise)',
    )
    .argument('<paths...>', 'timing files and folders, one folder per event (files named YYYYMMDDhhmm-…)')
    .requiredOption('--series <name>', 'the series, e.g. "Asian Le Mans Series"')
    .requiredOption('--season <name>', 'the season, e.g. 2024-25')
    .option(
      '--preset <name>',
      'the series preset whose points, tie-breakers, pole and classification rules to use (pitwall presets)',
    )
    .option('--round-name <name>', 'one classification as one round, e.g. "24 Hours of Le Mans"')
    .option('--id <id>', "the season id, e.g. wec-2024 (default: the series' initials and the season)")
    .option('--circuit <name>', "with --round-name: the circuit's name")
    .option('--country <code>', 'with --round-name: ISO 3166-1 alpha-3 code, e.g. FRA')
    .option('--date <date>', 'with --round-name: the race date, YYYY-MM-DD')
    .option('--points-multiplier <x>', "with --round-name: scales the round's position points (default 1)")
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(async (paths: string[], options: SeasonFromTimingOptions) => {
      const preset = options.preset === undefined ? undefined : await loadPreset(options.preset);
      const { text, report } =
        options.roundName === undefined
          ? await archiveText(paths, options, preset)
          : await seasonFileText(oneFile(paths), { ...options, roundName: options.roundName }, preset);
      for (const line of report) process.stderr.write(`${line}\n`);
      if (options.output === undefined) process.stdout.write(text);
      else {
        const output = options.output;
        await writeFile(output, text).catch((error: NodeJS.ErrnoException) => {
          throw new UserError([`${output}: cannot write the season file: ${error.message}`]);
        });
      }
    });
}

/** One classification for one round: more paths are a mistake. */
function oneFile(paths: readonly string[]): string {
  const [file, ...more] = paths;
  if (file === undefined || more.length > 0) {
    throw new UserError([`--round-name makes one round of one classification, not of ${paths.length} paths`]);
  }
  return file;
}

const ONE_ROUND_ONLY = ['circuit', 'country', 'date', 'pointsMultiplier'] as const;
const OPTION_NAMES = {
  circuit: '--circuit',
  country: '--country',
  date: '--date',
  pointsMultiplier: '--points-multiplier',
};

async function archiveText(
  paths: readonly string[],
  options: SeasonFromTimingOptions,
  preset: Preset | undefined,
): Promise<{ text: string; report: string[] }> {
  const misplaced = ONE_ROUND_ONLY.filter((key) => options[key] !== undefined).map((key) => OPTION_NAMES[key]);
  if (misplaced.length > 0) {
    throw new UserError([
      `${misplaced.join(', ')}: for one classification with --round-name; a season from the archive takes its rounds from the files`,
    ]);
  }
  const built = await seasonArchiveText(paths, {
    series: options.series,
    season: options.season,
    ...(options.id !== undefined && { id: options.id }),
    ...(preset && { preset }),
  });
  return { text: checked(built.text, options.output), report: built.report };
}

/** The text, checked as `pitwall validate` and `pitwall import` will read it; nothing is written otherwise. */
function checked(text: string, output: string | undefined): string {
  const name = output ?? 'season file';
  const parsed = parseSeasonFile(text, name);
  if (!parsed.ok) {
    throw new UserError([
      ...parsed.error.map(formatIssue),
      `${name}: nothing written: the season file would have ${parsed.error.length} problem(s)`,
    ]);
  }
  return text;
}

async function seasonFileText(
  file: string,
  options: SeasonFromTimingOptions & { roundName: string },
  given: Preset | undefined,
): Promise<{ text: string; report: string[] }> {
  const multiplier = multiplierOf(options.pointsMultiplier);
  // Loaded on demand, as the other commands do not need the CSV parser.
  const [{ parseClassificationCsv }, { seasonFromClassification }, { serializeSeasonFile }] = await Promise.all([
    import('../formats/timing/classification-csv.ts'),
    import('../formats/timing/season-from-classification.ts'),
    import('../formats/season-file.ts'),
  ]);
  const classification = await readTimingFile(file, 'the classification', parseClassificationCsv);
  // The preset --preset names, else the one the file's origin names (IMSA), said on standard error.
  const { preset, report } = await presetFor(file, classification.origin, given);
  const season = seasonFromClassification(classification, {
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
    ...(preset && { points: preset.points }),
  });
  const ruled = preset ? withPreset({ ...season, notes: [...season.notes, ...presetNotes(preset)] }, preset) : season;
  // A bad --id, --country or --date is reported here, and nothing is written.
  return { text: checked(serializeSeasonFile(ruled), options.output), report };
}

function multiplierOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new UserError([`--points-multiplier must be a positive number such as 2 or 0.5, not "${text}"`]);
  }
  return value;
}
