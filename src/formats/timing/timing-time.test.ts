import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatTimingTime, parseTimingTime } from './timing-time.ts';

test('the times of real timing files', () => {
  const cases: [string, number][] = [
    ["4:00'04.690", 14_404_690],
    ["24:01'55.856", 86_515_856],
    ["1'57.045", 117_045],
    ["10'36.070", 636_070],
    ['3:53.276', 233_276],
    ['12:01:23.265', 43_283_265],
    ['0:01:17.492', 77_492],
    ['45.985', 45_985],
    ['9.999', 9_999],
    ['14.221', 14_221],
    ['1:02.5', 62_500],
  ];
  for (const [text, ms] of cases) assert.equal(parseTimingTime(text), ms, text);
});

test('not times: no fraction, minutes or seconds past 59 under a larger unit, words', () => {
  for (const text of ['', '3:29', '1:60.000', '1:61:00.000', '5 Laps', '-', '+2.239', '1:2.345', 'abc', '.5']) {
    assert.equal(parseTimingTime(text), undefined, text);
  }
});

test('format and parse agree on every time up to 100 hours', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 100 * 3_600_000 }), (ms) => parseTimingTime(formatTimingTime(ms)) === ms),
  );
});
