import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import { resolve } from 'node:path';

/** Where the embedded database lives: `PITWALL_DATA`, or `./data/db` beside the bundled seasons. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.PITWALL_DATA ?? 'data/db');
}

export interface ServerSettings {
  readonly port: number;
  readonly host: string;
  readonly publicUrl?: string;
}

/**
 * `PORT` (3000), `HOST` (127.0.0.1: this machine only; 0.0.0.0 or :: serves the network) and
 * `PUBLIC_URL` (where the public reaches the portal, behind a proxy): checked before anything starts.
 */
export function serverSettings(env: NodeJS.ProcessEnv = process.env): Result<ServerSettings, string> {
  const port = Number(env.PORT ?? 3000);
  if (!/^\d{1,5}$/.test(env.PORT ?? '3000') || port > 65535) {
    return err(`PORT must be a port number (0-65535), not "${env.PORT}"`);
  }
  const host = env.HOST?.trim() || '127.0.0.1';
  const publicUrl = env.PUBLIC_URL?.trim() || undefined;
  if (publicUrl !== undefined) {
    const parsed = URL.canParse(publicUrl) ? new URL(publicUrl) : undefined;
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.search || parsed.hash) {
      return err(`PUBLIC_URL must be an http(s) address such as https://results.example.org, not "${publicUrl}"`);
    }
  }
  return ok({ port, host, ...(publicUrl ? { publicUrl: withoutTrailingSlashes(publicUrl) } : {}) });
}

/** `https://x.org//` → `https://x.org`, in one pass (a regex `/\/+$/` backtracks on many slashes). */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
