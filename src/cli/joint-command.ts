import { Option } from 'commander';
import { readInputFile } from './input-file.ts';
import type { Command } from 'commander';
import { dirname, resolve } from 'node:path';
import type { JointPart } from '../domain/joint-classification.ts';
import { jointStandings } from '../domain/joint-classification.ts';
import { formatIssue } from '../formats/season-file.ts';
import { parseJointFile } from '../formats/joint-file.ts';
import { standingsDocument } from '../formats/standings-json.ts';
import { standingsTable } from '../formats/standings-text.ts';
import { loadSeasonFile } from './load-season.ts';

/** Thrown lines are printed as they are, exit code 1 (a UserError, user-error.ts). */
type Fail = (lines: readonly string[]) => never;

/** `pitwall joint FILE [--format table|json]`: a joint classification file's standings. */
export function addJointCommand(program: Command, fail: Fail): void {
  program
    .command('joint')
    .description('standings of a joint classification file (pitwall-joint/1): one class of several seasons')
    .argument('<file>', 'joint classification file (YAML)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (file: string, options: { format: string }) => {
      const text = await readInputFile(file, 'the joint file', 'utf8');
      const parsed = parseJointFile(text, file);
      if (!parsed.ok) fail(parsed.error.map(formatIssue));
      const parts: JointPart[] = [];
      const problems: string[] = [];
      for (const part of parsed.value.parts) {
        const loaded = await loadSeasonFile(resolve(dirname(file), part.season));
        if (!loaded.ok) {
          problems.push(...loaded.error);
          continue;
        }
        const season = loaded.value;
        if (!season.classes.some((c) => c.id === part.class)) {
          const known = season.classes.map((c) => c.id).join(', ');
          problems.push(
            `${file}:${part.line}: unknown-class class "${part.class}" is not in ${part.season} (${known})`,
          );
          continue;
        }
        parts.push({ season, class: part.class });
      }
      if (problems.length > 0) fail(problems);
      const { season, tables } = jointStandings({ ...parsed.value, parts });
      process.stdout.write(
        options.format === 'json'
          ? `${JSON.stringify(standingsDocument(season, tables), null, 2)}\n`
          : `${standingsTable(season, tables)}\n`,
      );
    });
}
