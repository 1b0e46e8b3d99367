/**
 * Integration: the lap analysis and the classification of the same race agree, and the drive
 * times computed from the laps match figures worked out by hand from the file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { driveTimes } from '../src/domain/drive-time.ts';
import { formatIssue } from '../src/formats/season-file.ts';
import { parseClassificationCsv } from '../src/formats/timing/classification-csv.ts';
import type { ProvisionalLine } from '../src/formats/timing/classification-csv.ts';
import { parseLapAnalysisCsv } from '../src/formats/timing/lap-analysis-csv.ts';
import type { AnalysisLap } from '../src/formats/timing/lap-analysis-csv.ts';
import { needsRecordedRaces, timingBytes } from './support/timing-fixtures.ts';
import type { TimingFixture } from './support/timing-fixtures.ts';

const parsedLaps = new Map<TimingFixture, readonly AnalysisLap[]>();

/** Each lap file is parsed once for the whole file of tests (the timing test times its own). */
function lapsOf(fixture: TimingFixture): readonly AnalysisLap[] {
  const cached = parsedLaps.get(fixture);
  if (cached) return cached;
  const result = parseLapAnalysisCsv(timingBytes(fixture), fixture);
  if (!result.ok) assert.fail(result.error.slice(0, 10).map(formatIssue).join('\n'));
  parsedLaps.set(fixture, result.value.laps);
  return result.value.laps;
}

function linesOf(fixture: TimingFixture): readonly ProvisionalLine[] {
  const result = parseClassificationCsv(timingBytes(fixture), fixture);
  if (!result.ok) assert.fail(result.error.slice(0, 10).map(formatIssue).join('\n'));
  return result.value.lines;
}

function byCar(laps: readonly AnalysisLap[]): Map<string, AnalysisLap[]> {
  const cars = new Map<string, AnalysisLap[]>();
  for (const lap of laps) {
    const own = cars.get(lap.car);
    if (own) own.push(lap);
    else cars.set(lap.car, [lap]);
  }
  return cars;
}

/** Every car in both files, its laps = LAPS, its FL_LAPNUM lap at FL_TIME, the same class, team and crew. */
function assertAgree(laps: readonly AnalysisLap[], lines: readonly ProvisionalLine[]): string[] {
  const cars = byCar(laps);
  assert.deepEqual([...cars.keys()].sort(), lines.map((l) => l.car).sort());
  const idle: string[] = [];
  for (const line of lines) {
    const own = cars.get(line.car) ?? [];
    const at = `car #${line.car}`;
    assert.equal(own.length, line.laps, `${at}: laps`);
    assert.equal(own.find((l) => l.lap === line.bestLap?.lap)?.lapTimeMs, line.bestLap?.lapTimeMs, `${at}: best lap`);
    assert.equal(own[0]?.class, line.class, `${at}: class`);
    assert.equal(own[0]?.team, line.team, `${at}: team`);
    const drove = new Set(own.map((l) => l.driverName));
    for (const name of drove) assert.ok(line.drivers.includes(name), `${at}: ${name} is not in the crew`);
    idle.push(...line.drivers.filter((name) => !drove.has(name)).map((name) => `#${line.car} ${name}`));
  }
  return idle;
}

test(
  'Le Mans 2024: the lap file and the classification agree; only #54 has a driver who never drove',
  needsRecordedRaces,
  () => {
    const idle = assertAgree(lapsOf('leMans2024Laps'), linesOf('leMans2024Classification'));
    assert.deepEqual(idle, ['#54 Davide RIGON']);
  },
);

test('Sebring 2025: the IMSA lap file and results agree', needsRecordedRaces, () => {
  const idle = assertAgree(lapsOf('sebring2025Laps'), linesOf('sebring2025Results'));
  assert.equal(byCar(lapsOf('sebring2025Laps')).size, 56);
  assert.ok(idle.length < 56, 'most crews drove entirely');
});

/*
 * Car #50 (Ferrari AF Corse, the winner), worked out by hand from le_mans_24h.csv with awk:
 *
 *   awk -F';' 'function ms(t, n,p,i,s){n=split(t,p,":");s=0;for(i=1;i<n;i++)s=s*60+p[i];
 *     return int((s*60+p[n])*1000+0.5)}
 *     NR>1 && $1=="50" {d=$20; t=ms($4); tot[d]+=t; if (d!=cur) {...new stint...} ...}'
 *
 * i.e. LAP_TIME (column 4) in ms summed per DRIVER_NAME (column 20), a new stint whenever
 * DRIVER_NAME changes from the lap before; PIT_TIME (column 21) summed per driver likewise.
 *   stints: NIELSEN 1-35 7693547, FUOCO 36-59 5577583, MOLINA 60-94 7805684,
 *           NIELSEN 95-116 8283429, FUOCO 117-154 9108844, MOLINA 155-185 12896113,
 *           NIELSEN 186-214 10774799, FUOCO 215-248 9803238, MOLINA 249-279 6809152,
 *           NIELSEN 280-311 7763467
 *   drivers: FUOCO 24489665 (6:48:09.665), MOLINA 27510949 (7:38:30.949),
 *            NIELSEN 34515242 (9:35:15.242); sum 86515856 = ELAPSED of lap 311 = 24:01:55.856
 *   PIT_TIME: FUOCO 791972 (8 stops), MOLINA 848094 (9), NIELSEN 917796 (9)
 */
test('drive times of car #50, as worked out by hand', needsRecordedRaces, () => {
  const [car] = driveTimes(lapsOf('leMans2024Laps').filter((l) => l.car === '50'));
  const stints = (fromTo: [number, number, number][]) =>
    fromTo.map(([fromLap, toLap, driveTimeMs]) => ({ fromLap, toLap, driveTimeMs }));
  assert.deepEqual(car, {
    car: '50',
    drivers: [
      {
        driver: 'Antonio FUOCO',
        driveTimeMs: 24_489_665,
        stints: stints([
          [36, 59, 5_577_583],
          [117, 154, 9_108_844],
          [215, 248, 9_803_238],
        ]),
      },
      {
        driver: 'Miguel MOLINA',
        driveTimeMs: 27_510_949,
        stints: stints([
          [60, 94, 7_805_684],
          [155, 185, 12_896_113],
          [249, 279, 6_809_152],
        ]),
      },
      {
        driver: 'Nicklas NIELSEN',
        driveTimeMs: 34_515_242,
        stints: stints([
          [1, 35, 7_693_547],
          [95, 116, 8_283_429],
          [186, 214, 10_774_799],
          [280, 311, 7_763_467],
        ]),
      },
    ],
  });
  const excluded = driveTimes(
    lapsOf('leMans2024Laps').filter((l) => l.car === '50'),
    'excluded',
  );
  assert.deepEqual(
    excluded[0]?.drivers.map((d) => d.driveTimeMs),
    [24_489_665 - 791_972, 27_510_949 - 848_094, 34_515_242 - 917_796],
  );
});

test(
  "every car: its drivers' drive times add up to its race time at its last lap, and to TOTAL_TIME",
  needsRecordedRaces,
  () => {
    const laps = lapsOf('leMans2024Laps');
    const lastElapsed = new Map(laps.map((l) => [l.car, l.elapsedMs]));
    const totals = new Map(linesOf('leMans2024Classification').map((l) => [l.car, l.totalTimeMs]));
    const cars = driveTimes(laps);
    assert.equal(cars.length, 62);
    for (const { car, drivers } of cars) {
      const sum = drivers.reduce((total, d) => total + d.driveTimeMs, 0);
      assert.equal(sum, lastElapsed.get(car), `car #${car}`);
      assert.equal(sum, totals.get(car), `car #${car}`);
      for (const d of drivers) {
        assert.equal(
          d.stints.reduce((total, s) => total + s.driveTimeMs, 0),
          d.driveTimeMs,
        );
      }
    }
  },
);

test('the 3 MB lap file is read and its drive times computed in well under a few seconds', needsRecordedRaces, () => {
  const start = performance.now();
  const parsed = parseLapAnalysisCsv(timingBytes('leMans2024Laps'), 'le_mans_24h.csv');
  assert.ok(parsed.ok);
  driveTimes(parsed.value.laps);
  const elapsedMs = performance.now() - start;
  assert.ok(elapsedMs < 3_000, `took ${Math.round(elapsedMs)} ms`);
});
