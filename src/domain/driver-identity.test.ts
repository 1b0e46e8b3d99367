import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findDriver, identifyCrew, likeness, nameKey } from './driver-identity.ts';

test('spellings of one driver: case, accents, umlauts written out, two letters swapped, a double surname shortened', () => {
  assert.equal(likeness('Stéphane LEMERET', 'Stephane Lemeret'), 'spelling');
  assert.equal(likeness('Laurents HÖRR', 'Laurents Hoerr'), 'spelling');
  assert.equal(likeness('Laurents HÖRR', 'Laurents HORR'), 'spelling');
  assert.equal(likeness('Cedric SBIRRAZZOULI', 'Cédric SBIRRAZZUOLI'), 'swapped-letters');
  assert.equal(likeness('Ferdinand HABSBURG-LOTHRINGEN', 'Ferdinand HABSBURG'), 'shortened-surname');
  assert.equal(likeness('Ferdinand HABSBURG', 'Ferdinand HABSBURG-LOTHRINGEN'), 'shortened-surname');
  assert.equal(likeness('Ling KANG', 'Kang LING'), 'reversed');
});

test('and of two drivers', () => {
  for (const [a, b] of [
    ['Gregory BENNETT', 'Carl Wattana BENNETT'],
    ['Michael JENSEN', 'Theodor JENSEN'],
    ['Lu WEI', 'Ling KANG'],
    ['Li LIN', 'Il LIN'], // a swap in a word of two letters proves nothing
    ['Tom GAMBLE', 'Tom IKIN'],
    ['Alex QUINN', 'Alexander Quinn'], // a first name shortened is not one of the rules
    ['HASH', 'Ben HASH'],
    ['Nicky CATSBURG', 'Nicky'],
  ]) {
    assert.equal(likeness(a!, b!), undefined, `${a} / ${b}`);
  }
});

test('a driver spelled three ways across the season is one driver, the spelling of most rounds kept', () => {
  const { drivers, findings } = identifyCrew('51', [
    { round: 1, names: ['Custodio TOLEDO', 'Cedric SBIRRAZZOULI', 'Riccardo AGOSTINI'] },
    { round: 2, names: ['Custodio TOLEDO', 'Cédric SBIRRAZZUOLI', 'Riccardo AGOSTINI'] },
    { round: 3, names: ['Custodio TOLEDO', 'Cédric SBIRRAZZUOLI', 'Riccardo AGOSTINI'] },
    { round: 4, names: ['Custodio TOLEDO', 'CEDRIC SBIRRAZZUOLI', 'Riccardo AGOSTINI'] },
  ]);
  assert.deepEqual(drivers, [
    { name: 'Custodio TOLEDO', aliases: [], rounds: [1, 2, 3, 4] },
    { name: 'Cédric SBIRRAZZUOLI', aliases: ['CEDRIC SBIRRAZZUOLI', 'Cedric SBIRRAZZOULI'], rounds: [1, 2, 3, 4] },
    { name: 'Riccardo AGOSTINI', aliases: [], rounds: [1, 2, 3, 4] },
  ]);
  assert.deepEqual(findings, [
    {
      kind: 'merged',
      car: '51',
      spellings: ['Cedric SBIRRAZZOULI', 'Cédric SBIRRAZZUOLI', 'CEDRIC SBIRRAZZUOLI'],
      kept: 'Cédric SBIRRAZZUOLI',
      likeness: 'swapped-letters',
    },
  ]);
});

test('a double surname shortened: the full name is kept when the rounds are even', () => {
  const { drivers, findings } = identifyCrew('24', [
    { round: 1, names: ['Ferdinand HABSBURG-LOTHRINGEN', 'Naveen RAO'] },
    { round: 2, names: ['Ferdinand HABSBURG', 'Naveen RAO'] },
  ]);
  assert.deepEqual(drivers[0], {
    name: 'Ferdinand HABSBURG-LOTHRINGEN',
    aliases: ['Ferdinand HABSBURG'],
    rounds: [1, 2],
  });
  assert.equal(findings[0]?.kind, 'merged');
});

test('two alike names in one crew at the same time are two drivers, and that is reported', () => {
  const { drivers, findings } = identifyCrew('7', [
    { round: 1, names: ['Marco SORENSEN'] },
    { round: 2, names: ['Marco SORENSEN', 'Marco SORNESEN'] },
  ]);
  assert.deepEqual(
    drivers.map((d) => [d.name, d.rounds]),
    [
      ['Marco SORENSEN', [1, 2]],
      ['Marco SORNESEN', [2]],
    ],
  );
  assert.deepEqual(findings, [
    { kind: 'ambiguous', car: '7', spelling: 'Marco SORNESEN', candidates: ['Marco SORENSEN'] },
  ]);
});

test('a spelling like two drivers of the crew is merged with neither', () => {
  const { drivers, findings } = identifyCrew('9', [
    { round: 1, names: ['Max HABSBURG-LOTHRINGEN', 'Max HABSBURG-ESTE'] },
    { round: 2, names: ['Max HABSBURG'] },
  ]);
  assert.equal(drivers.length, 3);
  assert.deepEqual(findings, [
    {
      kind: 'ambiguous',
      car: '9',
      spelling: 'Max HABSBURG',
      candidates: ['Max HABSBURG-ESTE', 'Max HABSBURG-LOTHRINGEN'],
    },
  ]);
});

test('a crew member is found by a spelling of the timing or an alias, never by a guess', () => {
  const crew = [
    { name: 'Roman Rusinov' },
    { name: 'Cédric SBIRRAZZUOLI', aliases: ['Cedric SBIRRAZZOULI'] },
    { name: 'Kang Ling' },
  ];
  assert.equal(findDriver(crew, 'Roman RUSINOV')?.name, 'Roman Rusinov');
  assert.equal(findDriver(crew, 'CEDRIC SBIRRAZZOULI')?.name, 'Cédric SBIRRAZZUOLI');
  assert.equal(findDriver(crew, 'LING Kang')?.name, 'Kang Ling');
  assert.equal(findDriver(crew, 'Cedric SBIRAZZUOLI'), undefined);
});

// Names as the timing writes them: a first name, a surname of one to three words.
const word = fc.stringMatching(/^[A-Z][a-z]{2,8}$/);
const arbitraryName = fc
  .tuple(word, fc.array(word, { minLength: 1, maxLength: 3 }))
  .map(([first, surname]) => `${first} ${surname.join('-').toUpperCase()}`);

/** The same name as another file might print it: case changed, an accent added. */
const respell = (name: string, how: number): string =>
  [name.toLowerCase(), name.toUpperCase(), name.replace(/e/, 'é').replace(/E/, 'É'), name][how % 4]!;

test('folding a name twice changes nothing more, and likeness is symmetric', () => {
  fc.assert(
    fc.property(arbitraryName, arbitraryName, (a, b) => {
      assert.equal(nameKey(nameKey(a)), nameKey(a));
      assert.equal(likeness(a, b), likeness(b, a));
    }),
  );
});

test('every spelling lands in exactly one driver, every round of it too, and names of one round are never merged', () => {
  const crews = fc.array(fc.uniqueArray(arbitraryName, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 });
  fc.assert(
    fc.property(crews, fc.array(fc.nat(), { minLength: 15, maxLength: 15 }), (rounds, how) => {
      const appearances = rounds.map((names, i) => ({
        round: i + 1,
        names: names.map((n, j) => respell(n, how[(i * 3 + j) % how.length]!)),
      }));
      const { drivers } = identifyCrew('1', appearances);
      for (const { round, names } of appearances) {
        const holders = names.map((n) => drivers.filter((d) => d.name === n || d.aliases.includes(n)));
        assert.ok(holders.every((h) => h.length === 1));
        assert.ok(holders.every((h) => h[0]!.rounds.includes(round)));
        assert.equal(new Set(holders.map((h) => h[0])).size, new Set(names).size);
      }
      const spellings = drivers.flatMap((d) => [d.name, ...d.aliases]);
      assert.equal(new Set(spellings).size, spellings.length);
    }),
  );
});

test('a driver respelled round after round is one driver, whatever the order of the crew', () => {
  fc.assert(
    fc.property(
      arbitraryName,
      fc.array(fc.nat(), { minLength: 2, maxLength: 6 }),
      fc.boolean(),
      (name, how, reverse) => {
        const appearances = how.map((h, i) => {
          const names = [respell(name, h), 'Zed ZZYZX'];
          return { round: i + 1, names: reverse ? names.reverse() : names };
        });
        const { drivers } = identifyCrew('1', appearances);
        assert.equal(drivers.length, 2);
        assert.deepEqual(
          drivers.find((d) => d.name !== 'Zed ZZYZX')?.rounds,
          how.map((_, i) => i + 1),
        );
      },
    ),
  );
});
