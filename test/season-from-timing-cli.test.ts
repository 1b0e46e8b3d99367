/** `pitwall season-from-timing` end to end: the real command on the real Le Mans 2024 classification. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { formatIssue, parseSeasonFile } from '../src/formats/season-file.ts';
import { needsRecordedRaces, timingPath, timingText } from './support/timing-fixtures.ts';

const run = promisify(execFile);
const BIN = new URL('../bin/pitwall.js', import.meta.url).pathname;

/** Runs the real command; never throws, so exit codes can be asserted. */
async function pitwall(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...base, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const LE_MANS = [
  '--series',
  'FIA World Endurance Championship',
  '--season',
  '2024',
  '--round-name',
  '24 Hours of Le Mans',
  '--id',
  'wec-2024',
  '--circuit',
  'Circuit de la Sarthe',
  '--country',
  'FRA',
  '--date',
  '2024-06-15',
  '--points-multiplier',
  '2',
];

test(
  'Le Mans 2024: 62 entries in 3 classes on standard output, and `pitwall import` takes the file',
  needsRecordedRaces,
  async () => {
    const classification = timingPath('leMans2024Classification');
    const { code, stdout, stderr } = await pitwall(['season-from-timing', classification, ...LE_MANS]);
    assert.equal(code, 0, stderr);
    // No --preset, and an Al Kamel classification does not say its series: which rules, said once.
    assert.equal(
      stderr,
      `${classification}: no --preset, and the file does not say its series: points are the WEC scale ` +
        "25-18-15-12-10-8-6-4-2-1 and 1 for pole, the classification the ACO's (see pitwall presets)\n",
    );
    const parsed = parseSeasonFile(stdout, 'le-mans-2024.yaml');
    if (!parsed.ok) assert.fail(parsed.error.map(formatIssue).join('\n'));
    const season = parsed.value;
    assert.equal(season.id, 'wec-2024');
    assert.deepEqual(
      season.classes.map((c) => c.id),
      ['HYPERCAR', 'LMP2', 'LMGT3'],
    );
    assert.equal(season.entries.length, 62);
    assert.deepEqual(season.rounds, [
      {
        round: 1,
        name: '24 Hours of Le Mans',
        circuit: 'Circuit de la Sarthe',
        country: 'FRA',
        date: '2024-06-15',
        pointsMultiplier: 2,
      },
    ]);
    assert.deepEqual(season.points.positions, [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]);
    assert.equal(season.points.pole, 1);
    assert.deepEqual(
      season.entries.find((e) => e.car === '50')?.drivers.map((d) => d.name),
      ['Antonio FUOCO', 'Miguel MOLINA', 'Nicklas NIELSEN'],
    );

    const dir = await mkdtemp(join(tmpdir(), 'pitwall-season-from-timing-'));
    try {
      const file = join(dir, 'le-mans-2024.yaml');
      const written = await pitwall(['season-from-timing', classification, ...LE_MANS, '--output', file]);
      assert.equal(written.code, 0, written.stderr);
      assert.equal(written.stdout, '');
      assert.equal(await readFile(file, 'utf8'), stdout);
      const imported = await pitwall(['import', file], { PITWALL_DATA: join(dir, 'db') });
      assert.equal(imported.code, 0, imported.stderr);
      assert.equal(imported.stdout, 'imported wec-2024: FIA World Endurance Championship 2024, 62 entries, 0 races\n');
    } finally {
      await rm(dir, { recursive: true });
    }
  },
);

test(
  'a broken classification: file:line: code message, exit 1, no stack trace, nothing written',
  needsRecordedRaces,
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pitwall-season-from-timing-'));
    try {
      const broken = join(dir, 'broken.csv');
      const lines = timingText('leMans2024Classification').split('\n');
      // The fourth car's status becomes a word the timing never prints.
      lines[4] = lines[4]!.replace(/Classified/, 'Finished');
      await writeFile(broken, lines.join('\n'));
      const output = join(dir, 'out.yaml');
      const { code, stdout, stderr } = await pitwall(['season-from-timing', broken, ...LE_MANS, '--output', output]);
      assert.equal(code, 1);
      assert.equal(stdout, '');
      assert.match(stderr, /^.*broken\.csv:5: status STATUS: .*Finished/m);
      assert.match(stderr, /broken\.csv: not read: the file has 1 problem\(s\)/);
      assert.doesNotMatch(stderr, /\n\s+at /);
      await assert.rejects(readFile(output));

      const missing = await pitwall(['season-from-timing', join(dir, 'no-such.csv'), ...LE_MANS]);
      assert.equal(missing.code, 1);
      assert.equal(missing.stderr.trim(), `${join(dir, 'no-such.csv')}: cannot read the classification: no such file`);
    } finally {
      await rm(dir, { recursive: true });
    }
  },
);

test(
  'a season file that would not read (a country that is no ISO code): the problem, exit 1, nothing written',
  needsRecordedRaces,
  async () => {
    const args = LE_MANS.map((arg) => (arg === 'FRA' ? 'France' : arg));
    const { code, stdout, stderr } = await pitwall([
      'season-from-timing',
      timingPath('leMans2024Classification'),
      ...args,
    ]);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /^season file:\d+: invalid rounds\[0\]\.country: .*"France"$/m);
    assert.match(stderr, /nothing written: the season file would have 1 problem\(s\)/);
  },
);

const SEBRING = [
  '--series',
  'IMSA WeatherTech SportsCar Championship',
  '--season',
  '2025',
  '--round-name',
  'Twelve Hours of Sebring',
  '--id',
  'imsa-2025',
];

test(
  'Sebring 2025: an IMSA results file is scored by the imsa preset, said on standard error; --preset overrides it',
  needsRecordedRaces,
  async () => {
    const results = timingPath('sebring2025Results');
    const { code, stdout, stderr } = await pitwall(['season-from-timing', results, ...SEBRING]);
    assert.equal(code, 0, stderr);
    assert.equal(
      stderr,
      `${results}: IMSA results (IMSA_… columns): rules from the imsa preset (pitwall presets imsa; --preset to choose another)\n`,
    );
    const parsed = parseSeasonFile(stdout, 'imsa-2025.yaml');
    if (!parsed.ok) assert.fail(parsed.error.map(formatIssue).join('\n'));
    const season = parsed.value;
    assert.equal(season.entries.length, 56);
    assert.equal(season.points.positions[0], 350);
    assert.equal(season.points.pole, 35);
    assert.deepEqual(season.classificationRules, {
      minimumDistance: { kind: 'none' },
      chequeredFlag: 'not-required',
      withoutFlag: 'Ret',
      order: 'laps',
      lastLapStop: 'Ret',
    });
    assert.match(season.notes[0] ?? '', /^Rules from the imsa preset \(IMSA WeatherTech SportsCar Championship/);
    assert.match(stdout, /^classification:\n {2}minimumDistance: none\n {2}chequeredFlag: not-required\n/m);

    const asked = await pitwall(['season-from-timing', results, ...SEBRING, '--preset', 'wec']);
    assert.equal(asked.code, 0, asked.stderr);
    assert.equal(asked.stderr, `${results}: IMSA results (IMSA_… columns), scored by --preset wec as asked\n`);
    const wec = parseSeasonFile(asked.stdout, 'wec.yaml');
    assert.ok(wec.ok);
    assert.equal(wec.value.classificationRules?.chequeredFlag, 'required');
    assert.equal(wec.value.points.positions[0], 25);
  },
);

test(
  "the wec preset on Le Mans: double points from the preset, the classification the ACO's",
  needsRecordedRaces,
  async () => {
    const noMultiplier = LE_MANS.slice(0, LE_MANS.indexOf('--points-multiplier'));
    const classification = timingPath('leMans2024Classification');
    const { code, stdout, stderr } = await pitwall([
      'season-from-timing',
      classification,
      ...noMultiplier,
      '--preset',
      'wec',
    ]);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    const parsed = parseSeasonFile(stdout, 'le-mans.yaml');
    if (!parsed.ok) assert.fail(parsed.error.map(formatIssue).join('\n'));
    assert.equal(parsed.value.rounds[0]?.pointsMultiplier, 2);
    assert.equal(parsed.value.points.otherClassified, 0.5);
    assert.equal(parsed.value.classificationRules?.withoutFlag, 'Ret');
  },
);
