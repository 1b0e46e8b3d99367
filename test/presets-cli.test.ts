/** `pitwall presets`: the series presets, each with its rules in a sentence; one whole with its sources. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const bin = new URL('../bin/pitwall.js', import.meta.url).pathname;
const pitwall = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

test('pitwall presets lists alms with its rules', () => {
  const run = pitwall('presets');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^alms +Asian Le Mans Series 2021, .*2024-25: 25-18-15-12-10-8-6-4-2-1 per class, 0\.5 /m);
});

test('pitwall presets alms shows where each rule comes from and what is not confirmed', () => {
  const run = pitwall('presets', 'alms');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^ {2}Sources:$/m);
  assert.match(run.stdout, /The fastest lap was for Saturday, and the second fastest lap for Sunday/);
  assert.match(run.stdout, /^ {2}Not confirmed:$/m);
});

test('an unknown preset names the presets there are', () => {
  const run = pitwall('presets', 'dtm');
  assert.equal(run.status, 1);
  assert.equal(
    run.stderr.trim(),
    'no preset "dtm" (the presets are: alms, elms, imsa, sim-league, wec; see pitwall presets)',
  );
});

test('pitwall presets lists every series with its classification; one shows its rule and multipliers', () => {
  const list = pitwall('presets');
  assert.equal(list.status, 0, list.stderr);
  assert.deepEqual(
    list.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ')[0]),
    ['alms', 'elms', 'imsa', 'sim-league', 'wec'],
  );
  const wec = pitwall('presets', 'wec');
  assert.equal(wec.status, 0, wec.stderr);
  assert.match(
    wec.stdout,
    /^ {2}Classification: Classified: 70 % of the overall winner's laps \(rounded up\), and the chequered flag;/m,
  );
  assert.match(wec.stdout, /^ {2}Points multipliers: 24 Hours of Le Mans ×2$/m);
  const imsa = pitwall('presets', 'imsa');
  assert.match(
    imsa.stdout,
    /^ {2}Classification: Classified: no minimum distance, whether or not it took the chequered flag; every car ranked by laps/m,
  );
  assert.doesNotMatch(imsa.stdout, /Points multipliers/);
});
