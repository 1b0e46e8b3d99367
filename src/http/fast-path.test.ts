import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { writeStored } from './fast-path.ts';
import { storedResponse } from './response-store.ts';

const stored = storedResponse(200, new TextEncoder().encode('{"standings":[]}'), {
  'content-type': 'application/json',
  'x-content-type-options': 'nosniff',
});

/** One server answering with `writeStored`, one with Node's own `writeHead` and `end`. */
let prebuilt: Server;
let plain: Server;
before(async () => {
  prebuilt = createServer((_req, res) => writeStored(res, 200, stored));
  plain = createServer((_req, res) => {
    res.writeHead(200, stored.nodeHeaders);
    res.end(stored.body);
  });
  await Promise.all([prebuilt, plain].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
});
after(() => Promise.all([prebuilt, plain].map((s) => new Promise((resolve) => s.close(resolve)))));

/** Sends raw request bytes and reads until the server closes or `responses` full responses came. */
function exchange(server: Server, request: string, responses: number): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let received = '';
    const done = () => {
      socket.destroy();
      resolve(received);
    };
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.split('\r\n\r\n{"standings":[]}').length - 1 >= responses) done();
    });
    socket.on('end', done);
    socket.on('error', reject);
  });
}

/** The response with its Date line taken out (the clock moves), headers in a canonical case. */
const comparable = (raw: string) =>
  raw
    .split('\r\n')
    .filter((line) => !/^date:/i.test(line))
    .map((line) => (/^[\w-]+:/.test(line) ? line.replace(/^[\w-]+:/, (name) => name.toLowerCase()) : line))
    .join('\r\n');

test('the header block built once is what writeHead writes, and the connection is kept alive', async () => {
  const get = 'GET /standings HTTP/1.1\r\nHost: x\r\n\r\n';
  const ours = await exchange(prebuilt, get, 1);
  const node = await exchange(plain, get, 1);
  assert.equal(comparable(ours), comparable(node));
  assert.match(ours, /\r\nDate: [A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT\r\n/);
  assert.match(ours, /\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n\{"standings":\[\]\}$/);
  // Two requests on one connection, the second sent before the first was answered: both answered, in order.
  const twice = await exchange(prebuilt, get + get, 2);
  assert.equal(twice.split('HTTP/1.1 200 OK').length - 1, 2);
});

test('a client that closes, or speaks HTTP/1.0, gets what writeHead gives it', async () => {
  for (const request of [
    'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    'GET / HTTP/1.0\r\n\r\n',
    'GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n',
  ]) {
    const ours = await exchange(prebuilt, request, 1);
    const node = await exchange(plain, request, 1);
    assert.equal(comparable(ours), comparable(node), request);
  }
});

test('HEAD: the headers, no body', async () => {
  const head = 'HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';
  const ours = await exchange(prebuilt, head, 1);
  assert.equal(comparable(ours), comparable(await exchange(plain, head, 1)));
  assert.ok(ours.endsWith('\r\n\r\n'));
});

test('a body larger than the socket takes at once arrives whole, and the connection serves the next request', async () => {
  const big = 'x'.repeat(3_000_000);
  const large = storedResponse(200, new TextEncoder().encode(big), { 'content-type': 'text/plain' });
  const server = createServer((_req, res) => writeStored(res, 200, large));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    for (let i = 0; i < 2; i++) {
      const response = await fetch(url);
      assert.equal(response.headers.get('content-length'), String(big.length));
      assert.equal((await response.text()).length, big.length);
    }
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
