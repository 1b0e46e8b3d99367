import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lapSessionOf, sessionOfName } from './lap-session.ts';

test("the archive's names say the session", () => {
  assert.equal(sessionOfName('202412071400-race-201-laps.csv'), 'race');
  assert.equal(sessionOfName('202412071015-qualifying-20lmp2-20and-20gt-laps.csv'), 'qualifying');
  assert.equal(sessionOfName('events/01-sepang/202412071015-qualifying-20gt-laps.csv'), 'qualifying');
  // A practice's lap analysis is neither.
  assert.equal(sessionOfName('202502071115-free-20practice-201-laps.csv'), undefined);
});

test('other names say it in words, or do not', () => {
  assert.equal(sessionOfName('23_Analysis_Race_Hour 24.CSV'), 'race');
  assert.equal(sessionOfName('Qualifying_Analysis.csv'), 'qualifying');
  assert.equal(sessionOfName('le_mans_24h.csv'), undefined);
  assert.equal(sessionOfName('race-and-qualifying.csv'), 'both');
  // "Racing" is a word of a team's name, not the session.
  assert.equal(sessionOfName('northwind-racing-laps.csv'), undefined);
});

test('the officer says it when the name does not; a name that says the other is refused', () => {
  assert.deepEqual(lapSessionOf('202412071400-race-201-laps.csv'), { ok: true, value: 'race' });
  assert.deepEqual(lapSessionOf('laps.csv', 'qualifying'), { ok: true, value: 'qualifying' });
  assert.deepEqual(lapSessionOf('202412071400-race-201-laps.csv', 'race'), { ok: true, value: 'race' });
  const unsaid = lapSessionOf('laps.csv');
  assert.deepEqual(unsaid, {
    ok: false,
    error:
      'laps.csv: cannot tell a race lap analysis from a qualifying one by its name: give ?session=race or ' +
      '?session=qualifying (pitwall timing import --session)',
  });
  const other = lapSessionOf('202412071015-qualifying-20gt-laps.csv', 'race');
  assert.equal(other.ok, false);
  assert.match(!other.ok ? other.error : '', /named as a qualifying lap analysis but was given as race/);
  const both = lapSessionOf('race-and-qualifying.csv');
  assert.match(!both.ok ? both.error : '', /says both race and qualifying/);
  const wrong = lapSessionOf('laps.csv', 'practice');
  assert.deepEqual(wrong, { ok: false, error: 'session: expected race or qualifying, not "practice"' });
});
