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
  // The fields of issue 5 first, as they were; issue 16's after them.
  assert.deepEqual(Object.keys(doc), [
    'class',
    'kind',
    'beforeRound',
    'contenders',
    'eliminated',
    'poleKnown',
    'ties',
    'notes',
    'lastRound',
  ]);
  assert.deepEqual([doc.class, doc.kind, doc.beforeRound, doc.poleKnown], ['LMP2', 'teams', 4, false]);
  assert.deepEqual(Object.keys(doc.contenders[0]), [
    'car',
    'points',
    'maxPoints',
    'canWin',
    'clinched',
    'needs',
    'label',
    'crewmates',
    'sentences',
    'titleChance',
    'commentary',
  ]);
  assert.deepEqual(doc.lastRound, {
    round: 4,
    places: 7,
    cars: ['26', '36', '45'],
    notScoring: [],
    poleChoices: ['26', '36', '45', 'other'],
  });
  const [gDrive] = doc.contenders;
  assert.deepEqual(
    gDrive.sentences.map((s: { text: string }) => s.text),
    gDrive.needs,
  );
  assert.deepEqual(gDrive.sentences[0], {
    text: 'G-Drive Racing with Algarve is champion if it finishes 2nd or better',
    kind: 'rule',
    rule: { positions: { '26': [1, 2] } },
  });
  assert.deepEqual(
    doc.contenders.map((c: { car: string; points: number }) => [c.car, c.points]),
    [
      ['26', 65],
      ['45', 56],
      ['36', 55],
    ],
  );
  assert.equal(doc.eliminated.length, 4, 'seven LMP2 cars, three still in it');
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

test('--with-pole is refused when the season has no pole for that class and round', async () => {
  const lmp3 = await pitwall([
    'scenarios',
    SEASON,
    '--class',
    'GT Am',
    '--kind',
    'teams',
    '--before-round',
    '2',
    '--with-pole',
  ]);
  assert.equal(lmp3.code, 1);
  assert.equal(lmp3.stdout, '');
  assert.match(
    lmp3.stderr,
    /--with-pole: round 2 \(4 Hours of The Bend\) has no GT Am pole in the season: its qualifying is not known\n$/,
  );
  const noRound = await pitwall(['scenarios', SEASON, '--class', 'LMP2', '--kind', 'teams', '--before-round', '7']);
  assert.equal(noRound.code, 1);
  assert.match(noRound.stderr, /--before-round 7: there is no round 7: the rounds are 1, 2, 3, 4\n$/);
  const notANumber = await pitwall(['scenarios', SEASON, '--class', 'LMP2', '--kind', 'teams', '--before-round', 'x']);
  assert.equal(notANumber.code, 1);
  assert.match(notANumber.stderr, /--before-round x: expected a round number \(1, 2, …\)\n$/);
});

test('a finished season: by default before its last round, as the API answers', async () => {
  const { code, stdout, stderr } = await pitwall([
    'scenarios',
    SEASON,
    '--class',
    'LMP2',
    '--kind',
    'teams',
    '--format',
    'json',
  ]);
  assert.equal(code, 0, stderr);
  const doc = JSON.parse(stdout);
  assert.deepEqual([doc.beforeRound, doc.poleKnown], [4, false]);
  const withPole = JSON.parse(
    (await pitwall(['scenarios', SEASON, '--class', 'LMP2', '--kind', 'teams', '--with-pole', '--format', 'json']))
      .stdout,
  );
  assert.deepEqual([withPole.beforeRound, withPole.poleKnown], [4, true]);
  assert.equal(withPole.contenders.find((c: { car: string }) => c.car === '45').points, 57);
  const text = await pitwall(['scenarios', SEASON, '--class', 'LMP2', '--kind', 'teams']);
  assert.match(text.stdout, /^LMP2 teams: before round 4 \(the season is over: how its title was decided\)\n/);
  assert.match(text.stdout, /\n {4}G-Drive is champion with 2nd or better, or 3rd from pole; /);
  const earlier = await pitwall(['scenarios', SEASON, '--class', 'LMP2', '--kind', 'teams', '--before-round', '3']);
  assert.match(earlier.stdout, /^LMP2 teams: before round 3\n/);
});

test('drivers: crewmates are contenders together, with the same needs', async () => {
  const args = ['scenarios', SEASON, '--class', 'LMP2', '--kind', 'drivers', '--before-round', '4', '--format', 'json'];
  const doc = JSON.parse((await pitwall(args)).stdout);
  const crew = doc.contenders.filter((c: { driver: string }) =>
    ['James French', 'Leonard Hoogenboom', 'Roman Rusinov'].includes(c.driver),
  );
  assert.equal(crew.length, 3);
  for (const driver of crew) {
    assert.equal(driver.canWin, true);
    assert.equal(driver.crewmates.length, 2);
    assert.deepEqual(
      driver.sentences.map((s: { rule?: unknown }) => s.rule),
      crew[0].sentences.map((s: { rule?: unknown }) => s.rule),
    );
  }
  assert.match(crew[0].needs[0], /^James French \(#26\) is champion if it finishes 2nd or better$/);
});
