import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { badCharacter } from '../domain/text.ts';
import { checkName } from '../domain/officials.ts';
import { clip, listed, oneLine, quote, storable, unstorable } from './text.ts';

test('a quoted value is at most 80 characters and an ellipsis, in JSON quotes, never half a surrogate pair', () => {
  assert.equal(quote('Eurasia Motorsport'), '"Eurasia Motorsport"');
  assert.equal(quote('x'.repeat(80)), `"${'x'.repeat(80)}"`);
  assert.equal(quote('x'.repeat(4_000_000)), `"${'x'.repeat(80)}…"`);
  assert.equal(quote('say "hi"\n'), String.raw`"say \"hi\"\n"`);
  assert.equal(quote('a\u0000b'), String.raw`"a\u0000b"`);
  // 🏁 is two UTF-16 units: cut between them, the message would hold half a character.
  const flags = clip(`${'x'.repeat(79)}🏁🏁`);
  assert.equal(flags, `${'x'.repeat(79)}…`);
  assert.equal(badCharacter(flags, 'name'), undefined);
});

test('a listed set of values shows the first ten, each clipped, and how many more', () => {
  assert.equal(listed(['LMP2', 'GT']), 'LMP2, GT');
  const classes = Array.from({ length: 25 }, (_, i) => `C${i}`);
  assert.equal(listed(classes), 'C0, C1, C2, C3, C4, C5, C6, C7, C8, C9 and 15 more');
  assert.equal(listed(['y'.repeat(1000)]), `${'y'.repeat(80)}…`);
});

test('oneLine gives what the quadratic /\\s*\\n\\s*/g gave, on ordinary and random text', () => {
  const old = (text: string) => text.replace(/\s*\n\s*/g, ' ');
  const samples = [
    'alms.yaml:42: unknown-car races[0].classification[3].car: car "99" is not in the entry list',
    'x.yaml:3: syntax Implicit keys need to be on a single line\n  at line 3, column 1:\n\n  a\n  ^\n (MULTILINE_IMPLICIT_KEY)',
    'trailing  \n',
    '\n leading',
    'tabs\t\tand\r\nCRLF\r\n\r\nlines',
    'no line break,   just  spaces',
    '\u00a0\n\u2003unicode spaces\u3000',
  ];
  for (const text of samples) assert.equal(oneLine(text), old(text), JSON.stringify(text));
  // Random strings over the characters that matter, short enough for the old pattern.
  const alphabet = ['a', ' ', '\n', '\t', '\r', '\u00a0', 'é'];
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  for (let i = 0; i < 2000; i += 1) {
    const text = Array.from({ length: next() % 30 }, () => alphabet[next() % alphabet.length]).join('');
    assert.equal(oneLine(text), old(text), JSON.stringify(text));
  }
});

test('oneLine on a 4 MB run of spaces is one pass (the old pattern took hours)', () => {
  const text = `a${' '.repeat(4 * 1024 * 1024)}b\n c`;
  assert.equal(oneLine(text), `a${' '.repeat(4 * 1024 * 1024)}b c`);
});

test('a name holds no control character and no unpaired surrogate; prose keeps tabs and line breaks', () => {
  for (const fine of ['Sébastien Page', '高橋 国光', 'Team 🏁 Racing', "O'Connor-Smith", '']) {
    assert.equal(badCharacter(fine, 'name'), undefined, fine);
    assert.equal(badCharacter(fine, 'prose'), undefined, fine);
  }
  const refused: [string, number, number][] = [
    ['Sue\u0000Steward', 3, 0x0],
    ['\ud800Sue', 0, 0xd800],
    ['Sue\udc00', 3, 0xdc00],
    ['Sue\u001b[31m', 3, 0x1b],
    ['Sue\u007f', 3, 0x7f],
    ['Sue\u0085', 3, 0x85],
    ['Sue\tSteward', 3, 0x9],
    ['Sue\nSteward', 3, 0xa],
  ];
  for (const [text, index, codePoint] of refused) {
    assert.deepEqual(
      { index: badCharacter(text, 'name')?.index, codePoint: badCharacter(text, 'name')?.codePoint },
      { index, codePoint },
      JSON.stringify(text),
    );
  }
  assert.equal(badCharacter('Track limits at turn 4,\n\tthree times.\r\n', 'prose'), undefined);
  assert.equal(badCharacter('Track limits\u0000', 'prose')?.index, 12);
  assert.equal(badCharacter('Track limits\ud83c', 'prose')?.loneSurrogate, true);
  assert.equal(badCharacter('bell\u0007', 'prose')?.codePoint, 7);
});

test('the refusal says which character, and where, counting from 1', () => {
  assert.equal(
    unstorable('Sue\u0000Steward', 'name'),
    'expected text without control characters, found a control character (U+0000) at character 4',
  );
  assert.equal(
    unstorable('ab\ud800', 'prose'),
    'expected text without control characters other than tabs and line breaks, found an unpaired surrogate (U+D800) at character 3',
  );
  const schema = z.object({ team: z.string().superRefine(storable('name')) });
  const parsed = schema.safeParse({ team: 'G-Drive\u0000' });
  assert.equal(parsed.success, false);
  assert.deepEqual(
    parsed.error?.issues.map((i) => [i.path, i.message]),
    [[['team'], 'expected text without control characters, found a control character (U+0000) at character 8']],
  );
});

test("an official's or a token's name with an unpaired surrogate is refused like one with a control character", () => {
  assert.ok(checkName('Sue Steward').ok);
  assert.equal(checkName('Sue\u0000Steward').ok, false);
  assert.equal(checkName('Sue\ud800Steward').ok, false);
  assert.ok(checkName('Zoë 🏁').ok);
});
