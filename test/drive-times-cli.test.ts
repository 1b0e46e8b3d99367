/** `pitwall drive-times` end to end: the real command on the real Le Mans 2024 lap file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { needsRecordedRaces, timingPath } from './support/timing-fixtures.ts';

const run = promisify(execFile);
const BIN = new URL('../bin/pitwall.js', import.meta.url).pathname;
const RULES = new URL('fixtures/drive-time/le-mans-2024.yaml', import.meta.url).pathname;

async function pitwall(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test(
  '--format json: the contract, the figures of car #50, and the infringements of the test rules',
  needsRecordedRaces,
  async () => {
    const started = performance.now();
    const { code, stdout, stderr } = await pitwall([
      'drive-times',
      timingPath('leMans2024Laps'),
      '--rules',
      RULES,
      '--format',
      'json',
    ]);
    const elapsedMs = performance.now() - started;
    assert.equal(code, 0, stderr);
    assert.ok(elapsedMs < 5_000, `the command took ${Math.round(elapsedMs)} ms`);
    const doc = JSON.parse(stdout);
    assert.deepEqual(Object.keys(doc), ['cars', 'infringements']);
    assert.equal(doc.cars.length, 62);
    const car50 = doc.cars.find((c: { car: string }) => c.car === '50');
    assert.deepEqual(Object.keys(car50), ['car', 'team', 'class', 'drivers']);
    assert.deepEqual([car50.team, car50.class], ['Ferrari AF Corse', 'HYPERCAR']);
    // The figures of test/timing-le-mans-2024.test.ts, worked out by hand.
    assert.deepEqual(
      car50.drivers.map((d: { driver: string; driveTimeMs: number; stints: unknown[] }) => [
        d.driver,
        d.driveTimeMs,
        d.stints.length,
      ]),
      [
        ['Antonio FUOCO', 24_489_665, 3],
        ['Miguel MOLINA', 27_510_949, 3],
        ['Nicklas NIELSEN', 34_515_242, 4],
      ],
    );
    assert.deepEqual(car50.drivers[0].stints[0], { fromLap: 36, toLap: 59, driveTimeMs: 5_577_583 });
    // Rules: at most 9h per driver and 3h30 a stint; LMGT3 4h a stint and a Bronze at least 6h30.
    const mine = doc.infringements.filter((i: { car: string }) => ['50', '55', '46'].includes(i.car));
    assert.deepEqual(mine, [
      {
        car: '50',
        driver: 'Miguel MOLINA',
        rule: 'maxStint',
        limitMs: 12_600_000,
        actualMs: 12_896_113,
        excessMs: 296_113,
        fromLap: 155,
        toLap: 185,
      },
      {
        car: '50',
        driver: 'Nicklas NIELSEN',
        rule: 'maxPerDriver',
        limitMs: 32_400_000,
        actualMs: 34_515_242,
        excessMs: 2_115_242,
      },
      // François Heriau, Bronze in the test's crew, spelled `François HERIAU` by the timing.
      {
        car: '55',
        driver: 'François HERIAU',
        rule: 'minPerDriver',
        limitMs: 23_400_000,
        actualMs: 22_633_902,
        excessMs: 766_098,
      },
      {
        car: '55',
        driver: 'Alessio ROVERA',
        rule: 'maxPerDriver',
        limitMs: 32_400_000,
        actualMs: 32_558_798,
        excessMs: 158_798,
      },
      // #46's Bronze drove 4:02:01.772, short of 6h30, but the car retired: no minimum applies.
    ]);
    for (const i of doc.infringements) {
      assert.equal(i.excessMs, Math.abs(i.actualMs - i.limitMs));
      assert.ok(i.excessMs > 0);
    }
  },
);

test('the table, one class, without rules', needsRecordedRaces, async () => {
  const { code, stdout } = await pitwall(['drive-times', timingPath('leMans2024Laps'), '--class', 'LMP2']);
  assert.equal(code, 0);
  assert.match(stdout, /Car .*Team .*Class .*Driver .*Drive time .*Stints .*Longest stint/);
  assert.match(stdout, /#10 .*Vector Sport .*LMP2/);
  assert.doesNotMatch(stdout, /HYPERCAR|LMGT3/);
  assert.match(stdout, /No drive-time rules checked/);
});

test('an unknown class names the classes of the file', needsRecordedRaces, async () => {
  const { code, stderr } = await pitwall(['drive-times', timingPath('leMans2024Laps'), '--class', 'GTE']);
  assert.equal(code, 1);
  assert.match(stderr, /no car of class "GTE" \(the file has: HYPERCAR, LMGT3, LMP2\)/);
});

test(
  'a classification given as a lap file: one line, file:line: code message, exit 1',
  needsRecordedRaces,
  async () => {
    const file = timingPath('leMans2024Classification');
    const { code, stderr } = await pitwall(['drive-times', file]);
    assert.equal(code, 1);
    const [first] = stderr.split('\n');
    assert.equal(
      first,
      `${file}:1: format this is an Al Kamel classification (its header has POSITION, DRIVER_1, STATUS), ` +
        'expected an Al Kamel lap analysis',
    );
    assert.doesNotMatch(stderr, /\n\s+at /);
  },
);

test('a missing lap file', async () => {
  const { code, stderr } = await pitwall(['drive-times', 'no-such-laps.csv']);
  assert.equal(code, 1);
  assert.equal(stderr.trim(), 'no-such-laps.csv: cannot read the lap file: no such file');
});
