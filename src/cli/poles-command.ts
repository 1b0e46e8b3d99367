import type { Command } from 'commander';
import type { Fail } from './user-error.ts';
import { formatProblem } from '../domain/problem.ts';
import type { PoleSetting } from '../domain/poles.ts';
import { withConsole } from './console-access.ts';
import { operator } from './operator.ts';

/** `LMP2=22` (the pole car) or `LMP2=22,26` (the qualifying order); class names may hold spaces. */
function poleOf(text: string): PoleSetting | undefined {
  const at = text.lastIndexOf('=');
  if (at <= 0) return undefined;
  const cars = text
    .slice(at + 1)
    .split(',')
    .map((car) => car.trim());
  return cars.every((car) => car !== '') ? { class: text.slice(0, at).trim(), cars } : undefined;
}

export function addPolesCommand(program: Command, fail: Fail): void {
  program
    .command('poles')
    .description('set or correct a round\'s poles, e.g. pitwall poles alms-2024-25 2 LMP2=22 "LMP2 Am=4"')
    .argument('<season>', 'season id')
    .argument('<round>', 'round number')
    .argument('<poles...>', 'CLASS=CAR, or CLASS=CAR,CAR,… for the qualifying order of the leading cars')
    .action(async (season: string, roundText: string, given: string[]) => {
      const round = /^[1-9]\d{0,3}$/.test(roundText) ? Number(roundText) : undefined;
      const poles = given.map(poleOf);
      const problems = [
        ...(round === undefined ? [`round: expected a round number such as 2, not "${roundText.slice(0, 20)}"`] : []),
        ...given.flatMap((text, i) =>
          poles[i] ? [] : [`"${text.slice(0, 40)}": expected CLASS=CAR or CLASS=CAR,CAR (e.g. LMP2=22)`],
        ),
      ];
      if (problems.length > 0 || round === undefined) fail(problems);
      await withConsole(
        'poles',
        async (console) => {
          const set = await console.setPoles(
            season,
            round,
            poles.filter((p) => p !== undefined),
            `console:${operator()}`,
          );
          if (!set.ok) {
            const error = set.error;
            fail(
              error.code === 'not-found'
                ? [error.message]
                : (error.issues ?? []).map(formatProblem).concat('nothing changed'),
            );
          }
          for (const [cls, cars] of Object.entries(set.value.poles)) {
            process.stdout.write(`${season} round ${round} ${cls}: pole #${cars.join(', #')}\n`);
          }
        },
        { fail },
      );
    });
}
