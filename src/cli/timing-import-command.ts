import { readInputFile } from './input-file.ts';
import type { Fail } from './user-error.ts';
import type { TimingRefusal } from '../app/timing-import.ts';
import { formatProblem } from '../domain/problem.ts';
import { basename } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import { importTimingFile, timingFileKind } from '../app/timing-file-import.ts';
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
      const input = {
        bytes: new Uint8Array(bytes),
        fileName: basename(file),
        confirm: options.confirm === true,
        ...(options.session !== undefined && { session: options.session }),
        ...(options.deleted !== undefined && { deleted: options.deleted }),
      };
      // What the file is, before the database is opened: a file that is none of them changes nothing.
      const kind = timingFileKind(input);
      if (!kind.ok) refused(kind.error, fail);
      const by = `console:${operator()}`;
      const imported = await withConsole(
        'timing import',
        (console) => importTimingFile(console, options.season, round, input, by),
        { fail },
      );
      if (!imported.ok) refused(imported.error, fail);
      for (const line of imported.value.lines) process.stdout.write(`${line}\n`);
    });
}

interface TimingImportOptions {
  season: string;
  round: string;
  confirm?: boolean;
  session?: 'race' | 'qualifying';
  deleted?: string;
}

/** A refusal as the command prints it: each problem, then what to do. At most 20 problems: one per row of a wrong file. */
function refused(error: TimingRefusal, fail: Fail): never {
  const shown = (error.issues ?? []).slice(0, 20).map(formatProblem);
  const hint =
    error.code === 'needs-confirmation'
      ? 'nothing imported: run again with --confirm to enter the drivers listed for the round'
      : error.message;
  return fail([...shown, hint], error.code);
}
