import { resolve } from 'node:path';

/** Where the embedded database lives: `PITWALL_DATA`, or `./data/db` beside the bundled seasons. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.PITWALL_DATA ?? 'data/db');
}

export function port(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PORT ?? 3000);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new RangeError(`PORT must be a port number (0-65535), not "${env.PORT}"`);
  }
  return value;
}
