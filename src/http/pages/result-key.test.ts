import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roundsText } from './format.ts';
import { resultKey } from './result-key.ts';

test('cells take the published key: podium, points, classified, retired, DNS, DSQ, WD', () => {
  const scale = 10;
  assert.equal(resultKey('1', scale), 'gold');
  assert.equal(resultKey('2', scale), 'silver');
  assert.equal(resultKey('3', scale), 'bronze');
  assert.equal(resultKey('10', scale), 'points');
  // ALMS pays 0.5 beyond 10th: not a "points position" in the key.
  assert.equal(resultKey('11', scale), 'classified');
  // A car not eligible for points is classified outside them wherever it finishes.
  assert.equal(resultKey('5', scale, false), 'classified');
  assert.equal(resultKey('Ret', scale), 'retired');
  assert.equal(resultKey('NC', scale), 'retired');
  assert.equal(resultKey('DNS', scale), 'dns');
  assert.equal(resultKey('DSQ', scale), 'dsq');
  assert.equal(resultKey('EX', scale), 'dsq');
  assert.equal(resultKey('WD', scale), 'wd');
  assert.equal(resultKey(null, scale), 'none');
});

test('entry rounds print as entry lists do', () => {
  const season = [1, 2, 3, 4];
  assert.equal(roundsText('all', season), 'All');
  assert.equal(roundsText([1, 2, 3, 4], season), 'All');
  assert.equal(roundsText([1, 3, 4], season), '1, 3–4');
  assert.equal(roundsText([2], season), '2');
  assert.equal(roundsText([4, 1], season), '1, 4');
});
