import { performance } from 'node:perf_hooks';

/** The median of five timed runs after one warm-up run, in milliseconds. */
export function medianMs(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2] ?? Number.NaN;
}
