import { readFile } from 'node:fs/promises';
import type { Fail } from './user-error.ts';
import type { TimingRefusal } from '../app/timing-import.ts';
import { formatProblem } from '../domain/problem.ts';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Console } from '../app/console.ts';
import { formatIssue } from '../formats/season-file.ts';
import { readTimingCsv } from '../formats/timing/timing-csv.ts';
import { withConsole } from './console-access.ts';
import { operator } from './operator.ts';

/**
 * `pitwall timing import FILE --season ID --round N [--confirm]`: what the file is comes from its
 * header (docs/timing-formats.md); a classification becomes the round's provisional results, a
 * qualifying result sets the poles the season's pole rule derives. Through the server that owns
 * the embedded database when one runs, so that what it imports is served at once.
 */
export function addTimingCommand(program: Command, fail: Fail): void {
  const timing = program.command('timing').description("the timing provider's files, round by round");
  timing
    .command('import')
    .description(
      'import a timing file into a round: a race classification (provisional results) or a qualifying result (poles), told apart by the header',
    )
    .argument('<file>', "the provider's file, named as the provider names it (its date is checked against the round's)")
    .requiredOption('--season <id>', 'season id')
    .requiredOption('--round <n>', 'round number')
    .option('--confirm', "accept the lines a refusal listed: the drivers named are entered for the round's crews")
    .action(async (file: string, options: { season: string; round: string; confirm?: boolean }) => {
      const round = /^[1-9]\d{0,3}$/.test(options.round) ? Number(options.round) : undefined;
      if (round === undefined)
        fail([`--round: expected a round number such as 2, not "${options.round.slice(0, 20)}"`]);
      const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) =>
        fail([`${file}: cannot read it: ${error.code === 'ENOENT' ? 'no such file' : error.message}`]),
      );
      const read = readTimingCsv(bytes, file, ['classification', 'qualifying', 'lap-analysis']);
      if (!read.ok) fail([...read.error.slice(0, 20).map(formatIssue), `${file}: nothing imported`]);
      const kind = read.value.layout.kind;
      if (kind === 'lap-analysis') {
        fail([
          `${file} is ${read.value.layout.name}: lap analyses are not imported yet (the race-2 pole they decide is set ` +
            'with pitwall poles; pitwall drive-times reads a race lap analysis); nothing imported',
        ]);
      }
      const input = { bytes: new Uint8Array(bytes), fileName: basename(file), confirm: options.confirm === true };
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

async function importInto(
  console: Console,
  kind: 'classification' | 'qualifying',
  season: string,
  round: number,
  input: { bytes: Uint8Array; fileName: string; confirm: boolean },
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
  const imported = await console.importTimingQualifying(season, round, input, by);
  if (!imported.ok) return refused(imported.error);
  for (const pole of imported.value.poles)
    out(`${season} round ${pole.round} ${pole.class}: pole #${pole.cars.join(', #')}`);
  for (const line of imported.value.notSet) out(`not set: ${line}`);
  for (const change of imported.value.crewChanges) out(`crew: ${change}`);
}
