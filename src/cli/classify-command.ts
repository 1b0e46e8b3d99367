/**
 * `pitwall classify LAPFILE --season FILE --round N [--against RESULTS] [--format table|json]`:
 * the final classification computed from a lap analysis under the season's classification rule
 * (docs/season-file.md#classification), set against the published one — the timing's results
 * (`--against`), else the season file's classification of the round when it has one — with every
 * difference car by car, so that an officer can check the provider's classification before
 * importing it. Differences are findings: exit 0. Exit 1 when a file cannot be read, the round is
 * not in the season, or no lap was crossed under the chequered flag.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import type { PublishedLine } from '../domain/classification-check.ts';
import { ACO_CLASSIFICATION } from '../domain/classification-rules.ts';
import type { Season } from '../domain/season.ts';
import { loadSeasonFile } from './load-season.ts';
import { readTimingFile } from './timing-file.ts';
import { UserError } from './user-error.ts';

interface ClassifyOptions {
  season: string;
  round: string;
  against?: string;
  format: 'table' | 'json';
}

export function addClassifyCommand(program: Command): void {
  program
    .command('classify')
    .summary("the final classification from a lap analysis under the season's rule, checked against the published one")
    .description(
      "the final classification computed from a lap analysis under the season's classification rule (its " +
        "classification section; the ACO's when it has none), and every car placed differently from the published " +
        "classification: the timing's results (--against), or else the season file's classification of the round",
    )
    .argument('<lapfile>', 'Al Kamel lap analysis CSV (; or ,)')
    .requiredOption('--season <file>', 'the season file: entry list and classification rule')
    .requiredOption('--round <n>', 'the round the laps are of')
    .option('--against <results>', "the timing's classification (Al Kamel or IMSA results CSV) to check")
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (lapFile: string, options: ClassifyOptions) => {
      process.stdout.write(await classifyOutput(lapFile, options));
    });
}

async function classifyOutput(lapFile: string, options: ClassifyOptions): Promise<string> {
  // Loaded on demand, as the other commands do not need the CSV parsers.
  const [{ parseLapAnalysisCsv }, { classifyLaps }, { compareClassifications }, report] = await Promise.all([
    import('../formats/timing/lap-analysis-csv.ts'),
    import('../live/final-classification.ts'),
    import('../domain/classification-check.ts'),
    import('../formats/classification-report.ts'),
  ]);
  const loaded = await loadSeasonFile(options.season);
  if (!loaded.ok) throw new UserError(loaded.error);
  const season = loaded.value;
  const round = roundOf(season, options.round);
  const analysis = await readTimingFile(lapFile, 'the lap file', parseLapAnalysisCsv);
  const computed = classifyLaps(analysis.laps, season, round.round);
  for (const [car, laps] of Object.entries(computed.notEntered)) {
    process.stderr.write(`${lapFile}: #${car} (${laps} laps) is not in the season's entry list: not classified\n`);
  }
  if (computed.chequeredAtMs === null) {
    throw new UserError([
      `${lapFile}: no lap was crossed under the chequered flag (FLAG_AT_FL FF): the race is not over, nothing to classify`,
    ]);
  }
  const published = await publishedOf(season, round.round, options.against);
  const base = {
    seasonId: season.id,
    round: round.round,
    roundName: round.name,
    lapFile,
    rules: season.classificationRules ?? ACO_CLASSIFICATION,
    lines: computed.lines,
  };
  const full = published
    ? { ...base, comparedWith: published.source, differences: compareClassifications(computed.lines, published.lines) }
    : base;
  return options.format === 'json' ? report.classificationJson(full) : report.classificationTable(full);
}

function roundOf(season: Season, text: string) {
  const number = Number(text);
  const round = Number.isInteger(number) ? season.rounds.find((r) => r.round === number) : undefined;
  if (!round) {
    const known = season.rounds.map((r) => r.round).join(', ');
    throw new UserError([`--round ${text}: no such round in ${season.id} (its rounds: ${known})`]);
  }
  return round;
}

/** The classification to check: the timing's file, or the season file's for the round, or none. */
async function publishedOf(
  season: Season,
  round: number,
  against: string | undefined,
): Promise<{ source: string; lines: PublishedLine[] } | undefined> {
  if (against !== undefined) {
    const { parseClassificationCsv } = await import('../formats/timing/classification-csv.ts');
    const sheet = await readTimingFile(against, 'the classification', parseClassificationCsv);
    return {
      source: against,
      lines: sheet.lines.map((l) => ({ car: l.car, class: l.class, status: l.status, laps: l.laps })),
    };
  }
  const lines = season.races.find((r) => r.round === round)?.classification;
  if (!lines) return undefined;
  const classOf = new Map(season.entries.map((e) => [e.car, e.class]));
  return {
    source: `the season file's classification of round ${round}`,
    lines: lines.map((l) => ({
      car: l.car,
      class: classOf.get(l.car) ?? '',
      status: l.status,
      ...(l.laps === undefined ? {} : { laps: l.laps }),
    })),
  };
}
