import { readInputFile } from './input-file.ts';
import type { Fail } from './user-error.ts';
import type { TimingRefusal } from '../app/timing-import.ts';
import { formatProblem } from '../domain/problem.ts';
import { basename } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import type { Console, TimingFileInput } from '../app/console.ts';
import { formatIssue } from '../formats/season-file.ts';
import { readTimingCsv } from '../formats/timing/timing-csv.ts';
import { withConsole } from './console-access.ts';
import { operator } from './operator.ts';

/**
 * `pitwall timing import FILE --season ID --round N [--confirm] [--session race|qualifying]
 * [--deleted CAR:LAP,…]`: what the file is comes from its header (docs/timing-formats.md); a
 * classification becomes the round's provisional results, a qualifying result sets the poles the
 * season's pole rule derives, a race's lap analysis is stored for its drive times and a qualifying
 * session's sets the poles of its second-best laps. Through the server that owns the embedded
 * database when one runs, so that what it imports is served at once.
 */
export function addTimingCommand(program: Command, fail: Fail): void {
  const timing = program.command('timing').description("the timing provider's files, round by round");
  timing
    .command('import')
    .description(
      'import a timing file into a round: a race classification (provisional results), a qualifying result (poles) or a lap analysis (a race: drive times; a qualifying: the second-best-lap poles), told apart by the header',
    )
    .argument('<file>', "the provider's file, named as the provider names it (its date is checked against the round's)")
    .requiredOption('--season <id>', 'season id')
    .requiredOption('--round <n>', 'round number')
    .option('--confirm', "accept the lines a refusal listed: the drivers named are entered for the round's crews")
    .addOption(
      new Option('--session <session>', "a lap analysis's session, when the file's name does not say it").choices([
        'race',
        'qualifying',
      ]),
    )
    .option('--deleted <laps>', 'a qualifying lap analysis: laps race control deleted, as CAR:LAP,… (30:4,22:7)')
    .action(async (file: string, options: TimingImportOptions) => {
      const round = /^[1-9]\d{0,3}$/.test(options.round) ? Number(options.round) : undefined;
      if (round === undefined)
        fail([`--round: expected a round number such as 2, not "${options.round.slice(0, 20)}"`]);
      const bytes = await readInputFile(file, 'the timing file');
      const read = readTimingCsv(bytes, file, ['classification', 'qualifying', 'lap-analysis']);
      if (!read.ok) fail([...read.error.slice(0, 20).map(formatIssue), `${file}: nothing imported`]);
      const kind = read.value.layout.kind;
      for (const [given, name] of [
        [options.session, '--session'],
        [options.deleted, '--deleted'],
      ] as const) {
        if (given !== undefined && kind !== 'lap-analysis') {
          fail([`${name} is for a lap analysis; ${file} is ${read.value.layout.name}: nothing imported`]);
        }
      }
      const input = {
        bytes: new Uint8Array(bytes),
        fileName: basename(file),
        confirm: options.confirm === true,
        ...(options.session !== undefined && { session: options.session }),
        ...(options.deleted !== undefined && { deleted: options.deleted }),
      };
      const by = `console:${operator()}`;
      await withConsole(
        'timing import',
        (console) => importInto(console, kind, options.season, round, input, by, fail),
        {
          fail,
        },
      );
    });
}

interface TimingImportOptions {
  season: string;
  round: string;
  confirm?: boolean;
  session?: 'race' | 'qualifying';
  deleted?: string;
}

async function importInto(
  console: Console,
  kind: 'classification' | 'qualifying' | 'lap-analysis',
  season: string,
  round: number,
  input: TimingFileInput,
  by: string,
  fail: Fail,
): Promise<void> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const refused = (error: TimingRefusal): never => {
    const hint =
      error.code === 'needs-confirmation'
        ? 'nothing imported: run again with --confirm to enter the drivers listed for the round'
        : error.message;
    return fail([...(error.issues ?? []).map(formatProblem), hint], error.code);
  };
  if (kind === 'classification') {
    const imported = await console.importTimingClassification(season, round, input, by);
    if (!imported.ok) return refused(imported.error);
    out(`${season} round ${round}: classification imported as provisional results`);
    for (const change of imported.value.crewChanges) out(`crew: ${change}`);
    for (const driver of imported.value.unknownDrivers) out(`not in the crew: ${driver}`);
    return;
  }
  if (kind === 'lap-analysis') {
    const imported = await console.importTimingLapAnalysis(season, round, input, by);
    if (!imported.ok) return refused(imported.error);
    const answer = imported.value;
    if (answer.session === 'race') {
      const found =
        answer.infringements === 1 ? '1 drive-time infringement' : `${answer.infringements} drive-time infringements`;
      out(`${season} round ${round}: race lap analysis stored: ${answer.cars} cars, ${answer.laps} laps; ${found}`);
      for (const spelling of answer.spellings) out(`spelling: ${spelling}`);
    } else {
      polesOut(season, answer.poles);
      for (const line of answer.notSet) out(`not set: ${line}`);
      for (const line of answer.notes) out(`note: ${line}`);
    }
    for (const change of answer.crewChanges) out(`crew: ${change}`);
    return;
  }
  const imported = await console.importTimingQualifying(season, round, input, by);
  if (!imported.ok) return refused(imported.error);
  polesOut(season, imported.value.poles);
  for (const line of imported.value.notSet) out(`not set: ${line}`);
  for (const line of imported.value.notes) out(`note: ${line}`);
  for (const change of imported.value.crewChanges) out(`crew: ${change}`);
}

function polesOut(season: string, poles: readonly { round: number; class: string; cars: readonly string[] }[]): void {
  for (const pole of poles) {
    process.stdout.write(`${season} round ${pole.round} ${pole.class}: pole #${pole.cars.join(', #')}\n`);
  }
}
