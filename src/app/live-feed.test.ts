import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Office } from './office.ts';
import type { Database } from '../store/database.ts';
import { openOffice } from './office.ts';
import type { LiveClient, LiveFeed } from './live-feed.ts';
import type { Json } from '../live/delta.ts';
import { applyDelta, fromSnapshot } from '../live/delta.ts';
import type { LiveView } from '../live/view.ts';
import { databaseKind, openTestDatabase } from '../../test/support/database.ts';

const BUNDLED = new URL('../../data/seasons/alms-2019-20.yaml', import.meta.url);
const SEASON = 'alms-2019-20';
const BURIRAM = 4;

let office: Office;
let feed: LiveFeed;

before(async () => {
  office = await openOffice(await openTestDatabase(), { live: { intervalMs: 5, history: 64 } });
  const imported = await office.importSeasonFile(await readFile(BUNDLED, 'utf8'), 'alms-2019-20.yaml');
  assert.ok(imported.ok);
  feed = await office.live();
});
after(() => office.close());

/** The test's database for a second office, which must not close it when it closes. */
const sharedDb = (): Database => ({ ...office.db, close: () => Promise.resolve() });

/** Laps of one car at a steady 1:30, from `from` to `to`. */
function laps(car: string, from: number, to: number, lapMs = 90_000, flag = 'GF') {
  return Array.from({ length: to - from + 1 }, (_, i) => ({
    car,
    driverName: car === '26' ? 'Roman Rusinov' : 'Ben Barnicoat',
    lap: from + i,
    lapTimeMs: lapMs,
    elapsedMs: (from + i) * lapMs,
    crossedInPit: false,
    flag,
  }));
}

interface Frame {
  readonly id: string;
  readonly event: string;
  readonly data: Json;
}

/** A client as a browser's EventSource sees it: frames in, the view kept by applying them. */
class Client implements LiveClient {
  readonly frames: Frame[] = [];
  view: Json | undefined;
  closed = false;
  write(chunk: Buffer): boolean {
    for (const block of chunk.toString('utf8').split('\n\n')) {
      const fields = Object.fromEntries(
        block
          .split('\n')
          .filter((l) => /^(id|event|data): /.test(l))
          .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
      );
      if (fields.data === undefined) continue; // a keep-alive comment
      const frame = { id: fields.id ?? '', event: fields.event ?? '', data: JSON.parse(fields.data) as Json };
      this.frames.push(frame);
      this.view = frame.event === 'snapshot' ? fromSnapshot(frame.data) : applyDelta(this.view, frame.data);
    }
    return true;
  }
  close(): void {
    this.closed = true;
  }
  get lastId(): string | undefined {
    return this.frames.at(-1)?.id;
  }
}

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const snapshot = async () => {
  const found = await feed.snapshot(SEASON, BURIRAM);
  assert.ok(found);
  return found;
};

/** Until the feed has applied everything stored (its snapshot id is the last event's). */
const caughtUp = (lastEventId: string) => until(async () => (await snapshot()).eventId === lastEventId, lastEventId);

test(`a batch with malformed events stores the others; the feed goes on (${databaseKind()})`, async () => {
  const first = await feed.ingest(SEASON, BURIRAM, { events: laps('26', 1, 3) }, 'test');
  assert.ok(first.ok);
  assert.deepEqual(first.value, { accepted: 3, rejected: [], lastEventId: '1.3' });

  const mixed = [
    laps('45', 1, 1)[0],
    { ...laps('45', 2, 2)[0], lapTimeMs: '1:30.000' },
    'not an event',
    laps('45', 2, 2)[0],
    { ...laps('26', 3, 3)[0] }, // duplicate lap: stored, counted by the race state
    { ...laps('26', 4, 4)[0], car: '999' }, // not entered: stored, counted
  ];
  const second = await feed.ingest(SEASON, BURIRAM, { events: mixed }, 'test');
  assert.ok(second.ok);
  assert.equal(second.value.accepted, 4);
  assert.deepEqual(
    second.value.rejected.map((r) => [r.index, r.field]),
    [
      [1, 'lapTimeMs'],
      [2, ''],
    ],
  );
  assert.equal(second.value.lastEventId, '1.7');

  const third = await feed.ingest(SEASON, BURIRAM, { events: laps('26', 4, 5) }, 'test');
  assert.ok(third.ok);
  await caughtUp(third.value.lastEventId);
  const { view } = await snapshot();
  assert.equal(view.cars['26']?.laps, 5);
  assert.equal(view.cars['45']?.laps, 2);
  assert.equal(view.cars['999'], undefined);
  assert.equal(view.race.events, 7);
  assert.equal(view.race.rejected['duplicate-lap'], 1);
  assert.equal(view.race.rejected['unknown-car'], 1);
  assert.equal(view.cars['26']?.position, 1);
});

test('a batch that is not { events: [...] }, or is too large, or for no such round, changes nothing', async () => {
  const before = (await snapshot()).eventId;
  for (const body of [null, {}, { events: 'x' }, [laps('26', 6, 6)]]) {
    const refused = await feed.ingest(SEASON, BURIRAM, body, 'test');
    assert.ok(!refused.ok);
    assert.equal(refused.error.code, 'bad-request');
  }
  const tooMany = await feed.ingest(SEASON, BURIRAM, { events: laps('26', 6, 1006) }, 'test');
  assert.ok(!tooMany.ok);
  assert.match(tooMany.error.message, /at most 1000 events/);
  const noRound = await feed.ingest(SEASON, 9, { events: laps('26', 6, 6) }, 'test');
  assert.ok(!noRound.ok);
  assert.equal(noRound.error.code, 'not-found');
  assert.equal((await snapshot()).eventId, before);
});

test('a client that reconnects with Last-Event-ID ends with exactly the view of one that never left', async () => {
  const steady = new Client();
  const unsubscribeSteady = await feed.subscribe(SEASON, BURIRAM, undefined, steady);
  assert.ok(unsubscribeSteady);
  assert.equal(steady.frames[0]?.event, 'snapshot');
  // A client is greeted with the last view published; wait until that is the latest.
  const latest = (await snapshot()).eventId;
  await until(() => steady.lastId === latest, 'the latest view to be published');

  const flaky = new Client();
  let unsubscribeFlaky = await feed.subscribe(SEASON, BURIRAM, undefined, flaky);
  let posted = await feed.ingest(SEASON, BURIRAM, { events: laps('45', 3, 6, 89_000) }, 'test');
  assert.ok(posted.ok);
  const afterFirst = posted.value.lastEventId;
  await until(() => flaky.lastId === afterFirst, 'the first delta');
  assert.deepEqual(
    flaky.frames.map((f) => f.event),
    ['snapshot', 'delta'],
  );
  unsubscribeFlaky?.();

  // While it is away, #45 passes #26 and both go on.
  for (const events of [laps('45', 7, 9, 89_000), laps('26', 6, 8), laps('45', 10, 10, 89_000)]) {
    posted = await feed.ingest(SEASON, BURIRAM, { events }, 'test');
    assert.ok(posted.ok);
  }
  const last = posted.value.lastEventId;
  await until(() => steady.lastId === last, 'the steady client to catch up');
  assert.equal(flaky.lastId, afterFirst);

  unsubscribeFlaky = await feed.subscribe(SEASON, BURIRAM, afterFirst, flaky);
  assert.equal(flaky.lastId, last);
  assert.equal(flaky.frames.at(-1)?.event, 'delta', 'what it missed, not a new snapshot');
  assert.deepEqual(flaky.view, steady.view);
  // Null and absent mean the same in a merge patch: compare with the snapshot read the same way.
  assert.deepEqual(steady.view, fromSnapshot((await snapshot()).view as unknown as Json));
  assert.equal((steady.view as unknown as LiveView).cars['45']?.position, 1);

  // An id the server no longer holds (or never did) gets a fresh snapshot: nothing lost either.
  const stranger = new Client();
  const unsubscribeStranger = await feed.subscribe(SEASON, BURIRAM, '1.0-unknown', stranger);
  assert.deepEqual(
    stranger.frames.map((f) => f.event),
    ['snapshot'],
  );
  assert.deepEqual(stranger.view, steady.view);
  // Connecting with the current id sends nothing until something changes.
  const current = new Client();
  const unsubscribeCurrent = await feed.subscribe(SEASON, BURIRAM, last, current);
  assert.equal(current.frames.length, 0);
  for (const unsubscribe of [unsubscribeSteady, unsubscribeFlaky, unsubscribeStranger, unsubscribeCurrent]) {
    unsubscribe?.();
  }
});

test('updates are coalesced: many batches in a burst reach a client as few deltas', async () => {
  const slow = await openOffice(sharedDb(), { live: { intervalMs: 300 } });
  try {
    const slowFeed = await slow.live();
    const client = new Client();
    const unsubscribe = await slowFeed.subscribe(SEASON, BURIRAM, undefined, client);
    const started = client.frames.length;
    let last = '';
    for (let lap = 11; lap <= 30; lap += 1) {
      const posted = await slowFeed.ingest(SEASON, BURIRAM, { events: laps('45', lap, lap, 89_000) }, 'test');
      assert.ok(posted.ok);
      last = posted.value.lastEventId;
    }
    await until(() => client.lastId === last, 'the burst', 5000);
    const deltas = client.frames.length - started;
    assert.ok(deltas >= 1 && deltas <= 4, `20 batches reached the client as ${deltas} deltas`);
    assert.equal((client.view as unknown as LiveView).cars['45']?.laps, 30);
    unsubscribe?.();
  } finally {
    await slow.close();
  }
});

test('the leading edge: a change after a quiet spell goes out at once; those right after it wait for the window, together', async () => {
  const windowMs = 1500;
  const slow = await openOffice(sharedDb(), { live: { intervalMs: windowMs } });
  try {
    const slowFeed = await slow.live();
    const client = new Client();
    const unsubscribe = await slowFeed.subscribe(SEASON, BURIRAM, undefined, client);
    await new Promise((resolve) => setTimeout(resolve, windowMs)); // quiet
    const lap = (client.view as unknown as LiveView).cars['45']?.laps ?? 0;
    let started = performance.now();
    const first = await slowFeed.ingest(SEASON, BURIRAM, { events: laps('45', lap + 1, lap + 1, 89_000) }, 'test');
    assert.ok(first.ok);
    await until(() => client.lastId === first.value.lastEventId, 'the first change');
    const leading = performance.now() - started;
    assert.ok(leading < windowMs / 2, `the first change took ${leading.toFixed(0)} ms, not a window of ${windowMs}`);
    // Three more at once: one frame, at the end of the window after the first.
    const before = client.frames.length;
    started = performance.now();
    let last = '';
    for (let k = 2; k <= 4; k++) {
      const posted = await slowFeed.ingest(SEASON, BURIRAM, { events: laps('45', lap + k, lap + k, 89_000) }, 'test');
      assert.ok(posted.ok);
      last = posted.value.lastEventId;
    }
    await until(() => client.lastId === last, 'the burst', windowMs * 3);
    assert.equal(client.frames.length - before, 1);
    assert.ok(performance.now() - started > windowMs / 2, 'the burst waited for the window');
    assert.equal((client.view as unknown as LiveView).cars['45']?.laps, lap + 4);
    unsubscribe?.();
  } finally {
    await slow.close();
  }
});

test('a keep-alive comment goes to clients that had nothing for a while, never between frames that keep coming', async () => {
  const keepAliveMs = 400;
  const office2 = await openOffice(sharedDb(), { live: { intervalMs: 0, keepAliveMs } });
  try {
    const feed2 = await office2.live();
    const chunks: { at: number; text: string }[] = [];
    const unsubscribe = await feed2.subscribe(SEASON, BURIRAM, undefined, {
      write: (chunk) => chunks.push({ at: performance.now(), text: chunk.toString('utf8') }) > 0,
      close: () => undefined,
    });
    const comments = (from: number, to = Infinity) =>
      chunks.filter((c) => c.at >= from && c.at <= to && c.text.startsWith(':')).length;
    // Quiet: a comment within the period, and another one period later.
    const quietFrom = performance.now();
    await until(() => comments(quietFrom) >= 2, 'two keep-alive comments', keepAliveMs * 5);
    const [first, second] = chunks.filter((c) => c.at >= quietFrom && c.text.startsWith(':'));
    assert.ok(first && second && second.at - first.at <= keepAliveMs * 1.5, 'no client waits much over a period');
    // Busy: a lap every 50 ms for three periods; frames go out, comments do not.
    const busyFrom = performance.now();
    let lap = (await feed2.snapshot(SEASON, BURIRAM))?.view.cars['26']?.laps ?? 0;
    while (performance.now() - busyFrom < keepAliveMs * 3) {
      lap += 1;
      assert.ok((await feed2.ingest(SEASON, BURIRAM, { events: laps('26', lap, lap) }, 'test')).ok);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const frames = chunks.filter((c) => c.at >= busyFrom && c.text.includes('data: ')).length;
    assert.ok(frames >= 10, `${frames} frames`);
    assert.equal(comments(busyFrom + keepAliveMs / 2), 0, 'no comment while frames keep coming');
    unsubscribe?.();
  } finally {
    await office2.close();
  }
});

test('thousands of clients, frames overlapping in the fan-out: each client gets every frame once, in order', async () => {
  const quick = await openOffice(sharedDb(), { live: { intervalMs: 0 } });
  try {
    const quickFeed = await quick.live();
    const clients = Array.from({ length: 2500 }, () => new Client());
    for (const client of clients) await quickFeed.subscribe(SEASON, BURIRAM, undefined, client);
    const lap = (clients[0]?.view as unknown as LiveView).cars['26']?.laps ?? 0;
    const late: Client[] = [];
    let last = '';
    for (let k = 1; k <= 6; k++) {
      const posted = await quickFeed.ingest(SEASON, BURIRAM, { events: laps('26', lap + k, lap + k) }, 'test');
      assert.ok(posted.ok);
      last = posted.value.lastEventId;
      // One joins while frames are going out; one leaves.
      const joining = new Client();
      await quickFeed.subscribe(SEASON, BURIRAM, undefined, joining);
      late.push(joining);
    }
    await until(() => [...clients, ...late].every((c) => c.lastId === last), 'every client', 20_000);
    const { view } = (await quickFeed.snapshot(SEASON, BURIRAM)) ?? assert.fail('no snapshot');
    const seqOf = (id: string) => Number(id.split('.')[1]);
    for (const client of [...clients, ...late]) {
      const seqs = client.frames.map((f) => seqOf(f.id));
      assert.deepEqual(
        seqs,
        [...seqs].sort((a, b) => a - b),
        'in order',
      );
      assert.equal(new Set(seqs).size, seqs.length, 'once each');
      assert.deepEqual(client.view, fromSnapshot(view as unknown as Json));
    }
  } finally {
    await quick.close();
  }
});

test('a client that cannot keep up is closed and dropped; one that leaves while a frame goes out is not written; the others go on', async () => {
  const quick = await openOffice(sharedDb(), { live: { intervalMs: 0 } });
  try {
    const quickFeed = await quick.live();
    /** Takes its snapshot, then its buffer is full: the first write after it is refused. */
    class Stuck extends Client {
      writes = 0;
      override write(chunk: Buffer): boolean {
        super.write(chunk);
        this.writes += 1;
        return this.writes < 2;
      }
    }
    /** The first client the fan-out reaches; as it gets the first delta, the last client leaves. */
    class First extends Client {
      onDelta = (): void => undefined;
      override write(chunk: Buffer): boolean {
        super.write(chunk);
        if (this.frames.length > 1) this.onDelta();
        return true;
      }
    }
    const stuck = new Stuck();
    const first = new First();
    const staying = [first, ...Array.from({ length: 3000 }, () => new Client())];
    const leaving = new Client();
    await quickFeed.subscribe(SEASON, BURIRAM, undefined, stuck);
    for (const client of staying) await quickFeed.subscribe(SEASON, BURIRAM, undefined, client);
    const leave = await quickFeed.subscribe(SEASON, BURIRAM, undefined, leaving);
    first.onDelta = () => {
      leave?.();
      first.onDelta = () => undefined;
    };
    const before = quickFeed.clients();
    const lap = (leaving.view as unknown as LiveView).cars['26']?.laps ?? 0;
    let last = '';
    for (let k = 1; k <= 3; k++) {
      const posted = await quickFeed.ingest(SEASON, BURIRAM, { events: laps('26', lap + k, lap + k) }, 'test');
      assert.ok(posted.ok);
      last = posted.value.lastEventId;
    }
    await until(() => staying.every((c) => c.lastId === last), 'every staying client', 20_000);
    assert.equal(stuck.closed, true, 'the client that fell behind is closed');
    assert.equal(stuck.writes, 2, 'and written no more');
    assert.equal(leaving.frames.length, 1, 'the client that left before the fan-out reached it got only its snapshot');
    assert.equal(quickFeed.clients(), before - 2);
  } finally {
    await quick.close();
  }
});

test('a server started later on the same database rebuilds the same live view from the stored events', async () => {
  const { eventId, view } = await snapshot();
  const restarted = await openOffice(sharedDb());
  const again = await (await restarted.live()).snapshot(SEASON, BURIRAM);
  assert.deepEqual(again, { eventId, view });
  await restarted.close();
});

test('two servers taking turns to store batches, each applying its own as it stores them, show what the store rebuilds', async () => {
  const other = await openOffice(sharedDb(), { live: { intervalMs: 5, history: 64 } });
  const otherFeed = await other.live();
  assert.ok(await otherFeed.snapshot(SEASON, BURIRAM)); // loaded: it hears and applies from now on
  const { eventId } = await snapshot();
  const from = Number(eventId.split('.')[1]) > 0 ? 200 : 1;
  let last = '';
  for (let k = 0; k < 6; k++) {
    const lap = from + k;
    // Fields a reader may leave out or null, as a timing system sends them.
    const events = laps(k % 2 ? '26' : '22', lap, lap).map((e) => ({
      ...e,
      sectorTimesMs: [30_000, null, 30_000],
      ...(k === 3 ? { pitTimeMs: 25_000, crossedInPit: true } : {}),
    }));
    const posted = await (k % 3 === 2 ? otherFeed : feed).ingest(SEASON, BURIRAM, { events }, 'test');
    assert.ok(posted.ok);
    last = posted.value.lastEventId;
  }
  await caughtUp(last);
  await until(async () => (await otherFeed.snapshot(SEASON, BURIRAM))?.eventId === last, 'the other server');
  const here = await snapshot();
  const there = await otherFeed.snapshot(SEASON, BURIRAM);
  await other.close();
  const fresh = await openOffice(sharedDb());
  const rebuilt = await (await fresh.live()).snapshot(SEASON, BURIRAM);
  await fresh.close();
  assert.deepEqual(here, rebuilt);
  assert.deepEqual(there, rebuilt);
});

test("a batch a server stores reaches its clients without being read back, though the store's notice of it comes first", async () => {
  let reads = 0;
  const counting: Database = {
    ...sharedDb(),
    query: (text, params) => {
      if (/FROM live_events/.test(text)) reads += 1;
      return office.db.query(text, params);
    },
  };
  const other = await openOffice(counting, { live: { intervalMs: 5, history: 64 } });
  try {
    const otherFeed = await other.live();
    const client = new Client();
    const unsubscribe = await otherFeed.subscribe(SEASON, BURIRAM, undefined, client);
    assert.ok(unsubscribe);
    const { eventId } = await snapshot();
    const lap = Number(eventId.split('.')[1]) + 500;
    reads = 0;
    for (let k = 0; k < 3; k++) {
      const posted = await otherFeed.ingest(SEASON, BURIRAM, { events: laps('22', lap + k, lap + k) }, 'test');
      assert.ok(posted.ok);
      await until(() => client.lastId === posted.value.lastEventId, posted.value.lastEventId);
    }
    assert.equal(reads, 0, 'events read back from the store');
    unsubscribe();
  } finally {
    await other.close();
  }
});

test('a reset starts the feed over; clients get a fresh snapshot', async () => {
  const client = new Client();
  const unsubscribe = await feed.subscribe(SEASON, BURIRAM, undefined, client);
  const reset = await feed.reset(SEASON, BURIRAM);
  assert.ok(reset.ok);
  assert.match(reset.value.lastEventId, /^2\.\d+$/);
  await until(() => client.frames.at(-1)?.event === 'snapshot' && client.frames.length > 1, 'the snapshot');
  assert.deepEqual((client.view as unknown as LiveView).cars, {});
  const posted = await feed.ingest(SEASON, BURIRAM, { events: laps('26', 1, 1) }, 'test');
  assert.ok(posted.ok);
  await until(() => client.lastId === posted.value.lastEventId, 'the new feed');
  assert.deepEqual(Object.keys((client.view as unknown as LiveView).cars), ['26']);
  unsubscribe?.();
});
