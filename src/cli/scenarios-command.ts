/**
 * `pitwall scenarios FILE --class C --kind teams|drivers [--before-round N] [--with-pole]
 * [--format table|json]`: who can still take the title, who has clinched it, and what each
 * contender needs (docs/title-maths.md). The use-case is the API's and the page's
 * (app/title-fight.ts): the same moment by default — the first round not yet raced, with its pole
 * when the file has it; for a finished season, before its last round, how the title was decided —
 * and with `--format json` the same bytes as `GET /api/v1/seasons/{id}/title/{class}`.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import type { StandingsKind } from '../domain/vocabulary.ts';
import { STANDINGS_KINDS } from '../domain/vocabulary.ts';
import type { ScenarioRow, TitleScenarios } from '../domain/title-scenarios.ts';
import { scenariosJson } from '../formats/scenarios-json.ts';
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
  const beforeRound = roundOption(file, options.beforeRound);
  const loaded = await loadSeasonFile(file);
  if (!loaded.ok) throw new UserError(loaded.error);
  // Loaded on demand: the title maths is the heaviest part of the command.
  const { titleFight } = await import('../app/title-fight.ts');
  const fight = titleFight(loaded.value, {
    classId: options.class,
    kind: options.kind,
    beforeRound,
    ...(options.withPole ? { poleKnown: true } : {}),
  });
  if (!fight.ok) {
    const { code, message } = fight.error;
    const flag =
      code === 'no-pole' ? '--with-pole: ' : code === 'no-such-round' ? `--before-round ${beforeRound ?? ''}: ` : '';
    throw new UserError([`${file}: ${flag}${message}`]);
  }
  const { document, scenarios, moment } = fight.value;
  const last = Math.max(...loaded.value.rounds.map((r) => r.round));
  const decided = moment.finished && moment.beforeRound === last;
  return options.format === 'json' ? scenariosJson(document) : scenariosText(scenarios, decided);
}

/** `--before-round N`: a round number, read here at the edge (the use-case takes numbers). */
function roundOption(file: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(text.trim())) {
    throw new UserError([`${file}: --before-round ${text}: expected a round number (1, 2, …)`]);
  }
  return Number(text);
}

function scenariosText(result: TitleScenarios, decided: boolean): string {
  const pole = result.poleKnown ? ', pole known' : '';
  const over = decided ? ' (the season is over: how its title was decided)' : '';
  const lines = [`${result.class} ${result.kind}: before round ${result.beforeRound}${pole}${over}`, ''];
  const describe = (r: ScenarioRow) => {
    const name = result.kind === 'teams' ? `#${r.key} ${r.label}` : r.label;
    const verdict = r.clinched ? 'champion' : r.canWin ? 'can win' : 'out';
    return `${name.padEnd(40)} ${String(r.points).padStart(6)} pts  max ${String(r.maxPoints).padStart(6)}  ${verdict}`;
  };
  for (const r of result.contenders) {
    lines.push(describe(r), `    ${r.commentary}`, ...r.needs.map((n) => `    - ${n}`));
  }
  if (result.eliminated.length > 0) lines.push('', 'Eliminated:', ...result.eliminated.map(describe));
  lines.push('', result.ties, ...result.notes);
  return `${lines.join('\n')}\n`;
}
