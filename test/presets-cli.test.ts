/** `pitwall presets`: the series presets, each with its rules in a sentence; one whole with its sources. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const bin = new URL('../bin/pitwall.js', import.meta.url).pathname;
const pitwall = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

test('pitwall presets lists alms with its rules', () => {
  const run = pitwall('presets');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^alms {2}Asian Le Mans Series 2021, .*2024-25: 25-18-15-12-10-8-6-4-2-1 per class, 0\.5 /m);
});

test('pitwall presets alms shows where each rule comes from and what is not confirmed', () => {
  const run = pitwall('presets', 'alms');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^ {2}Sources:$/m);
  assert.match(run.stdout, /The fastest lap was for Saturday, and the second fastest lap for Sunday/);
  assert.match(run.stdout, /^ {2}Not confirmed:$/m);
});

test('an unknown preset names the presets there are', () => {
  const run = pitwall('presets', 'elms');
  assert.equal(run.status, 1);
  assert.equal(run.stderr.trim(), 'no preset "elms" (the presets are: alms; see pitwall presets)');
});
