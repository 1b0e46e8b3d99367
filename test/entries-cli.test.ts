/**
 * `pitwall entries …`: the entry list changed on the embedded database alone, and through
 * `pitwall serve` when it owns that database — each change served at once, refused with its
 * problems and the refusal's exit code, and in the audit trail as the command's.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { runPitwall, servePitwall } from './support/pitwall-process.ts';

const SEASON = new URL('fixtures/entry-list/season.yaml', import.meta.url).pathname;

let root: string;
const { DATABASE_URL: _ignored, ...baseEnv } = process.env;
const env = () => ({ ...baseEnv, PITWALL_DATA: join(root, 'db'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
const pitwall = (args: string[]) => runPitwall(args, env());

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'pitwall-entries-'));
});
after(() => rm(root, { recursive: true, force: true }));

test('on the database alone: a car added from round 3, and the entry list with its crews', async () => {
  assert.equal((await pitwall(['import', SEASON])).code, 0);
  const added = await pitwall([
    ...['entries', 'add', 'el-2025', '--car', '99', '--class', 'LMP2', '--team', 'Late Entry Racing'],
    ...['--from-round', '3', '--drivers', 'Zoe PARK:bronze:kor,Ivan PETROV:Gold:BGR'],
  ]);
  assert.equal(added.code, 0, added.stderr);
  assert.equal(added.stdout, '#99 added to LMP2 from round 3: Late Entry Racing, Zoe PARK, Ivan PETROV\n');
  const list = await pitwall(['entries', 'list', 'el-2025', '--class', 'LMP2']);
  assert.equal(list.code, 0, list.stderr);
  assert.match(
    list.stdout,
    /^ {2}#99 Late Entry Racing\n {4}drivers: Zoe PARK \(Bronze, KOR\), Ivan PETROV \(Gold, BGR\)\n {4}rounds 3, 4: Zoe PARK, Ivan PETROV$/m,
  );
  assert.doesNotMatch(list.stdout, /^GT$/m, 'only the class asked for');
});

test('beside a running server: each change served at once, refusals with their exit codes, the audit trail', async () => {
  const server = await servePitwall(env());
  try {
    const standings = async () => {
      const response = await fetch(`${server.url}/api/v1/seasons/el-2025/standings?class=LMP2&kind=teams`);
      const body = (await response.json()) as { standings: { rows: { car: string; team: string }[] }[] };
      return body.standings[0]!.rows.map((r) => `#${r.car} ${r.team}`);
    };
    assert.deepEqual(await standings(), ['#22 Meridian Racing', '#30 Red Dune Engineering', '#99 Late Entry Racing']);
    const renamed = await pitwall([
      'entries',
      'team',
      'el-2025',
      '--car',
      '22',
      '--team',
      'Meridian by Apex',
      '--from-round',
      '3',
    ]);
    assert.equal(renamed.code, 0, renamed.stderr);
    assert.equal(renamed.stdout, '#22 runs as Meridian by Apex from round 3\n');
    assert.deepEqual(await standings(), ['#22 Meridian by Apex', '#30 Red Dune Engineering', '#99 Late Entry Racing']);

    // Tomás ORTEGA drove #22 at round 1: refused, exit 1, nothing changed.
    const drove = await pitwall([
      'entries',
      'crew',
      'el-2025',
      '--car',
      '22',
      '--from-round',
      '1',
      '--drivers',
      'Aksel LINDQVIST,Renée FAURE',
    ]);
    assert.equal(drove.code, 1);
    assert.match(drove.stderr, /^--drivers: Tomás ORTEGA drove #22 at round 1 \(Classified in its classification\)/m);
    assert.match(drove.stderr, /^nothing changed$/m);
    // One driver from round 3 breaks "2 or 3 drivers": exit 3 until confirmed.
    const crew = ['entries', 'crew', 'el-2025', '--car', '30', '--from-round', '3', '--drivers', 'Fred OKAFOR'];
    const unconfirmed = await pitwall(crew);
    assert.equal(unconfirmed.code, 3, unconfirmed.stderr);
    assert.equal(
      unconfirmed.stderr,
      '#30 round 3: 2 or 3 drivers: 1 driver entered, expected 2 to 3: Fred OKAFOR\n' +
        '#30 round 4: 2 or 3 drivers: 1 driver entered, expected 2 to 3: Fred OKAFOR\n' +
        'nothing changed: run again with --confirm to record it as it is\n',
    );
    const confirmed = await pitwall([...crew, '--confirm']);
    assert.equal(confirmed.code, 0, confirmed.stderr);
    assert.match(
      confirmed.stdout,
      /^#30 from round 3: Fred OKAFOR; leaving: Lucas MÜLLER\nline-up: #30 round 3: 2 or 3 drivers/,
    );
    const unknown = await pitwall(['entries', 'withdraw', 'el-2025', '--car', '8', '--round', '3']);
    assert.deepEqual(
      [unknown.code, unknown.stderr],
      [1, '--car: car #8 is not in the entry list of el-2025\nnothing changed\n'],
    );

    const listed = await pitwall(['entries', 'list', 'el-2025']);
    assert.match(
      listed.stdout,
      /^ {4}rounds 1, 2 \(as Meridian Racing\): Aksel LINDQVIST, Tomás ORTEGA, Renée FAURE$/m,
    );
    assert.match(listed.stdout, /^ {4}rounds 3, 4: Fred OKAFOR$/m);
    const changes = await pitwall(['entries', 'changes', 'el-2025']);
    const by = `console:${userInfo().username}`;
    assert.deepEqual(
      changes.stdout
        .trim()
        .split('\n')
        .map((line) => line.replace(/^\S+ \S+ UTC {2}/, '')),
      [
        `${by}  #99 added to LMP2 from round 3: Late Entry Racing, Zoe PARK, Ivan PETROV`,
        `${by}  #22 runs as Meridian by Apex from round 3`,
        `${by}  #30 from round 3: Fred OKAFOR; leaving: Lucas MÜLLER`,
      ],
    );

    // The season as exported holds every change, and reads back as it is.
    const file = join(root, 'exported.yaml');
    assert.equal((await pitwall(['export', 'el-2025', '-o', file])).code, 0);
    const valid = await pitwall(['validate', file]);
    assert.equal(valid.code, 0, valid.stderr);
    const text = await readFile(file, 'utf8');
    assert.match(text, /teamNames:\n\s+- \{ team: Meridian Racing, rounds: \[ 1, 2 \] \}/);
    await writeFile(join(root, 'again.yaml'), text);
    assert.equal((await pitwall(['import', join(root, 'again.yaml')])).code, 0);
    const again = join(root, 'again-exported.yaml');
    assert.equal((await pitwall(['export', 'el-2025', '-o', again])).code, 0);
    assert.equal(await readFile(again, 'utf8'), text);
  } finally {
    await server.stop();
  }
});
