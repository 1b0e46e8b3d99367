/**
 * `pitwall drive-times FILE [--rules SEASON_FILE] [--class C] [--format table|json]`: each
 * driver's drive time and stints from an Al Kamel lap analysis, checked against a season's
 * drive-time rules. Exit 0 even with infringements (they are findings for the stewards);
 * exit 1 when the lap file or the season file cannot be read.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import type { Season } from '../domain/season.ts';
import { loadSeasonFile } from './load-season.ts';
import { UserError } from './user-error.ts';
import { readTimingFile } from './timing-file.ts';

/** More problems than this are counted, not printed: a file in the wrong shape has one per row. */

interface DriveTimesOptions {
  rules?: string;
  class?: string;
  format: 'table' | 'json';
}

export function addDriveTimesCommand(program: Command): void {
  program
    .command('drive-times')
    .description("each driver's drive time and stints from a lap analysis CSV, checked against drive-time rules")
    .argument('<file>', 'Al Kamel lap analysis CSV (; or ,)')
    .option('--rules <season-file>', 'season file whose driveTime section and crews (ratings) apply')
    .option('--class <class>', 'only the cars of this class')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (file: string, options: DriveTimesOptions) => {
      process.stdout.write(await driveTimesOutput(file, options));
    });
}

async function driveTimesOutput(file: string, options: DriveTimesOptions): Promise<string> {
  // Loaded on demand, as the other commands do not need the CSV parser.
  const [{ parseLapAnalysisCsv }, { classesOfAnalysis, driveTimeReport }, { driveTimeTable }] = await Promise.all([
    import('../formats/timing/lap-analysis-csv.ts'),
    import('../formats/timing/drive-time-report.ts'),
    import('../formats/timing/drive-time-table.ts'),
  ]);
  const analysis = await readTimingFile(file, 'the lap file', parseLapAnalysisCsv);
  const season = options.rules === undefined ? undefined : await seasonOf(options.rules);
  const report = driveTimeReport(analysis, { season, class: options.class });
  if (options.class !== undefined && report.cars.length === 0) {
    const known = classesOfAnalysis(analysis).join(', ');
    throw new UserError([`${file}: no car of class "${options.class}" (the file has: ${known})`]);
  }
  if (options.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return driveTimeTable(report, season?.driveTimeRules !== undefined);
}

async function seasonOf(path: string): Promise<Season> {
  const loaded = await loadSeasonFile(path);
  if (!loaded.ok) throw new UserError(loaded.error);
  return loaded.value;
}
