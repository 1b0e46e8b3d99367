/**
 * A mistake in what the user gave us: printed as it is, with no stack trace, exit code 1
 * (main.ts). In a module of its own so that the commands and program.ts, which wires them,
 * do not import each other.
 */
export class UserError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}
