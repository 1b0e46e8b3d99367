import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alpha2Of, countryName, flagEmoji } from './flags.ts';

test('alpha-3 nationalities become flag emoji through their alpha-2 codes', () => {
  assert.equal(alpha2Of('GBR'), 'GB');
  assert.equal(alpha2Of('che'), 'CH');
  assert.equal(flagEmoji('RUS'), '🇷🇺');
  assert.equal(flagEmoji('PHL'), '🇵🇭');
  assert.equal(flagEmoji('TWN'), '🇹🇼');
  // IOC codes are not ISO codes: the season file converts them (GER -> DEU).
  assert.equal(flagEmoji('GER'), undefined);
  assert.equal(flagEmoji('XYZ'), undefined);
});

test('a flag is labelled with the country name, short where ICU is long', () => {
  assert.equal(countryName('GBR'), 'United Kingdom');
  assert.equal(countryName('HKG'), 'Hong Kong');
  assert.equal(countryName('MAC'), 'Macau');
  assert.equal(countryName('XYZ'), 'XYZ');
});
