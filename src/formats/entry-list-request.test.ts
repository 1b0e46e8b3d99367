import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entryChangeBody, readEntryChange } from './entry-list-request.ts';

test('a crew body becomes the change of the car the path names', () => {
  const read = readEntryChange('crew', { fromRound: 3, drivers: [{ name: ' Jonas WEBER ', rating: 'Gold' }] }, '22');
  assert.deepEqual(read, {
    ok: true,
    value: { kind: 'crew', car: '22', fromRound: 3, drivers: [{ name: 'Jonas WEBER', rating: 'Gold' }] },
  });
});

test('every problem of a body at once, each with its path', () => {
  const read = readEntryChange('add-entry', {
    car: '',
    class: 'LMP2',
    team: 'T',
    fromRound: 0,
    drivers: [{ name: 'A', rating: 'Diamond', nationality: 'gb' }],
    colour: 'red',
  });
  assert.ok(!read.ok);
  assert.deepEqual(
    read.error.map((i) => [i.code, i.path.join('.')]),
    [
      ['invalid', 'car'],
      ['invalid', 'fromRound'],
      ['invalid', 'drivers.0.rating'],
      ['invalid', 'drivers.0.nationality'],
      ['unknown-field', 'colour'],
    ],
  );
});

test('a crew names fromRound or round, not both; null clears a rating; a name holds no control character', () => {
  const both = readEntryChange('crew', { fromRound: 3, round: 3, drivers: [{ name: 'A' }] }, '22');
  assert.deepEqual(!both.ok && both.error.map((i) => i.path.join('.')), ['fromRound']);
  const cleared = readEntryChange('driver', { name: 'A', rating: null }, '22');
  assert.deepEqual(cleared.ok && cleared.value, { kind: 'driver', car: '22', name: 'A', rating: null });
  const bad = readEntryChange('team-name', { team: 'A\u0000B' }, '22');
  assert.deepEqual(!bad.ok && bad.error.map((i) => [i.code, i.path.join('.')]), [['invalid', 'team']]);
  const empty = readEntryChange('entry-details', {}, '22');
  assert.deepEqual(!empty.ok && empty.error.map((i) => i.message), [
    'expected class, eligible, carModel or nationality',
  ]);
});

test('a change written as its body reads back to the same change', () => {
  const changes = [
    { kind: 'add-entry', car: '99', class: 'GT', team: 'T', fromRound: 2, drivers: [{ name: 'A', rating: 'Gold' }] },
    { kind: 'entry-details', car: '7', eligible: false, carModel: null },
    { kind: 'team-name', car: '7', team: 'New', fromRound: 3 },
    { kind: 'crew', car: '7', round: 2, drivers: [{ name: 'A' }, { name: 'B', nationality: 'GBR' }] },
    { kind: 'driver', car: '7', name: 'A', rating: null, aliases: ['Aa'] },
    { kind: 'withdraw', car: '7', round: 4 },
  ] as const;
  for (const change of changes) {
    assert.deepEqual(readEntryChange(change.kind, entryChangeBody(change), change.car), { ok: true, value: change });
  }
});
