/**
 * One process owns the embedded database (issue 10): `pitwall import`, `user add`, `token add`
 * and `export` run while `pitwall serve` serves the same PITWALL_DATA go through that server, take
 * effect at once, and everything they were told is still there after a restart.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_SEASON } from '../src/http/server.ts';
import { LOCK_FILE, lockDataDir } from '../src/store/data-dir-lock.ts';
import { withConsole } from '../src/cli/console-access.ts';
import { runPitwall, servePitwall } from './support/pitwall-process.ts';

let root: string;
let dataDir: string;
let copyFile: string;

const { DATABASE_URL: _ignored, ...baseEnv } = process.env;
const env = () => ({ ...baseEnv, PITWALL_DATA: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' });

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'pitwall-owner-'));
  dataDir = join(root, 'db');
  copyFile = join(root, 'copy.yaml');
  const bundled = await readFile(BUNDLED_SEASON, 'utf8');
  await writeFile(copyFile, bundled.replace(/^id: alms-2019-20$/m, 'id: alms-copy'));
});
after(() => rm(root, { recursive: true, force: true }));

const pitwall = (args: string[], stdin = '') => runPitwall(args, env(), stdin);
const serve = () => servePitwall(env());

test('commands run beside a server go through it: served at once, kept after a restart', async () => {
  const server = await serve();
  try {
    const lock = JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8')) as { pid: number; url: string };
    assert.equal(lock.pid, server.child.pid);
    assert.equal(lock.url, server.url);

    const imported = await pitwall(['import', copyFile]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /^imported alms-copy: Asian Le Mans Series 2019-20, 29 entries, 4 races\n$/);
    // No restart: the server that owns the database serves it now.
    assert.equal((await fetch(`${server.url}/api/v1/seasons/alms-copy`)).status, 200);
    // Its pages too, though the server was started from outside the project's folder.
    const page = await fetch(`${server.url}/seasons/alms-copy/standings`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<h1[^>]*>[^<]*Standings/);

    const added = await pitwall(['user', 'add', 'Sue Steward', '--role', 'steward'], 'green flag at 14:00 sharp\n');
    assert.deepEqual(added, { code: 0, stdout: 'added Sue Steward (steward)\n', stderr: '' });
    const officials = await pitwall(['user', 'list']);
    assert.match(officials.stdout, /^Sue Steward\tsteward\t\d{4}-\d\d-\d\d\tactive\n$/);

    const token = await pitwall(['token', 'add', 'timing-a', '--scope', 'timing']);
    assert.equal(token.code, 0, token.stderr);
    const secret = token.stdout.trim();
    const whoami = await fetch(`${server.url}/api/v1/admin/whoami`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(whoami.status, 200);
    assert.deepEqual(await whoami.json(), { token: { name: 'timing-a', scope: 'timing' } });

    const exported = await pitwall(['export', 'alms-copy']);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /^id: alms-copy$/m);

    const poles = await pitwall(['poles', 'alms-copy', '1', 'LMP2=26', 'GT Am=16']);
    assert.equal(poles.code, 0, poles.stderr);
    assert.match(poles.stdout, /^alms-copy round 1 LMP2: pole #26$/m);
    const standings = (await (
      await fetch(`${server.url}/api/v1/seasons/alms-copy/standings?class=LMP2&kind=teams`)
    ).json()) as { standings: { rows: { car: string; rounds: { round: number; pole: boolean }[] }[] }[] };
    const poleOf = (car: string) =>
      standings.standings[0]?.rows.find((r) => r.car === car)?.rounds.find((c) => c.round === 1)?.pole;
    assert.equal(poleOf('26'), true, 'served at once');
    assert.equal(poleOf('36'), false);
    const wrongClass = await pitwall(['poles', 'alms-copy', '1', 'GT=26']);
    assert.deepEqual(wrongClass, {
      code: 1,
      stdout: '',
      stderr: 'poles[0].car: car #26 is a LMP2 car, not GT\nnothing changed\n',
    });

    const broken = await pitwall(['import', join(root, 'missing.yaml')]);
    assert.equal(broken.code, 1);
    const invalid = join(root, 'invalid.yaml');
    await writeFile(invalid, 'format: pitwall-season/1\nid: broken\n');
    const refused = await pitwall(['import', invalid]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /invalid\.yaml:\d+: /);
    assert.match(refused.stderr, /nothing imported/);
    assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
    assert.equal((await fetch(`${server.url}/api/v1/seasons/broken`)).status, 404);

    const unknown = await pitwall(['export', 'nope']);
    assert.deepEqual(unknown, {
      code: 1,
      stdout: '',
      stderr: 'no season "nope" in the database (it has: alms-2019-20, alms-copy)\n',
    });

    // A second server on the same folder is refused, naming the first.
    const second = await pitwall(['serve']);
    assert.equal(second.code, 4, 'database-in-use');
    assert.match(second.stderr, new RegExp(`is open in pitwall serve \\(pid ${server.child.pid}, ${server.url}\\)`));
    assert.doesNotMatch(second.stderr, /\n\s+at /);
  } finally {
    assert.equal(await server.stop(), 0);
  }
  // Stopped: nobody holds the folder, and everything acknowledged is there when it opens again.
  await assert.rejects(readFile(join(dataDir, LOCK_FILE)), { code: 'ENOENT' });
  const listed = await pitwall(['user', 'list']);
  assert.match(listed.stdout, /^Sue Steward\tsteward\t/m);
  const tokens = await pitwall(['token', 'list']);
  assert.match(tokens.stdout, /^timing-a\ttiming\t/m);
  const again = await serve();
  try {
    assert.equal((await fetch(`${again.url}/api/v1/seasons/alms-copy`)).status, 200);
    assert.equal((await fetch(`${again.url}/api/v1/seasons/alms-2019-20`)).status, 200);
  } finally {
    assert.equal(await again.stop(), 0);
  }
});

test('a server killed without stopping leaves a lock that the next process clears', async () => {
  const server = await serve();
  server.child.kill('SIGKILL');
  await new Promise((resolve) => server.child.on('exit', resolve));
  // Its lock is still there, naming a process that is gone.
  assert.equal(JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8')).pid, server.child.pid);
  const listed = await pitwall(['token', 'list']);
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, /^timing-a\ttiming\t/m);
});

test('a command refuses, naming the holder, when another command keeps the database too long', async () => {
  const held = await lockDataDir(dataDir, 'import');
  assert.ok(held.ok);
  try {
    const lines: string[] = [];
    const codes: (string | undefined)[] = [];
    await assert.rejects(
      withConsole('export', () => Promise.reject(new Error('must not run')), {
        env: { PITWALL_DATA: dataDir },
        waitMs: 300,
        fail: (message, code) => {
          lines.push(...message);
          codes.push(code);
          throw new Error('failed');
        },
      }),
    );
    assert.deepEqual(codes, ['database-in-use']);
    assert.deepEqual(lines, [
      `the database in ${dataDir} is in use by pitwall import (pid ${process.pid}); try again when it ends: nothing changed`,
    ]);
  } finally {
    await held.lock.release();
  }
});
