/**
 * `pitwall scenarios FILE --class C --kind teams|drivers [--before-round N] [--with-pole]
 * [--format table|json]`: who can still take the title, who has clinched it, and what each
 * contender needs (docs/title-maths.md). Which moment is asked about follows the same rule as
 * the API (domain/title-question.ts): without `--before-round`, the first round not yet raced,
 * with its pole when the file has it; for a finished season, before its last round.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import type { StandingsKind } from '../domain/vocabulary.ts';
import { STANDINGS_KINDS } from '../domain/vocabulary.ts';
import type { ScenarioRow, TitleScenarios } from '../domain/title-scenarios.ts';
import { titleMoment } from '../domain/title-question.ts';
import { scenariosDocument } from '../formats/scenarios-json.ts';
import { loadSeasonFile } from './load-season.ts';
import { UserError } from './user-error.ts';

interface ScenariosOptions {
  class: string;
  kind: StandingsKind;
  beforeRound?: string;
  withPole?: boolean;
  format: 'table' | 'json';
}

export function addScenariosCommand(program: Command): void {
  program
    .command('scenarios')
    .description('who can still win a class title, who has clinched it, and what each contender needs')
    .argument('<file>', 'season file (YAML or JSON)')
    .requiredOption('--class <class>', 'the class')
    .addOption(new Option('--kind <kind>', 'teams or drivers').choices(STANDINGS_KINDS).makeOptionMandatory())
    .option('--before-round <n>', 'before this round (default: the first round not yet raced)')
    .option('--with-pole', "that round's pole is known (from the season file; refused when the file has none)")
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (file: string, options: ScenariosOptions) => {
      process.stdout.write(await scenariosOutput(file, options));
    });
}

async function scenariosOutput(file: string, options: ScenariosOptions): Promise<string> {
  const loaded = await loadSeasonFile(file);
  if (!loaded.ok) throw new UserError(loaded.error);
  const season = loaded.value;
  if (!season.classes.some((c) => c.id === options.class)) {
    const known = season.classes.map((c) => c.id).join(', ');
    throw new UserError([`${file}: unknown class "${options.class}" (the season has: ${known})`]);
  }
  const moment = titleMoment(season, options.class, {
    beforeRound: options.beforeRound,
    withPole: options.withPole === true,
  });
  if (!moment.ok) {
    const flag = moment.error.code === 'no-pole' ? '--with-pole' : `--before-round ${options.beforeRound ?? ''}`;
    throw new UserError([`${file}: ${flag}: ${moment.error.message}`]);
  }
  const { titleScenarios } = await import('../domain/title-scenarios.ts');
  const result = titleScenarios(season, { classId: options.class, kind: options.kind, ...moment.value });
  return options.format === 'json' ? `${JSON.stringify(scenariosDocument(result), null, 2)}\n` : scenariosText(result);
}

function scenariosText(result: TitleScenarios): string {
  const pole = result.poleKnown ? ', pole known' : '';
  const lines = [`${result.class} ${result.kind}: before round ${result.beforeRound}${pole}`, ''];
  const describe = (r: ScenarioRow) => {
    const name = result.kind === 'teams' ? `#${r.key} ${r.label}` : r.label;
    const verdict = r.clinched ? 'champion' : r.canWin ? 'can win' : 'out';
    return `${name.padEnd(40)} ${String(r.points).padStart(6)} pts  max ${String(r.maxPoints).padStart(6)}  ${verdict}`;
  };
  for (const r of result.contenders) {
    lines.push(describe(r), ...r.needs.map((n) => `    - ${n}`));
  }
  if (result.eliminated.length > 0) lines.push('', 'Eliminated:', ...result.eliminated.map(describe));
  lines.push('', result.ties, ...result.notes);
  return `${lines.join('\n')}\n`;
}
