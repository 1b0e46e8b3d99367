import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverSettings } from '../cli/environment.ts';
import { openPglite } from '../store/database.ts';
import { startServer } from './server.ts';

const BIN = new URL('../../bin/pitwall.js', import.meta.url).pathname;
let root: string;
let busy: Server;
let busyPort: number;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'pitwall-start-'));
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const address = busy.address();
  busyPort = typeof address === 'object' && address ? address.port : 0;
});
after(async () => {
  await new Promise((resolve) => busy.close(resolve));
  await rm(root, { recursive: true, force: true });
});

function serve(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...base, LOG_LEVEL: 'warn', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

test('a port in use is said at once, before the database is opened', async () => {
  const dataDir = join(root, 'db-busy');
  const result = await serve({ PORT: String(busyPort), HOST: '127.0.0.1', PITWALL_DATA: dataDir });
  assert.deepEqual(result, { code: 1, stdout: '', stderr: `port ${busyPort} is in use on 127.0.0.1; set PORT\n` });
  // Nothing was opened, let alone loaded: the folder was never made.
  await assert.rejects(access(dataDir), { code: 'ENOENT' });
});

test('bad PORT, HOST and PUBLIC_URL are one line each, before anything starts', async () => {
  const dataDir = join(root, 'db-bad');
  for (const [env, message] of [
    [{ PORT: '3e3' }, 'PORT must be a port number (0-65535), not "3e3"\n'],
    [{ PORT: '70000' }, 'PORT must be a port number (0-65535), not "70000"\n'],
    [{ PORT: '0', HOST: '203.0.113.7' }, 'cannot listen on 203.0.113.7: no such address here; set HOST\n'],
    [
      { PORT: '0', PUBLIC_URL: 'javascript:alert(1)' },
      'PUBLIC_URL must be an http(s) address such as https://results.example.org, not "javascript:alert(1)"\n',
    ],
  ] as const) {
    const result = await serve({ ...env, PITWALL_DATA: dataDir });
    assert.deepEqual(result, { code: 1, stdout: '', stderr: message }, JSON.stringify(env));
  }
  await assert.rejects(access(dataDir), { code: 'ENOENT' });
});

test('HOST is honoured, and this machine only by default', () => {
  assert.deepEqual(serverSettings({}), { ok: true, value: { port: 3000, host: '127.0.0.1' } });
  assert.deepEqual(serverSettings({ HOST: '0.0.0.0', PORT: '8080', PUBLIC_URL: 'https://results.example.org/' }), {
    ok: true,
    value: { port: 8080, host: '0.0.0.0', publicUrl: 'https://results.example.org' },
  });
});

test('the server listens where HOST says, 127.0.0.1 when unset', async () => {
  const running = await startServer({ port: 0, dataDir: '', database: await openPglite() });
  try {
    const address = running.server.address();
    assert.equal(typeof address === 'object' && address ? address.address : address, '127.0.0.1');
    assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal((await fetch(`${running.url}/api/v1/seasons`)).status, 200);
    // Without PUBLIC_URL the API page's curl lines name this server, port included.
    const port = new URL(running.url).port;
    assert.match(
      await (await fetch(`${running.url}/api`)).text(),
      new RegExp(`curl -s 'http://localhost:${port}/api/v1/seasons'`),
    );
  } finally {
    await running.stop();
  }
});
