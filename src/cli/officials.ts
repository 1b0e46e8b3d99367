import type { Command } from 'commander';
import type { Fail } from './user-error.ts';
import type { Console } from '../app/console.ts';
import type { OfficialsError } from '../app/officials.ts';
import { OFFICIALS_ERROR_MESSAGES } from '../app/officials-messages.ts';
import { checkName, isRole, isTokenScope, ROLES, TOKEN_SCOPES } from '../domain/officials.ts';
import type { TerminalInput } from './password-prompt.ts';
import { PromptCancelled, readFirstLine, readHidden } from './password-prompt.ts';
import { withConsole } from './console-access.ts';

export interface OfficialsCliDeps {
  /** Ends the command with these lines on stderr and exit code 1. */
  readonly fail: Fail;
}

/** The day of an ISO 8601 time. */
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/**
 * The password: typed twice without echo at a terminal, else the first line of standard input
 * (for scripts: `printf '%s\n' "$PW" | pitwall user add …`). Never an argument: arguments end
 * up in shell histories and in every `ps` listing.
 */
async function readNewPassword(name: string, fail: OfficialsCliDeps['fail']): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return readFirstLine(stdin);
  const terminal = stdin as TerminalInput;
  try {
    const first = await readHidden(`Password for ${name}: `, terminal, process.stderr);
    const again = await readHidden('Password again: ', terminal, process.stderr);
    if (first !== again) fail(['the two passwords differ: nothing changed']);
    return first;
  } catch (error) {
    if (error instanceof PromptCancelled) fail(['cancelled: nothing changed']);
    throw error;
  }
}

/** The console use-cases: on the database, or through the server that owns it (console-access.ts). */
function withOfficials<T>(deps: OfficialsCliDeps, command: string, work: (console: Console) => Promise<T>): Promise<T> {
  return withConsole(command, work, { fail: deps.fail });
}

export function addOfficialCommands(program: Command, deps: OfficialsCliDeps): void {
  const { fail } = deps;
  // Annotated, so TypeScript knows that code after a refusal does not run.
  const refuse: (what: string, error: OfficialsError) => never = (what, error) =>
    fail([`${what}: ${OFFICIALS_ERROR_MESSAGES[error]}`]);

  const user = program.command('user').description('officials who sign in to race control');
  user
    .command('add')
    .description('add an official; the password is asked twice (or read from the first line of stdin)')
    .argument('<name>', 'the name they sign in with')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .action(async (name: string, options: { role: string }) => {
      // Checked before the password is asked for: nobody types a password twice for a typo.
      const checked = checkName(name);
      if (!checked.ok) refuse(name, checked.error);
      if (!isRole(options.role)) refuse(options.role, 'unknown-role');
      const password = await readNewPassword(name, fail);
      await withOfficials(deps, 'user add', async (console) => {
        const added = await console.addOfficial({ name, role: options.role, password });
        if (!added.ok) refuse(name, added.error);
        process.stdout.write(`added ${added.value.name} (${added.value.role})\n`);
      });
    });

  user
    .command('list')
    .description('every official: name, role, since, status')
    .action(() =>
      withOfficials(deps, 'user list', async (console) => {
        for (const o of await console.listOfficials()) {
          const status = o.disabledAt ? `disabled ${day(o.disabledAt)}` : 'active';
          process.stdout.write(`${o.name}\t${o.role}\t${day(o.createdAt)}\t${status}\n`);
        }
      }),
    );

  user
    .command('disable')
    .description('disable an official: their sessions end, they can no longer sign in')
    .argument('<name>')
    .action((name: string) =>
      withOfficials(deps, 'user disable', async (console) => {
        const disabled = await console.disableOfficial(name);
        if (!disabled.ok) refuse(name, disabled.error);
        process.stdout.write(`disabled ${disabled.value.name}\n`);
      }),
    );

  const token = program.command('token').description('API tokens for machines (the timing system)');
  token
    .command('add')
    .description('create a token and print it once: it cannot be shown again')
    .argument('<name>', 'what holds it, e.g. timing-le-mans')
    .requiredOption('--scope <scope>', `one of ${TOKEN_SCOPES.join(', ')}`)
    .action((name: string, options: { scope: string }) => {
      if (!isTokenScope(options.scope)) refuse(options.scope, 'unknown-scope');
      return withOfficials(deps, 'token add', async (console) => {
        const created = await console.createToken({ name, scope: options.scope });
        if (!created.ok) refuse(name, created.error);
        // The token alone on stdout, so `pitwall token add … > file` keeps just the secret.
        process.stdout.write(`${created.value.token}\n`);
        process.stderr.write(`token ${name} (${options.scope}): shown once, store it now\n`);
      });
    });

  token
    .command('list')
    .description('every token: name, scope, since, status (never the secret)')
    .action(() =>
      withOfficials(deps, 'token list', async (console) => {
        for (const t of await console.listTokens()) {
          const status = t.revokedAt ? `revoked ${day(t.revokedAt)}` : 'live';
          process.stdout.write(`${t.name}\t${t.scope}\t${day(t.createdAt)}\t${status}\n`);
        }
      }),
    );

  token
    .command('revoke')
    .description('revoke a token: it opens nothing from now on')
    .argument('<name>')
    .action((name: string) =>
      withOfficials(deps, 'token revoke', async (console) => {
        const revoked = await console.revokeToken(name);
        if (!revoked.ok) refuse(name, revoked.error);
        process.stdout.write(`revoked ${name}\n`);
      }),
    );
}
