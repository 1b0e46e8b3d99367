import type { ErrorCode } from '../domain/problem.ts';

/**
 * A mistake in what the user gave us, or a refusal: printed as it is, with no stack trace, and the
 * exit code the one table of `domain/problem.ts` gives its code (main.ts). In a module of its own
 * so that the commands and program.ts, which wires them, do not import each other.
 */
export class UserError extends Error {
  constructor(
    readonly lines: readonly string[],
    readonly code: ErrorCode = 'bad-request',
  ) {
    super(lines.join('\n'));
  }
}

/** How a command gives up: the lines to print, and the refusal's code when it is not a plain mistake. */
export type Fail = (lines: readonly string[], code?: ErrorCode) => never;
