import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** A terminal's input: what raw mode needs (process.stdin when it is a TTY). */
export interface TerminalInput extends Readable {
  setRawMode(mode: boolean): unknown;
}

export class PromptCancelled extends Error {}

/**
 * Reads a line from a terminal without echoing it: raw mode, one key at a time. Enter ends,
 * Backspace deletes, Ctrl-C and Ctrl-D (on an empty line) cancel. Pasted text arrives at once.
 */
export function readHidden(prompt: string, input: TerminalInput, output: Writable): Promise<string> {
  output.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || (char === '\u0004' && typed === '')) return finish(new PromptCancelled('cancelled'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.on('data', onData);
  });
}

/** The first line of a stream that is not a terminal (a pipe, a file), without its line ending. */
export async function readFirstLine(input: Readable): Promise<string> {
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}
