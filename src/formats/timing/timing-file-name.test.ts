import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTimingFileName } from './timing-file-name.ts';

test('the archive names: start, session, race, hour, part', () => {
  assert.deepEqual(readTimingFileName('202412071400-race-201-hour-4-results.csv'), {
    startsAt: '2024-12-07T14:00',
    date: '2024-12-07',
    session: 'race',
    race: 1,
    hour: 4,
    part: 'results',
    label: 'race 1 hour 4',
  });
  assert.deepEqual(readTimingFileName('data/02/202402041300-race-hour-4-results.csv'), {
    startsAt: '2024-02-04T13:00',
    date: '2024-02-04',
    session: 'race',
    hour: 4,
    part: 'results',
    label: 'race hour 4',
  });
  assert.deepEqual(readTimingFileName('202202121110-qualifying-20lmp2-20and-20lmp2-20am-20-20race-202-laps.csv'), {
    startsAt: '2022-02-12T11:10',
    date: '2022-02-12',
    session: 'qualifying',
    race: 2,
    part: 'laps',
    label: 'qualifying lmp2 and lmp2 am race 2',
  });
  assert.equal(readTimingFileName('202412071015-qualifying-20lmp2-20and-20lmp3-results.csv')?.race, undefined);
  assert.equal(readTimingFileName('202406151600-race-hour-24-results.csv')?.hour, 24);
  assert.equal(readTimingFileName('202412071400-race 1-hour 4-results.csv')?.race, 1);
  assert.equal(readTimingFileName('202412061300-free-20practice-201-results.csv')?.session, 'other');
  assert.equal(readTimingFileName('202412071400-race-201-hour-4-weather.csv')?.part, 'other');
});

test('names the archive does not give are not read', () => {
  for (const name of [
    'le_mans_24h.csv',
    '2024120714-race-results.csv',
    '202413071400-race-results.csv',
    '202412072500-race-results.csv',
    '202412071400-race-results.txt',
  ]) {
    assert.equal(readTimingFileName(name), undefined, name);
  }
});
