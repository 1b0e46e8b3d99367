/**
 * Responses sent straight to the socket, and bodies sent from files, must arrive exactly as Node
 * would have written them: whole, in order, after their header, also when the kernel takes only
 * part of them, and never on a TLS socket.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { connect as connectTls, createServer as createTlsServer } from 'node:tls';
import { promisify } from 'node:util';
import { writeHit } from './fast-path.ts';
import { storedResponse } from './response-store.ts';
import type { StoredResponse } from './response-store.ts';
import { FROM_FILE_BYTES, bytesInFile, directSendAvailable } from './direct-send.ts';

const onLinux = process.platform === 'linux';

function stored(bytes: number): StoredResponse {
  const body = randomBytes(bytes);
  return storedResponse(200, new Uint8Array(body.buffer, body.byteOffset, body.byteLength), {
    'content-type': 'application/octet-stream',
  });
}

/** What writeHit sends: the header block it returns, then the body. */
const expected = (header: string, response: StoredResponse) =>
  Buffer.concat([Buffer.from(header, 'latin1'), response.body]);

/** A server that hands each connection's socket to `serve`, and a client that reads to the close. */
async function exchange(
  serve: (socket: Socket) => void,
  client: (socket: Socket) => void = () => undefined,
): Promise<Buffer> {
  const server = createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    client(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    await new Promise((resolve, reject) => socket.on('close', resolve).on('error', reject));
    return Buffer.concat(chunks);
  } finally {
    server.close();
  }
}

test('on Linux, responses are sent straight to the socket; elsewhere Node writes them', () => {
  assert.equal(directSendAvailable(), onLinux);
});

test('a large body arrives after its header, byte for byte, each time it is sent', async () => {
  const response = stored(300_000);
  const headers: string[] = [];
  const received = await exchange((socket) => {
    for (let i = 0; i < 3; i++) headers.push(writeHit(socket, 200, response, 5));
    socket.end();
  });
  assert.deepEqual(received, Buffer.concat(headers.map((header) => expected(header, response))));
  assert.match(headers[0] ?? '', /^HTTP\/1\.1 200 OK\r\n[^]*content-length: 300000\r\n[^]*\r\n\r\n$/);
  assert.equal(bytesInFile() >= 300_000, onLinux);
  assert.equal(bytesInFile() % 4096, 0, 'each body starts on a page of its own');
});

test('what the kernel does not take at once is written by Node after it, and later responses wait their turn', async () => {
  // A client that reads nothing until all is sent: 4 MB each is more than loopback's buffers take.
  const responses = [stored(4_000_000), stored(4_000_000), stored(FROM_FILE_BYTES * 2)];
  const headers: string[] = [];
  let waitingAfterFirst = -1;
  let client: Socket | undefined;
  const received = await exchange(
    (socket) => {
      responses.forEach((response, i) => {
        headers.push(writeHit(socket, 200, response, 5));
        if (i === 0) waitingAfterFirst = socket.writableLength;
      });
      socket.end();
      setTimeout(() => client?.resume(), 50);
    },
    (socket) => (client = socket.pause()),
  );
  assert.ok(waitingAfterFirst > 0, 'the first body did not all fit in the kernel: part of it was queued by Node');
  assert.deepEqual(received, Buffer.concat(responses.map((response, i) => expected(headers[i] ?? '', response))));
});

test('bytes Node still holds for the socket go first', async () => {
  const response = stored(300_000);
  let header = '';
  const received = await exchange((socket) => {
    socket.cork();
    socket.write('held by Node\n');
    header = writeHit(socket, 200, response, 5);
    socket.uncork();
    socket.end();
  });
  assert.deepEqual(received, Buffer.concat([Buffer.from('held by Node\n'), expected(header, response)]));
});

test('a connection the client has reset: no exception, and the socket reports its error and closes', async () => {
  const response = stored(200_000);
  let accept: (socket: Socket) => void = () => undefined;
  const accepted = new Promise<Socket>((resolve) => (accept = resolve));
  // Reads nothing, so Node does not see the reset: the first to meet it is the send.
  const server = createServer((socket) => accept(socket.pause()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await new Promise((resolve) => client.once('connect', resolve));
    const socket = await accepted;
    client.resetAndDestroy();
    await new Promise((resolve) => client.once('close', resolve));
    const error = new Promise<Error>((resolve) => socket.once('error', resolve));
    assert.doesNotThrow(() => writeHit(socket, 200, response, 5));
    assert.match((await error).message, /EPIPE|ECONNRESET/);
    await new Promise((resolve) => socket.once('close', resolve));
    assert.equal(socket.destroyed, true);
  } finally {
    server.close();
  }
});

test(
  'all bodies share one file; a full file is replaced by a new one',
  { skip: !onLinux && 'Linux only' },
  async () => {
    // 20 MB of bodies, more than the 16 MB file holds: the first is written again after the others.
    const responses = Array.from({ length: 5 }, () => stored(4_000_000));
    const sent = [...responses, responses[0] ?? stored(0)];
    const headers: string[] = [];
    // Each response is asked for once the one before has arrived: nothing is queued by Node.
    const received = await exchange(
      (socket) =>
        socket.on('data', () => {
          const response = sent[headers.length];
          if (response) headers.push(writeHit(socket, 200, response, 5));
          if (headers.length === sent.length) socket.end();
        }),
      (client) => {
        let bytes = 0;
        let asked = 1;
        client.write('next');
        client.on('data', (chunk: Buffer) => {
          bytes += chunk.byteLength;
          const due = sent
            .slice(0, asked)
            .reduce((sum, r, i) => sum + (headers[i] ?? '').length + r.body.byteLength, 0);
          if (bytes === due && asked < sent.length) {
            client.write('next');
            asked++;
          }
        });
      },
    );
    assert.deepEqual(received, Buffer.concat(sent.map((response, i) => expected(headers[i] ?? '', response))));
    const files = readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).startsWith('/memfd:pitwall-bodies');
      } catch {
        return false; // the directory's own descriptor, closed by now
      }
    });
    assert.equal(files.length, 1);
    // 20 MB went through a file of 16 MB: it was replaced, and the last body sent is in the new one.
    assert.ok(bytesInFile() >= 4_000_000 && bytesInFile() <= 16 * 1024 * 1024, `${bytesInFile()} bytes in the file`);
  },
);

test('a small body is not put in a file; from its second time it is sent with its header in one buffer', async () => {
  const response = stored(FROM_FILE_BYTES - 1);
  const before = bytesInFile();
  const headers: string[] = [];
  const writtenByNode: number[] = [];
  const received = await exchange((socket) => {
    for (let i = 0; i < 3; i++) {
      headers.push(writeHit(socket, 200, response, 5));
      writtenByNode.push(socket.bytesWritten);
    }
    socket.end();
  });
  assert.deepEqual(received, Buffer.concat(headers.map((header) => expected(header, response))));
  assert.equal(bytesInFile(), before);
  // Node's count of bytes it wrote: the first response only, when sent directly after it.
  const first = (headers[0] ?? '').length + response.body.byteLength;
  assert.deepEqual(writtenByNode, onLinux ? [first, first, first] : [first, first * 2, first * 3]);
});

test('on a TLS connection the body is encrypted by Node as always', async () => {
  const fixtures = new URL('../../test/fixtures/tls/', import.meta.url);
  const response = stored(100_000);
  let header = '';
  const server = createTlsServer(
    { key: readFileSync(new URL('key.pem', fixtures)), cert: readFileSync(new URL('cert.pem', fixtures)) },
    (socket) => {
      header = writeHit(socket, 200, response, 5);
      socket.end();
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const client = connectTls({
      port: (server.address() as AddressInfo).port,
      host: '127.0.0.1',
      rejectUnauthorized: false,
    });
    const chunks: Buffer[] = [];
    client.on('data', (chunk: Buffer) => chunks.push(chunk));
    await new Promise((resolve, reject) => client.on('end', resolve).on('error', reject));
    assert.deepEqual(Buffer.concat(chunks), expected(header, response));
  } finally {
    server.close();
  }
});

test('PITWALL_DIRECT_SEND=0 leaves every write to Node', async () => {
  const script = `import('${new URL('./direct-send.ts', import.meta.url).href}').then((m) => console.log(m.directSendAvailable()))`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script], {
    env: { ...process.env, PITWALL_DIRECT_SEND: '0' },
  });
  assert.equal(stdout.trim(), 'false');
});
