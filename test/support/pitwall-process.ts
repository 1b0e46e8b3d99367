import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { tmpdir } from 'node:os';

const BIN = new URL('../../bin/pitwall.js', import.meta.url).pathname;

/** What a finished command said. */
export interface CommandRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `pitwall` command with `stdin` piped in (so not a terminal). */
export function runPitwall(args: readonly string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<CommandRun> {
  const child = spawn(process.execPath, [BIN, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

export interface ServingProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** As it prints it: `Pitwall: http://127.0.0.1:PORT`. */
  readonly url: string;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
}

/**
 * `pitwall serve` as a process of its own (set PORT=0 in `env` for a free port), once it serves;
 * started outside the project's folder, as an installed command is.
 */
export async function servePitwall(env: NodeJS.ProcessEnv): Promise<ServingProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env, cwd: tmpdir() });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /Pitwall: (http:\S+)/.exec(out);
      if (found?.[1]) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`pitwall serve exited ${code}: ${err}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    url,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
