/**
 * The HTTP bench's second reference (bench/http.ts): what one Node process can do at best on
 * this machine. A bare `node:http` server that answers every GET of `/NAME` with the bytes of
 * the file NAME in the folder it is given, held in memory, and the headers Pitwall sends with
 * them — no routing, no cache lookup, no negotiation. Pitwall's ratio to it is what Pitwall
 * costs over Node itself; its ratio to nginx is what Node costs.
 * Usage: node http-node-server.ts FOLDER; prints `ready PORT` when listening.
 */
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2] ?? '.';
const files = new Map<string, { body: Buffer; headers: Record<string, string> }>();
for (const name of readdirSync(folder)) {
  const body = readFileSync(join(folder, name));
  const plain = name.replace(/\.br$/, '');
  files.set(`/${name}`, {
    body,
    headers: {
      'content-type': plain.endsWith('.json') ? 'application/json' : 'text/html; charset=utf-8',
      ...(name.endsWith('.br') ? { 'content-encoding': 'br', vary: 'accept-encoding' } : {}),
      'cache-control': 'public, max-age=60',
      'content-length': String(body.length),
    },
  });
}

const server = createServer((req, res) => {
  const file = files.get(req.url ?? '');
  if (!file) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, file.headers);
  res.end(file.body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
