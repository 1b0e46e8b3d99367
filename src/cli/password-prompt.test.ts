import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import type { TerminalInput } from './password-prompt.ts';
import { PromptCancelled, readFirstLine, readHidden } from './password-prompt.ts';

/** A fake terminal: records raw-mode switches and everything written to the screen. */
function terminal() {
  const input = Object.assign(new PassThrough(), {
    modes: [] as boolean[],
    setRawMode(mode: boolean) {
      this.modes.push(mode);
      return this;
    },
  });
  const screen: string[] = [];
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => screen.push(chunk.toString()));
  const typed: TerminalInput = input; // the fake fits what readHidden needs
  return { input, typed, output, screen };
}

test('the password is read in raw mode and never echoed', async () => {
  const { input, typed, output, screen } = terminal();
  const read = readHidden('Password: ', typed, output);
  input.write('hunter2');
  input.write('x\u007f'); // a typo, erased
  input.write('2\r');
  assert.equal(await read, 'hunter22');
  assert.deepEqual(input.modes, [true, false]);
  assert.equal(screen.join(''), 'Password: \n');
});

test('pasted text with the newline arrives at once', async () => {
  const { input, typed, output } = terminal();
  const read = readHidden('Password: ', typed, output);
  input.write('pasted passphrase\nignored');
  assert.equal(await read, 'pasted passphrase');
});

test('Ctrl-C cancels and gives the terminal back', async () => {
  const { input, typed, output } = terminal();
  const read = readHidden('Password: ', typed, output);
  input.write('abc\u0003');
  await assert.rejects(read, PromptCancelled);
  assert.deepEqual(input.modes, [true, false]);
});

test('without a terminal, the first line of the input is the password', async () => {
  assert.equal(await readFirstLine(Readable.from(['first line\r\nsecond line\n'])), 'first line');
  assert.equal(await readFirstLine(Readable.from(['no newline at the end'])), 'no newline at the end');
  assert.equal(await readFirstLine(Readable.from([])), '');
});
