import { buildProgram } from './program.ts';
import { UserError } from './user-error.ts';

/** Exit codes: 0 fine, 1 the input has problems, 2 the command line is wrong (commander's own). */
try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  for (const line of error.lines) process.stderr.write(`${line}\n`);
  process.exitCode = 1;
}
