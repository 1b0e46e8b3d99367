import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alpha2Of, countryName, flagAssetOf, flagOf } from './flags.ts';

test('alpha-3 nationalities find their SVG flags through their alpha-2 codes', () => {
  assert.equal(alpha2Of('GBR'), 'GB');
  assert.equal(alpha2Of('che'), 'CH');
  for (const code of ['RUS', 'PHL', 'TWN', 'HKG', 'XKX']) {
    const flag = flagOf(code);
    assert.ok(flag, `${code} has a flag`);
    assert.match(flag.href, /^\/assets\/flags\/[a-z]{2}\.svg\?v=[\w-]{12}$/);
    assert.match(new TextDecoder().decode(flag.body), /^<svg/);
  }
  assert.equal(flagOf('RUS')?.href.startsWith('/assets/flags/ru.svg?v='), true);
  // IOC codes are not ISO codes: the season file converts them (GER -> DEU).
  assert.equal(flagOf('GER'), undefined);
  assert.equal(flagOf('XYZ'), undefined);
  // Only two letters name a file: nothing else is read from the disk.
  assert.equal(flagAssetOf('../package'), undefined);
  assert.equal(flagAssetOf('zz'), undefined);
});

test('a flag is labelled with the country name, short where ICU is long', () => {
  assert.equal(countryName('GBR'), 'United Kingdom');
  assert.equal(countryName('HKG'), 'Hong Kong');
  assert.equal(countryName('MAC'), 'Macau');
  assert.equal(countryName('XYZ'), 'XYZ');
});
