import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = new URL('../bin/pitwall.js', import.meta.url).pathname;
const EXAMPLE = new URL('fixtures/issue-example.yaml', import.meta.url).pathname;

/** Runs the real command; never throws, so exit codes can be asserted. */
async function pitwall(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...base, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('validate: exit 0 and a one-line summary for a good file', async () => {
  const { code, stdout } = await pitwall(['validate', EXAMPLE]);
  assert.equal(code, 0);
  assert.match(stdout, /^.*issue-example\.yaml: ok — Asian Le Mans Series 2019-20: 2 classes, 2 rounds/);
  assert.equal(stdout.trim().split('\n').length, 1);
});

test('validate: exit 1 and every problem, no stack trace, for a broken file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pitwall-cli-'));
  const broken = join(dir, 'broken.yaml');
  const text = (await readFile(EXAMPLE, 'utf8'))
    .replace('class: GT', 'class: GTX')
    .replace('{ car: "45" }', '{ car: "99" }');
  await writeFile(broken, text);
  const { code, stderr } = await pitwall(['validate', broken]);
  assert.equal(code, 1);
  assert.match(stderr, /broken\.yaml:\d+: unknown-class /);
  assert.match(stderr, /broken\.yaml:\d+: unknown-car /);
  assert.doesNotMatch(stderr, /\n\s+at /);
  await rm(dir, { recursive: true });
});

test('a missing file is a one-line error', async () => {
  const { code, stderr } = await pitwall(['validate', 'no-such-file.yaml']);
  assert.equal(code, 1);
  assert.equal(stderr.trim(), 'no-such-file.yaml: cannot read the season file: no such file');
});

test('standings --format json: the example gives the published figures', async () => {
  const { code, stdout } = await pitwall(['standings', EXAMPLE, '--format', 'json']);
  assert.equal(code, 0);
  const doc = JSON.parse(stdout) as {
    series: string;
    standings: {
      class: string;
      kind: string;
      rows: { car?: string; driver?: string; points: number; rounds: { result: string | null }[] }[];
    }[];
  };
  assert.equal(doc.series, 'Asian Le Mans Series');
  const table = (cls: string, kind: string) => doc.standings.find((t) => t.class === cls && t.kind === kind)!;
  assert.deepEqual(
    table('LMP2', 'teams').rows.map((r) => [r.car, r.points]),
    [
      ['45', 45],
      ['26', 43],
    ],
  );
  assert.deepEqual(
    table('GT', 'teams').rows.map((r) => [r.car, r.points]),
    [['7', 1]],
  );
  const drivers = Object.fromEntries(table('LMP2', 'drivers').rows.map((r) => [r.driver, r.points]));
  assert.deepEqual(drivers, {
    'Jack Manchester': 45,
    'Harry Tincknell': 45,
    'Roman Rusinov': 43,
    'James French': 25,
    'Leonard Hoogenboom': 18,
  });
  const french = table('LMP2', 'drivers').rows.find((r) => r.driver === 'James French')!;
  assert.equal(french.rounds[1]!.result, 'DNS');
  assert.deepEqual(
    table('GT', 'drivers').rows.map((r) => [r.driver, r.points]),
    [['Takeshi Kimura', 1]],
  );
});

test('standings: --class and --kind filter, csv has a header and a row per standings row', async () => {
  const { stdout } = await pitwall(['standings', EXAMPLE, '--class', 'LMP2', '--kind', 'teams', '--format', 'csv']);
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[1]!, /^LMP2,teams,1,45,Thunderhead Carlin Racing,/);
  const unknown = await pitwall(['standings', EXAMPLE, '--class', 'LMP9']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /--class: unknown class 'LMP9'; alms-2019-20 has 'LMP2', 'GT'\./);
});

test('import is all or nothing; export gives the file back', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pitwall-db-'));
  const env = { PITWALL_DATA: join(dir, 'db') };
  const imported = await pitwall(['import', EXAMPLE], env);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /^imported alms-2019-20: Asian Le Mans Series 2019-20, 3 entries, 2 races/);
  const before = await pitwall(['export', 'alms-2019-20'], env);

  const broken = join(dir, 'broken.yaml');
  const text = (await readFile(EXAMPLE, 'utf8'))
    .replace('Car Guy Racing', 'Renamed Racing')
    .replace('{ car: "45" }', '{ car: "99" }');
  await writeFile(broken, text);
  const refused = await pitwall(['import', broken], env);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /unknown-car/);
  assert.match(refused.stderr, /nothing imported/);

  const after = await pitwall(['export', 'alms-2019-20'], env);
  assert.equal(after.stdout, before.stdout);
  assert.match(after.stdout, /Car Guy Racing/);

  const exported = join(dir, 'exported.yaml');
  await writeFile(exported, after.stdout);
  const original = await pitwall(['standings', EXAMPLE, '--format', 'json']);
  const roundTrip = await pitwall(['standings', exported, '--format', 'json']);
  assert.equal(roundTrip.stdout, original.stdout);

  const missing = await pitwall(['export', 'nope'], env);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no season "nope" in the database \(it has: alms-2019-20\)/);
  await rm(dir, { recursive: true });
});
