import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeOwner, LOCK_FILE, lockDataDir, LockUnreadable, ownerOf } from './data-dir-lock.ts';
import { DatabaseInUse, openPglite } from './database.ts';

let root: string;
let n = 0;
const freshDir = () => join(root, `db-${++n}`);

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'pitwall-lock-'));
});
after(() => rm(root, { recursive: true, force: true }));

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

test('one holder at a time: the second is told who holds it, and may take it once released', async () => {
  const dir = freshDir();
  const first = await lockDataDir(dir, 'serve');
  assert.ok(first.ok);
  const second = await lockDataDir(dir, 'import');
  assert.equal(second.ok, false);
  assert.ok(!second.ok);
  assert.equal(second.owner.pid, process.pid);
  assert.equal(second.owner.command, 'serve');
  assert.equal(describeOwner(second.owner), `pitwall serve (pid ${process.pid})`);
  // The secret is for who may read the database: the file is the owner's alone.
  assert.equal((await stat(join(dir, LOCK_FILE))).mode & 0o077, 0);

  await first.lock.announce('http://127.0.0.1:3000');
  assert.equal((await ownerOf(dir))?.url, 'http://127.0.0.1:3000');
  assert.equal(describeOwner((await ownerOf(dir))!), `pitwall serve (pid ${process.pid}, http://127.0.0.1:3000)`);

  await first.lock.release();
  assert.equal(await ownerOf(dir), undefined);
  const third = await lockDataDir(dir, 'import');
  assert.ok(third.ok);
  await third.lock.release();
});

test('a lock left by a process that died is cleared and taken', async () => {
  const dir = freshDir();
  const taken = await lockDataDir(dir, 'serve');
  assert.ok(taken.ok);
  await taken.lock.release();
  const stale = { ...taken.lock.owner, pid: deadPid(), url: 'http://127.0.0.1:3000' };
  await writeFile(join(dir, LOCK_FILE), JSON.stringify(stale));
  assert.equal(await ownerOf(dir), undefined);
  const again = await lockDataDir(dir, 'import');
  assert.ok(again.ok, 'the stale lock is taken over');
  assert.equal(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid, process.pid);
  await again.lock.release();
});

test('a live pid that started at another time is another process (pid reuse after a restart)', async () => {
  const dir = freshDir();
  const taken = await lockDataDir(dir, 'serve');
  assert.ok(taken.ok);
  if (taken.lock.owner.processStart === undefined) {
    // Only Linux's /proc tells a process's start time; elsewhere the pid alone decides.
    assert.notEqual(process.platform, 'linux', 'Linux has /proc/PID/stat');
    return;
  }
  await taken.lock.release();
  await writeFile(join(dir, LOCK_FILE), JSON.stringify({ ...taken.lock.owner, processStart: '1' }));
  const again = await lockDataDir(dir, 'import');
  assert.ok(again.ok);
  await again.lock.release();
});

test("another machine's lock (a shared folder) is never taken over", async () => {
  const dir = freshDir();
  const taken = await lockDataDir(dir, 'serve');
  assert.ok(taken.ok);
  await taken.lock.release();
  const remote = { ...taken.lock.owner, pid: deadPid(), hostname: `${hostname()}-other` };
  await writeFile(join(dir, LOCK_FILE), JSON.stringify(remote));
  const refused = await lockDataDir(dir, 'import');
  assert.equal(refused.ok, false);
  assert.ok(!refused.ok);
  assert.match(describeOwner(refused.owner), / on .*-other\)$/);
});

test('a lock file that cannot be read is said, not waited on forever', async () => {
  const dir = freshDir();
  // A folder where the file should be: read fails as it would for another user's 0600 file.
  await mkdir(join(dir, LOCK_FILE), { recursive: true });
  await assert.rejects(lockDataDir(dir, 'import'), (error: unknown) => {
    assert.ok(error instanceof LockUnreadable);
    assert.match(error.message, /^cannot read .*pitwall\.lock \(EISDIR\)/);
    return true;
  });
});

test('PGlite in a folder holds the lock while open and frees it on close', async () => {
  const dir = freshDir();
  const db = await openPglite(dir, 'import');
  assert.equal((await ownerOf(dir))?.command, 'import');
  await assert.rejects(openPglite(dir, 'export'), (error: unknown) => {
    assert.ok(error instanceof DatabaseInUse);
    assert.equal(error.owner.pid, process.pid);
    assert.match(error.message, /is open in pitwall import \(pid \d+\)$/);
    return true;
  });
  assert.deepEqual(await db.query('SELECT 1 AS one'), [{ one: 1 }]);
  await db.close();
  assert.equal(await ownerOf(dir), undefined);
});
