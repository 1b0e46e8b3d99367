import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LiveTable } from '../view.ts';
import { change, clock, flagName, gap, lapTime, points, titleLine } from './format.ts';

const table = (title: Partial<LiveTable['title']>): LiveTable => ({
  class: 'LMP2',
  kind: 'teams',
  rows: {},
  title: { leader: '26', leaderLabel: 'G-Drive Racing with Algarve', gap: 1000, second: '38', decides: true, ...title },
});

test('times, gaps and points print as the timing screens do', () => {
  assert.equal(lapTime(209_208), '3:29.208');
  assert.equal(lapTime(45_985), '45.985');
  assert.equal(lapTime(61_005), '1:01.005');
  assert.equal(lapTime(0), '—');
  assert.equal(lapTime(null), '—');
  assert.equal(clock(86_784_000), '24:06:24');
  assert.equal(clock(59_000), '0:00:59');
  assert.equal(gap(0, 14_221), '+14.221');
  assert.equal(gap(1, null), '+1 lap');
  assert.equal(gap(3, null), '+3 laps');
  assert.equal(gap(null, null), '');
  assert.equal(points(83_000), '83');
  assert.equal(points(82_500), '82.5');
  assert.deepEqual([change(2), change(-1), change(0)], ['▲2', '▼1', '=']);
  assert.equal(flagName('FF'), 'Chequered');
  assert.equal(flagName(null), 'Not started');
});

test('the title picture: champion in the last round, leader before it', () => {
  assert.equal(
    titleLine(table({})),
    'If the race ended now: G-Drive Racing with Algarve would be champion by 1 point.',
  );
  assert.equal(
    titleLine(table({ decides: false, gap: 2500 })),
    'If the race ended now: G-Drive Racing with Algarve would lead by 2.5 points.',
  );
  assert.match(titleLine(table({ gap: 0 })), /level on points, on the tie-breakers/);
  assert.equal(titleLine(table({ leaderLabel: null, leader: null })), '');
  // After a delta set them to null, a merge patch leaves them absent.
  const { leaderLabel: _label, leader: _leader, ...absent } = table({}).title;
  assert.equal(titleLine({ ...table({}), title: absent as LiveTable['title'] }), '');
});

test('after the chequered flag the title picture is how it stands, not a "would"', () => {
  assert.equal(titleLine(table({}), true), 'G-Drive Racing with Algarve champion by 1 point.');
  assert.equal(
    titleLine(table({ decides: false, gap: 4000 }), true),
    'After this race: G-Drive Racing with Algarve leads by 4 points.',
  );
  assert.equal(
    titleLine(table({ gap: 0 }), true),
    'G-Drive Racing with Algarve champion, level on points, on the tie-breakers.',
  );
});
