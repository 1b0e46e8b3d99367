/** `pitwall scenarios` end to end: the JSON contract of issue 5 on the bundled season. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = new URL('../bin/pitwall.js', import.meta.url).pathname;
const SEASON = new URL('../data/seasons/alms-2019-20.yaml', import.meta.url).pathname;

async function pitwall(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('--format json before round 4 of LMP2 teams: the contract and the three contenders', async () => {
  const args = ['scenarios', SEASON, '--class', 'LMP2', '--kind', 'teams', '--before-round', '4', '--format', 'json'];
  const { code, stdout, stderr } = await pitwall(args);
  assert.equal(code, 0, stderr);
  const doc = JSON.parse(stdout);
  assert.deepEqual(Object.keys(doc), ['class', 'kind', 'beforeRound', 'contenders', 'eliminated']);
  assert.deepEqual([doc.class, doc.kind, doc.beforeRound], ['LMP2', 'teams', 4]);
  assert.deepEqual(Object.keys(doc.contenders[0]), ['car', 'points', 'maxPoints', 'canWin', 'clinched', 'needs']);
  assert.deepEqual(
    doc.contenders.map((c: { car: string; points: number }) => [c.car, c.points]),
    [
      ['26', 65],
      ['45', 56],
      ['36', 55],
    ],
  );
  assert.ok(doc.eliminated.every((c: { canWin: boolean }) => !c.canWin));
});

test('--with-pole: the 8-point gap, and second place is enough for G-Drive', async () => {
  const args = ['scenarios', SEASON, '--class', 'LMP2', '--kind', 'teams', '--before-round', '4', '--with-pole'];
  const { code, stdout, stderr } = await pitwall(args);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /#26 G-Drive Racing with Algarve +65 pts/);
  assert.match(stdout, /#45 Thunderhead Carlin Racing +57 pts/);
  assert.match(stdout, /G-Drive Racing with Algarve is champion if it finishes 2nd or better\n/);
});

test('drivers and an unknown class', async () => {
  const drivers = await pitwall(['scenarios', SEASON, '--class', 'LMP2', '--kind', 'drivers', '--format', 'json']);
  assert.equal(drivers.code, 0, drivers.stderr);
  assert.ok('driver' in JSON.parse(drivers.stdout).contenders[0]);
  const unknown = await pitwall(['scenarios', SEASON, '--class', 'LMP9', '--kind', 'teams']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /unknown class "LMP9"/);
});
