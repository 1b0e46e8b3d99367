/**
 * The connection's fast path answers plain GETs of stored responses from the socket and hands
 * everything else to Node's HTTP server: these tests hold it to answering exactly what Node
 * would, in order, and to never reading a request Node would read otherwise.
 */
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import fc from 'fast-check';
import { answerHitsOnConnections, readPlainGet, sharedReadBufferAvailable } from './connection-fast-path.ts';
import { negotiate, storedResponse } from './response-store.ts';
import type { StoredResponse } from './response-store.ts';

const json = (text: string) => new TextEncoder().encode(text);
function kept(body: string): StoredResponse {
  const response = storedResponse(200, json(body), { 'content-type': 'application/json' });
  response.negotiated = negotiate(response);
  return response;
}

const stored = new Map<string, StoredResponse>();
/** What Node's server was asked, in order: method, target and body length. */
let seenByNode: string[] = [];
let server: Server;
let port: number;
let connections: { closeIdle(): void };
let serving = true;

/** The same server reading its connections through Node's stream, as where Node lacks `onread`. */
let streamServer: Server;
let streamPort: number;
let streamConnections: { closeIdle(): void };

async function startServer(sharedReadBuffer: boolean) {
  const started = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // /echo's body is read late, after other connections' reads, and said back.
    if (req.url === '/echo') {
      req.pause();
      setTimeout(() => req.resume(), 50);
    }
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seenByNode.push(`${req.method} ${req.url} ${body.byteLength}`);
      // A HEAD's answer has no body, and says so: the test reader reads bodies by their length.
      if (req.method === 'HEAD') res.writeHead(200, { 'content-length': 0 }).end();
      else
        res.end(`node ${req.method} ${req.url} ${body.byteLength}${req.url === '/echo' ? ` ${body.toString()}` : ''}`);
    });
  });
  const held = answerHitsOnConnections(started, () => (serving ? (path) => stored.get(path) : undefined), {
    sharedReadBuffer,
  });
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
  return { started, held, at: (started.address() as AddressInfo).port };
}

before(async () => {
  assert.equal(sharedReadBufferAvailable(), true, 'this Node has the fields of `onread`');
  ({ started: server, held: connections, at: port } = await startServer(true));
  ({ started: streamServer, held: streamConnections, at: streamPort } = await startServer(false));
});
after(async () => {
  for (const [stopping, held] of [
    [server, connections],
    [streamServer, streamConnections],
  ] as const) {
    held.closeIdle();
    stopping.closeAllConnections();
    await new Promise((resolve) => stopping.close(resolve));
  }
});
beforeEach(() => {
  seenByNode = [];
  serving = true;
  stored.clear();
  stored.set('/hit', kept(JSON.stringify({ standings: Array.from({ length: 200 }, (_, i) => ({ position: i })) })));
  stored.set('/small', kept('{"ok":true}'));
});

interface Answer {
  readonly head: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** Reads whole HTTP/1.1 answers off a socket, as they come: a body by its Content-Length, or to the close. */
class Reader {
  private bytes = Buffer.alloc(0);
  private closed = false;
  private wake: () => void = () => undefined;

  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.bytes = Buffer.concat([this.bytes, chunk]);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  async next(): Promise<Answer | undefined> {
    for (;;) {
      const answer = this.take();
      if (answer || this.closed) return answer;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async all(count: number): Promise<Answer[]> {
    const answers: Answer[] = [];
    for (let i = 0; i < count; i++) {
      const answer = await this.next();
      if (!answer) break;
      answers.push(answer);
    }
    return answers;
  }

  private take(): Answer | undefined {
    const end = this.bytes.indexOf('\r\n\r\n');
    if (end === -1) return undefined;
    const head = this.bytes.toString('latin1', 0, end);
    const [statusLine = '', ...lines] = head.split('\r\n');
    const headers = Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
    );
    const status = Number(statusLine.split(' ')[1]);
    // An interim answer (100 Continue) has no body, whatever it says.
    const length =
      status < 200 ? 0 : headers['content-length'] === undefined ? undefined : Number(headers['content-length']);
    const bodyEnd = length === undefined ? (this.closed ? this.bytes.byteLength : -1) : end + 4 + length;
    if (bodyEnd === -1 || bodyEnd > this.bytes.byteLength) return undefined;
    const body = this.bytes.subarray(end + 4, bodyEnd);
    this.bytes = this.bytes.subarray(bodyEnd);
    return { head, status, headers, body };
  }
}

async function open(at = port): Promise<{ socket: Socket; reader: Reader }> {
  const socket = connect(at, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  return { socket, reader: new Reader(socket) };
}

const get = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: pitwall.test\r\n${extra}\r\n`;
const nodeAnswer = (answer: Answer | undefined) => answer?.body.toString('latin1');

test('a plain GET of a stored response is answered from the socket, with its headers, in the coding asked for', async () => {
  const { socket, reader } = await open();
  socket.write(get('/hit') + get('/hit', 'Accept-Encoding: gzip, br\r\n') + get('/small'));
  const [plain, brotli, small] = await reader.all(3);
  socket.destroy();
  const hit = stored.get('/hit');
  assert.ok(hit?.negotiated && plain && brotli && small);
  assert.match(plain.head, /^HTTP\/1\.1 200 OK\r\n/);
  assert.deepEqual(plain.body, Buffer.from(hit.negotiated.identity.body));
  assert.equal(plain.headers.etag, hit.negotiated.identity.etag);
  assert.equal(plain.headers.vary, 'accept-encoding');
  assert.equal(plain.headers.connection, 'keep-alive');
  assert.equal(plain.headers['keep-alive'], 'timeout=5');
  assert.match(plain.headers.date ?? '', /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  assert.equal(brotli.headers['content-encoding'], 'br');
  assert.deepEqual(brotli.body, Buffer.from(hit.negotiated.br.body));
  assert.equal(small.body.toString(), '{"ok":true}');
  assert.deepEqual(seenByNode, [], 'Node read none of them');
});

test('a response sent again a second later is dated again, and its other bytes are the same', async () => {
  const { socket, reader } = await open();
  const dated = async () => {
    socket.write(get('/hit'));
    const answer = await reader.next();
    assert.ok(answer);
    return { date: Date.parse(answer.headers.date ?? ''), rest: answer.head.replace(/\r\nDate: [^\r]*/, ''), answer };
  };
  // The first, then the one sent from a buffer of its own, then the same a second later.
  const sent = [await dated(), await dated()];
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  sent.push(await dated(), await dated());
  socket.destroy();
  const [first] = sent;
  assert.ok(first);
  for (const { date, rest, answer } of sent) {
    assert.equal(rest, first.rest);
    assert.deepEqual(answer.body, first.answer.body);
    assert.ok(Math.abs(date - Date.now()) < 3_000, `dated ${new Date(date).toISOString()}`);
  }
  assert.ok((sent[2]?.date ?? 0) > first.date, 'dated again after a second');
});

for (const [reading, at] of [
  ['into the shared buffer', () => port],
  ["through Node's stream", () => streamPort],
] as const)
  test(`pipelined requests, read ${reading}: a hit, then a head cut across reads, a POST and all after them answered by Node, in order`, async () => {
    const { socket, reader } = await open(at());
    const post = 'POST /p HTTP/1.1\r\nHost: pitwall.test\r\nContent-Length: 5\r\n\r\nhello';
    const all = get('/small') + get('/small') + post + get('/small') + get('/small');
    // Cut inside the second head (not read here: Node reads it whole) and inside the POST's body.
    socket.write(all.slice(0, 60));
    await new Promise((resolve) => setTimeout(resolve, 30));
    socket.write(all.slice(60, all.indexOf('hello') + 2));
    await new Promise((resolve) => setTimeout(resolve, 30));
    socket.write(all.slice(all.indexOf('hello') + 2));
    const answers = await reader.all(5);
    socket.destroy();
    assert.deepEqual(
      answers.map((a) => a.body.toString()),
      ['{"ok":true}', 'node GET /small 0', 'node POST /p 5', 'node GET /small 0', 'node GET /small 0'],
    );
    assert.deepEqual(seenByNode, ['GET /small 0', 'POST /p 5', 'GET /small 0', 'GET /small 0']);
  });

test('connections read into one shared buffer keep their bytes apart, before and after a hand-off', async () => {
  const accepted: Socket[] = [];
  const onConnection = (socket: Socket) => accepted.push(socket);
  server.on('connection', onConnection);
  try {
    const a = await open();
    const b = await open();
    const post = 'POST /echo HTTP/1.1\r\nHost: pitwall.test\r\nContent-Length: 10\r\n\r\n';
    // a's POST goes to Node with half its body, which Node reads late; b's hits are read into
    // the same buffer meanwhile.
    a.socket.write(get('/small') + post + 'hello');
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Longer than a's first read, so as to write over all of it.
    b.socket.write(get('/hit') + get('/small').repeat(5));
    const [bHit, ...bSmall] = await b.reader.all(6);
    a.socket.write('world' + get('/small'));
    const aAnswers = await a.reader.all(3);
    b.socket.write(get('/small'));
    const bAgain = await b.reader.next();
    assert.deepEqual(
      aAnswers.map((answer) => answer.body.toString()),
      ['{"ok":true}', 'node POST /echo 10 helloworld', 'node GET /small 0'],
    );
    assert.deepEqual(bHit?.body, Buffer.from(stored.get('/hit')?.negotiated?.identity.body ?? []));
    assert.deepEqual(
      bSmall.map((answer) => answer.body.toString()),
      Array.from({ length: 5 }, () => '{"ok":true}'),
    );
    assert.equal(bAgain?.body.toString(), '{"ok":true}');
    // (Node's 'end' of the late-read POST comes after the GET's: sorted.)
    assert.deepEqual(
      [...seenByNode].sort(),
      ['GET /small 0', 'POST /echo 10'],
      "Node read a's requests from its POST on, none of b's",
    );
    // b is still held here, and read past Node's stream: no 'data' listener, no buffer per read.
    assert.equal(accepted.length, 2);
    assert.equal(accepted[1]?.listenerCount('data'), 0);
    a.socket.destroy();
    b.socket.destroy();
  } finally {
    server.off('connection', onConnection);
  }
});

test('a miss goes to Node with the requests read after it', async () => {
  const { socket, reader } = await open();
  socket.write(get('/small') + get('/missing') + get('/small'));
  const answers = await reader.all(3);
  socket.destroy();
  assert.deepEqual(
    answers.map((a) => a.body.toString()),
    ['{"ok":true}', 'node GET /missing 0', 'node GET /small 0'],
  );
});

test('what is stored now is what is served, on a connection already open', async () => {
  const { socket, reader } = await open();
  socket.write(get('/small'));
  assert.equal((await reader.next())?.body.toString(), '{"ok":true}');
  stored.set('/small', kept('{"ok":false}'));
  socket.write(get('/small'));
  assert.equal((await reader.next())?.body.toString(), '{"ok":false}');
  socket.destroy();
});

test('before the store is ready, every connection is Node’s', async () => {
  serving = false;
  const { socket, reader } = await open();
  socket.write(get('/small'));
  assert.equal(nodeAnswer(await reader.next()), 'node GET /small 0');
  serving = true;
  socket.write(get('/small'));
  assert.equal(nodeAnswer(await reader.next()), 'node GET /small 0', 'and stays Node’s');
  socket.destroy();
});

test('a server that limits requests per connection keeps its connections to Node', async () => {
  server.maxRequestsPerSocket = 1;
  try {
    const { socket, reader } = await open();
    socket.write(get('/small'));
    const answer = await reader.next();
    socket.destroy();
    assert.equal(nodeAnswer(answer), 'node GET /small 0');
    assert.equal(answer?.headers.connection, 'close');
  } finally {
    server.maxRequestsPerSocket = 0;
  }
});

/**
 * Requests the fast path must leave to Node, each after a hit on the same connection: the
 * answer must be Node's own, the same as on a connection Node reads from the start.
 */
const NOT_PLAIN = [
  'HEAD /small HTTP/1.1\r\nHost: a\r\n\r\n',
  'get /small HTTP/1.1\r\nHost: a\r\n\r\n',
  'GET /small HTTP/1.0\r\nHost: a\r\n\r\n',
  'GET /small HTTP/1.1\r\n\r\n',
  'GET /small HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n',
  'GET /small HTTP/1.1\r\nHost : a\r\n\r\n',
  'GET /small HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n',
  'GET /small HTTP/1.1\nHost: a\n\n',
  'GET /small HTTP/1.1\r\nHost: a\nX: b\r\n\r\n',
  'GET /small HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc',
  'GET /small HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
  'GET /small HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  'GET /small HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n',
  'GET /small HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n',
  'GET /small HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n',
  'GET /small HTTP/1.1\r\nHost: a\r\nIf-None-Match: "x"\r\n\r\n',
  'GET /small HTTP/1.1\r\nHost: a\r\nRange: bytes=0-1\r\n\r\n',
  'GET /small HTTP/1.1\r\nHost: a\r\nAccept-Encoding: br\r\nAccept-Encoding: gzip\r\n\r\n',
  'GET /small HTTP/1.1\r\nHost: a\r\nX-Odd: caf\xe9\r\n\r\n',
  'GET /small HTTP/1.1\r\nHost: a\r\nX-Nul: a\x00b\r\n\r\n',
  'GET /small HTTP/1.1\r\nHost: a\r\nNo colon\r\n\r\n',
  'GET /small HTTP/1.1\r\nHost: a\r\n: empty name\r\n\r\n',
  'GET /sm all HTTP/1.1\r\nHost: a\r\n\r\n',
  'GET /small{} HTTP/1.1\r\nHost: a\r\n\r\n',
  'GET /small\x7f HTTP/1.1\r\nHost: a\r\n\r\n',
  'GET http://evil.test/small HTTP/1.1\r\nHost: a\r\n\r\n',
  'GET * HTTP/1.1\r\nHost: a\r\n\r\n',
  `GET /small HTTP/1.1\r\nHost: a\r\nX-Big: ${'b'.repeat(17_000)}\r\n\r\n`,
  `GET /small HTTP/1.1\r\nHost: a\r\n${'X: y\r\n'.repeat(150)}\r\n`,
];

/** Everything a connection was answered, in order, once it is closed or quiet; Date lines out. */
async function answersTo(bytes: string): Promise<string[]> {
  const { socket, reader } = await open();
  socket.write(Buffer.from(bytes, 'latin1'));
  const answers: string[] = [];
  for (;;) {
    const answer = await Promise.race([
      reader.next(),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 150)),
    ]);
    if (!answer) break;
    answers.push(`${answer.head.replace(/\r\nDate: [^\r]*/i, '')}\r\n\r\n${answer.body.toString('latin1')}`);
  }
  socket.destroy();
  return answers;
}

test('a request that is not a plain GET, after a hit, gets the answer Node gives it on a connection of its own', async () => {
  for (const request of NOT_PLAIN) {
    const shown = JSON.stringify(request.slice(0, 100));
    assert.equal(readPlainGet(request.slice(0, request.indexOf('\r\n\r\n'))), undefined, shown);
    // Not read here even first on a connection: Node reads this one from its first byte.
    const nodeAlone = await answersTo(request);
    const afterHit = await answersTo(get('/small') + request);
    assert.ok(afterHit[0]?.endsWith('{"ok":true}'), shown);
    assert.ok(nodeAlone.length > 0, `${shown} was answered`);
    assert.deepEqual(afterHit.slice(1), nodeAlone, shown);
  }
});

/** What Node's own parser makes of a head: the request's method, target and headers, or its refusal. */
async function nodeReads(head: string): Promise<{ method?: string; url?: string; headers?: IncomingHttpHeaders }> {
  const seen: { method?: string; url?: string; headers?: IncomingHttpHeaders } = {};
  const plain = createServer((req, res) => {
    Object.assign(seen, { method: req.method, url: req.url, headers: req.headers });
    req.resume();
    req.on('end', () => res.end());
  });
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  const socket = connect((plain.address() as AddressInfo).port, '127.0.0.1');
  const reader = new Reader(socket);
  socket.write(Buffer.from(`${head}\r\n\r\n`, 'latin1'));
  await reader.next();
  socket.destroy();
  await new Promise((resolve) => plain.close(resolve));
  return seen;
}

test('property: every head read here is read by Node as the same GET, with the same Host and Accept-Encoding', async () => {
  // Mostly what a client sends, with now and then what a hostile one would: both must agree.
  const often = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 6, arbitrary: usual }, { weight: 1, arbitrary: odd });
  const method = often(fc.constant('GET'), fc.constantFrom('HEAD', 'get', 'POST', 'GET '));
  const targetChar = often(
    fc.constantFrom(..."/az09-._~!$&'()*+,;=:@?%".split('')),
    fc.constantFrom(...'#"<>{}|\\^` \t\x7f\xe9\x00\r\n'.split('')),
  );
  const target = fc.tuple(
    often(fc.constant('/'), fc.constantFrom('//', 'http://a/', '*', '')),
    fc.string({ unit: targetChar, maxLength: 12 }),
  );
  const name = often(
    fc.constantFrom('Host', 'host', 'Accept-Encoding', 'accept-encoding', 'User-Agent', 'Connection'),
    fc.constantFrom('HOST', 'Content-Length', 'X A', '', 'Transfer-Encoding', 'X\xe9', 'Host\t'),
  );
  const valueChar = often(
    fc.constantFrom(...'ab br,gzip;q=0.5 keep-alive'.split('')),
    fc.constantFrom(...'\t\x7f\xe9\x01\x00:\r\n'.split('')),
  );
  const value = fc.string({ unit: valueChar, maxLength: 10 });
  const separator = often(fc.constantFrom(': ', ':'), fc.constantFrom(' : ', ':\t', ':  ', ''));
  const newline = often(fc.constant('\r\n'), fc.constantFrom('\n', '\r', '\r\n '));
  const line = (n: fc.Arbitrary<string>) =>
    fc.tuple(n, separator, value, often(fc.constant(''), fc.constantFrom(' ', '\t')), newline);
  const version = often(fc.constant('HTTP/1.1'), fc.constantFrom('HTTP/1.0', 'HTTP/2', 'HTTP/1.1 ', 'http/1.1'));
  const head = fc
    .tuple(
      method,
      target,
      version,
      newline,
      often(fc.constant('Host: pitwall.test\r\n'), fc.constant('')),
      fc.array(line(name), { maxLength: 4 }),
    )
    .map(([m, [start, rest], v, nl, host, headers]) =>
      `${m} ${start}${rest} ${v}${nl}${host}${headers.map((h) => h.join('')).join('')}`.replace(/(\r\n|\n|\r)$/, ''),
    );
  let read = 0;
  await fc.assert(
    fc.asyncProperty(head, async (text) => {
      const plainGet = readPlainGet(text);
      if (!plainGet) return;
      read++;
      const node = await nodeReads(text);
      assert.equal(node.method, 'GET');
      assert.equal(node.url, plainGet.target);
      assert.equal(typeof node.headers?.host, 'string');
      assert.equal(node.headers?.['accept-encoding'], plainGet.acceptEncoding);
      assert.equal(node.headers?.['content-length'], undefined);
      assert.equal(node.headers?.['transfer-encoding'], undefined);
    }),
    { numRuns: 400 },
  );
  assert.ok(read >= 10, `only ${read} of 400 heads were plain GETs: the generator tests nothing`);
});

test('a client that asks faster than it reads is read no further until it catches up, and gets every answer', async () => {
  // Bytes whose order shows: the body goes out in more than one write.
  const big = Array.from({ length: 40_000 }, (_, i) => i.toString(36)).join(',');
  stored.set('/big', kept(big));
  let serverSide: Socket | undefined;
  const capture = (socket: Socket) => (serverSide = socket);
  server.on('connection', capture);
  const { socket, reader } = await open();
  server.off('connection', capture);
  socket.pause();
  // Heads of one read: a head cut across reads would go to Node, which has its own ways.
  const count = 1_000;
  socket.write(get('/big').repeat(count));
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.ok(serverSide?.isPaused(), 'the server stopped reading');
  socket.resume();
  const answers = await reader.all(count);
  socket.destroy();
  assert.equal(answers.length, count);
  assert.ok(answers.every((a) => a.status === 200 && a.body.toString('latin1') === big));
  assert.deepEqual(seenByNode, []);
});

test('an idle connection is closed after the keep-alive timeout, and at once when the server stops', async () => {
  const keepAlive = server.keepAliveTimeout;
  const before = await open();
  before.socket.write(get('/small'));
  assert.equal((await before.reader.next())?.headers['keep-alive'], 'timeout=5');
  before.socket.destroy();
  // The same response in the same second, told the new timeout.
  server.keepAliveTimeout = 1_000;
  try {
    const { socket, reader } = await open();
    socket.write(get('/small'));
    assert.equal((await reader.next())?.headers['keep-alive'], 'timeout=1');
    const started = Date.now();
    await new Promise((resolve) => socket.once('close', resolve));
    const idle = Date.now() - started;
    assert.ok(idle >= 900 && idle < 3_000, `closed after ${idle} ms`);
  } finally {
    server.keepAliveTimeout = keepAlive;
  }
  const { socket, reader } = await open();
  socket.write(get('/small'));
  await reader.next();
  const closed = new Promise((resolve) => socket.once('close', resolve));
  connections.closeIdle();
  await closed;
});
