import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLiveEventProblem, readLiveEvent } from './live-event.ts';

const good = {
  car: '007',
  driverName: 'Harry TINCKNELL',
  lap: 12,
  lapTimeMs: 209_208,
  sectorTimesMs: [45_985, null, 101_077],
  elapsedMs: 2_500_000,
  crossedInPit: false,
  flag: 'FCY',
};

test('a well-formed crossing is read as it is, "007" staying "007"', () => {
  const read = readLiveEvent(good, 0);
  assert.ok(!isLiveEventProblem(read));
  assert.equal(read.car, '007');
  assert.deepEqual(read.sectorTimesMs, [45_985, null, 101_077]);
});

test('each malformed field is named with what was expected', () => {
  const cases: [unknown, string][] = [
    [{ ...good, lapTimeMs: '3:29.208' }, 'lapTimeMs'],
    [{ ...good, lapTimeMs: 0 }, 'lapTimeMs'],
    [{ ...good, lap: 1.5 }, 'lap'],
    [{ ...good, sectorTimesMs: [1, -2, 3] }, 'sectorTimesMs[1]'],
    [{ ...good, flag: 'GREEN' }, 'flag'],
    [{ ...good, crossedInPit: 'no' }, 'crossedInPit'],
    [{ ...good, car: '' }, 'car'],
    [{ ...good, elapsed: 3 }, ''],
  ];
  for (const [event, field] of cases) {
    const read = readLiveEvent(event, 4);
    assert.ok(isLiveEventProblem(read), JSON.stringify(event));
    assert.equal(read.length, 1, JSON.stringify(read));
    assert.equal(read[0]!.index, 4);
    assert.equal(read[0]!.field, field, JSON.stringify(read));
    assert.ok(read[0]!.message.length > 0);
  }
  // Every problem of an event, not the first.
  const three = readLiveEvent({ ...good, lap: 1.5, flag: 'GREEN', car: '' }, 2);
  assert.ok(isLiveEventProblem(three));
  assert.deepEqual(three.map((p) => p.field).sort(), ['car', 'flag', 'lap']);
  for (const value of [null, 42, 'lap', []]) assert.ok(isLiveEventProblem(readLiveEvent(value, 0)));
});
