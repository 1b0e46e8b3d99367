// @ts-check
/**
 * `npm test`'s reporter: node's own (spec on a terminal, TAP otherwise, as node chooses), then one
 * line per reason tests were skipped for, with their count, so that what a fresh clone lacks
 * (test/support/needs.ts) is said once at the end rather than lost among the results. Plain
 * JavaScript: the test runner's main process loads it without tsx.
 */
import process from 'node:process';
import { Readable } from 'node:stream';
import { spec, tap } from 'node:test/reporters';

/** @param {AsyncIterable<{ type: string, data: { skip?: string | boolean } }>} source */
export default async function* reporter(source) {
  /** @type {Map<string, number>} */
  const skipped = new Map();
  async function* counted() {
    for await (const event of source) {
      const why = event.data.skip;
      if ((event.type === 'test:pass' || event.type === 'test:fail') && typeof why === 'string') {
        skipped.set(why, (skipped.get(why) ?? 0) + 1);
      }
      yield event;
    }
  }
  if (process.stdout.isTTY) yield* Readable.from(counted()).pipe(new spec());
  else yield* tap(counted());
  for (const [why, count] of skipped) yield `# ${count} ${count === 1 ? 'test' : 'tests'} skipped: ${why}\n`;
}
