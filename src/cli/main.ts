import { ERROR_OUTCOMES } from '../domain/problem.ts';
import { buildProgram } from './program.ts';
import { UserError } from './user-error.ts';

/**
 * Exit codes: 0 fine; a refusal's from the table of `domain/problem.ts` (1 the input has problems,
 * 3 confirm with --confirm, 4 the database is another process's); 2 the command line is wrong
 * (commander's own).
 */
try {
  await (await buildProgram(process.argv)).parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  for (const line of error.lines) process.stderr.write(`${line}\n`);
  process.exitCode = ERROR_OUTCOMES[error.code].exit;
}
