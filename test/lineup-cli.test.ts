/** `pitwall validate` and line-up rules: findings are warnings for the stewards unless --strict. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = new URL('../bin/pitwall.js', import.meta.url).pathname;
const ROOT = new URL('..', import.meta.url).pathname;
const FIXTURE = relative(ROOT, new URL('fixtures/lineup/pro-am-cup-2020.yaml', import.meta.url).pathname);
const BUNDLED = 'data/seasons/alms-2019-20.yaml';

/** Runs the real command from the repository root; never throws, so exit codes can be asserted. */
async function pitwall(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The line of the file where `text` first appears. */
async function lineOf(file: string, text: string): Promise<number> {
  const lines = (await readFile(new URL(file, `file://${ROOT}`), 'utf8')).split('\n');
  return lines.findIndex((l) => l.includes(text)) + 1;
}

test('validate: each finding at its entry, a summary, and exit 0', async () => {
  const { code, stdout, stderr } = await pitwall(['validate', FIXTURE]);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  const car45 = await lineOf(FIXTURE, 'car: "45"');
  const car2 = await lineOf(FIXTURE, 'car: "2"');
  assert.deepEqual(stdout.trimEnd().split('\n'), [
    `${FIXTURE}:${car45}: lineup 45 round 1: At least one Silver or Bronze: 0 of 2 drivers entered are Silver or Bronze, expected at least 1: Ben Pro (Gold), Tom Pro (Platinum)`,
    `${FIXTURE}:${car2}: lineup 2 round 1: At least one Bronze: cannot check: 0 of 2 drivers entered are Bronze and 1 is unknown, expected at least 1: Kei Silver (Silver), Nameless Rookie (rating unknown)`,
    `${FIXTURE}:${car2}: lineup 2 round 2: At least one Bronze: cannot check: 0 of 2 drivers entered are Bronze and 1 is unknown, expected at least 1: Kei Silver (Silver), Nameless Rookie (rating unknown)`,
    `${FIXTURE}: ok — Pro-Am Cup 2020: 2 classes, 2 rounds (1 raced), 3 entries; line-up rules: 3 findings`,
  ]);
});

test('validate --strict: the findings are errors, on stderr, exit 1', async () => {
  const { code, stdout, stderr } = await pitwall(['validate', '--strict', FIXTURE]);
  assert.equal(code, 1);
  assert.equal(stdout, '');
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 4);
  assert.match(lines[0] ?? '', /:\d+: lineup 45 round 1: At least one Silver or Bronze: /);
  assert.equal(lines[3], `${FIXTURE}: 3 line-up findings (--strict)`);
});

test('the bundled 2019-20 season meets the rules it carries, even with --strict', async () => {
  const { code, stdout } = await pitwall(['validate', '--strict', BUNDLED]);
  assert.equal(code, 0);
  assert.match(stdout, /^data\/seasons\/alms-2019-20\.yaml: ok — .*; line-up rules: no findings\n$/);
});

test('a season without line-up rules says nothing about them', async () => {
  const { code, stdout } = await pitwall(['validate', '--strict', 'test/fixtures/issue-example.yaml']);
  assert.equal(code, 0);
  assert.doesNotMatch(stdout, /line-up/);
});
