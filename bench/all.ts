/**
 * `npm run bench`: every benchmark, one after another, each in a process of its own; a missed
 * target in one does not hide the others' figures, and the exit code is 1 when any missed.
 */
import { spawnSync } from 'node:child_process';

const BENCHES = ['probabilities.ts', 'decisions.ts', 'title.ts', 'startup.ts', 'http.ts', 'live.ts'];

let failed = 0;
for (const bench of BENCHES) {
  const path = new URL(`./${bench}`, import.meta.url).pathname;
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', path], { stdio: 'inherit' });
  if (status !== 0) {
    failed += 1;
    console.log(`bench: ${bench} exited ${status}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
