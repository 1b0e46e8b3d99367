import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = new URL('../bin/pitwall.js', import.meta.url).pathname;
let dataDir: string;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pitwall-officials-'));
});
after(() => rm(dataDir, { recursive: true }));

/** Runs the real command with `stdin` piped in (so not a terminal), on an embedded database. */
function pitwall(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...env, PITWALL_DATA: dataDir } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

const PASSWORD = 'green flag at 14:00 sharp';

test('user add reads the password from the first line of stdin, and never prints it', async () => {
  const added = await pitwall(['user', 'add', 'Ana Steward', '--role', 'steward'], `${PASSWORD}\nsecond line\n`);
  assert.deepEqual(added, { code: 0, stdout: 'added Ana Steward (steward)\n', stderr: '' });
  const listed = await pitwall(['user', 'list']);
  assert.match(listed.stdout, /^Ana Steward\tsteward\t\d{4}-\d\d-\d\d\tactive\n$/);
});

test('mistakes are one line on stderr and exit 1, without a stack trace', async () => {
  const cases: [string[], string, RegExp][] = [
    [
      ['user', 'add', 'ana steward', '--role', 'admin'],
      PASSWORD,
      /^ana steward: An official with that name already exists\.$/,
    ],
    [
      ['user', 'add', 'Bo', '--role', 'marshal'],
      PASSWORD,
      /^marshal: The role must be one of: admin, steward, timekeeper\.$/,
    ],
    [['user', 'add', 'Bo', '--role', 'admin'], 'too short\n', /^Bo: A password has at least 12 characters\.$/],
    [['user', 'add', 'Bo', '--role', 'admin'], '', /^Bo: A password has at least 12 characters\.$/],
    [
      ['token', 'add', 'timing', '--scope', 'everything'],
      '',
      /^everything: The scope must be one of: import, timing\.$/,
    ],
    [['token', 'revoke', 'nope'], '', /^nope: No such official or token\.$/],
  ];
  for (const [args, stdin, message] of cases) {
    const result = await pitwall(args, stdin);
    assert.equal(result.code, 1, args.join(' '));
    assert.match(result.stderr.trim(), message);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.ok(!result.stderr.includes(PASSWORD) && !result.stdout.includes(PASSWORD));
  }
});

test('the password is never an argument', async () => {
  const result = await pitwall(['user', 'add', 'Cy', '--role', 'admin', '--password', PASSWORD]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /unknown option '--password'/);
});

test('token add prints the token once, alone on stdout; list shows no secret; revoke ends it', async () => {
  const created = await pitwall(['token', 'add', 'timing-sepang', '--scope', 'import']);
  assert.equal(created.code, 0);
  const token = created.stdout.trim();
  assert.match(token, /^pwt_[\w-]{43}$/);
  assert.match(created.stderr, /shown once/);
  const listed = await pitwall(['token', 'list']);
  assert.match(listed.stdout, /^timing-sepang\timport\t\d{4}-\d\d-\d\d\tlive\n$/);
  assert.ok(!listed.stdout.includes(token));
  assert.equal((await pitwall(['token', 'add', 'timing-sepang', '--scope', 'import'])).code, 1);
  assert.equal((await pitwall(['token', 'revoke', 'timing-sepang'])).stdout, 'revoked timing-sepang\n');
  assert.match((await pitwall(['token', 'list'])).stdout, /\trevoked \d{4}/);
});

test('user disable', async () => {
  assert.equal((await pitwall(['user', 'disable', 'ANA STEWARD'])).stdout, 'disabled Ana Steward\n');
  assert.match((await pitwall(['user', 'list'])).stdout, /\tdisabled \d{4}/);
});
