import type { ChildProcess } from 'node:child_process';

/** The port a reference server of the benches listens on, once it prints `ready PORT` (stdout piped). */
export function readyPort(child: ChildProcess, what: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${what} did not start (exit ${code})`)));
  });
}
