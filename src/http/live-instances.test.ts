/**
 * Two Pitwall instances on one database serve the same live feed: events posted to either reach
 * the clients of both, through PostgreSQL's LISTEN/NOTIFY. With DATABASE_URL the instances are
 * two `pitwall serve` processes on the PostgreSQL server (a schema of this test's own); without
 * it, two servers in this process on one embedded PGlite, whose NOTIFY works the same way.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import pg from 'pg';
import type { Database } from '../store/database.ts';
import { openPglite, openPostgres } from '../store/database.ts';
import { openOffice } from '../app/office.ts';
import type { Office } from '../app/office.ts';
import { openOfficials } from '../app/officials.ts';
import { startServer } from './server.ts';
import type { RunningServer } from './server.ts';
import { parseLapAnalysisCsv } from '../formats/timing/lap-analysis-csv.ts';
import { replayEvents } from '../live/replay-schedule.ts';
import type { WireEvent } from '../live/replay-schedule.ts';
import { fromSnapshot } from '../live/delta.ts';
import type { Json } from '../live/delta.ts';
import type { LiveView } from '../live/view.ts';
import { LE_MANS_2024, leMans2024SeasonYaml } from '../../test/support/le-mans-2024-season.ts';
import { needsRecordedRaces, timingBytes } from '../../test/support/timing-fixtures.ts';
import { SseClient } from '../../test/support/sse-client.ts';

const BIN = new URL('../../bin/pitwall.js', import.meta.url).pathname;
const ROUND_PATH = `/seasons/${LE_MANS_2024.seasonId}/rounds/${LE_MANS_2024.round}`;
const DATABASE_URL = process.env.DATABASE_URL;

interface Instance {
  readonly url: string;
  stop(): Promise<void>;
}

let instances: Instance[] = [];
let token = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
let events: WireEvent[] = [];

/** Imports the season and makes a timing token, on the database both instances will share. */
async function prepare(db: Database): Promise<Office> {
  const office = await openOffice(db);
  const imported = await office.importSeasonFile(leMans2024SeasonYaml(), 'le-mans-2024.yaml');
  assert.ok(imported.ok);
  const created = await openOfficials(db).createToken({ name: 'timing-two-instances', scope: 'timing' });
  assert.ok(created.ok);
  token = created.value.token;
  return office;
}

/** `pitwall serve` in a process of its own; resolves with its URL once it logs that it serves. */
function serveProcess(databaseUrl: string): Promise<Instance> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', LOG_LEVEL: 'info', PITWALL_LIVE_INTERVAL_MS: '50' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('pitwall serve did not start in 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`pitwall serve exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return; // the CLI's own words on shutdown, not a log record
      const logged = JSON.parse(line) as { msg?: string; url?: string };
      if (logged.msg !== 'Pitwall is serving' || !logged.url) return;
      clearTimeout(timer);
      resolve({
        url: logged.url.replace('localhost', '127.0.0.1'),
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

before(async () => {
  if (needsRecordedRaces.skip) return; // the tests are skipped: nothing to set up
  const laps = parseLapAnalysisCsv(timingBytes('leMans2024Laps'), 'le_mans_24h.csv');
  assert.ok(laps.ok);
  // The first two hours and a half of the race: enough for the order to change many times.
  events = replayEvents(laps.value.laps).filter((e) => e.elapsedMs <= 9_000_000);

  if (DATABASE_URL) {
    const schema = `pitwall_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const db = await openPostgres(DATABASE_URL, { searchPath: schema });
    await (await prepare(db)).close(); // closes the database too
    instances = await Promise.all([serveProcess(url.href), serveProcess(url.href)]);
    cleanup = async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    };
  } else {
    const db = await openPglite();
    await prepare(db);
    // The second server must not close the database the first one still uses.
    const shared: Database = { ...db, close: () => Promise.resolve() };
    process.env.PITWALL_LIVE_INTERVAL_MS = '50';
    process.env.LOG_LEVEL ??= 'silent';
    const servers: RunningServer[] = [];
    for (const database of [shared, shared]) {
      servers.push(await startServer({ port: 0, host: '127.0.0.1', dataDir: '', database }));
    }
    delete process.env.PITWALL_LIVE_INTERVAL_MS;
    instances = servers.map((s) => ({ url: s.url.replace('localhost', '127.0.0.1'), stop: () => s.stop() }));
    cleanup = () => db.close();
  }
});

after(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await cleanup();
});

async function post(instance: Instance, batch: unknown[]): Promise<{ accepted: number; lastEventId: string }> {
  const response = await fetch(`${instance.url}/api/v1/admin${ROUND_PATH}/live/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events: batch }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as { accepted: number; lastEventId: string };
}

async function snapshotOf(instance: Instance): Promise<{ eventId: string; view: LiveView }> {
  const response = await fetch(`${instance.url}/api/v1${ROUND_PATH}/live`);
  assert.equal(response.status, 200);
  return (await response.json()) as { eventId: string; view: LiveView };
}

const streamOf = (instance: Instance) => `${instance.url}/api/v1${ROUND_PATH}/live/stream`;

test(
  `events posted to either instance reach the clients of both (${DATABASE_URL ? 'two processes on PostgreSQL' : 'two servers on one PGlite'})`,
  needsRecordedRaces,
  async () => {
    const [a, b] = instances;
    assert.ok(a && b);
    const onA = new SseClient();
    const onB = new SseClient();
    assert.equal(await onA.connect(streamOf(a)), 200);
    assert.equal(await onB.connect(streamOf(b)), 200);
    // A client that drops out half way and comes back on the other instance with Last-Event-ID.
    const roaming = new SseClient();
    await roaming.connect(streamOf(a));

    const half = Math.floor(events.length / 2);
    let last = '';
    for (let i = 0; i < events.length; i += 500) {
      const target = (i / 500) % 2 === 0 ? a : b;
      const batch: unknown[] = events.slice(i, i + 500);
      if (i === 1000) batch.splice(7, 0, { car: '50', lap: 'three' }, null); // malformed: refused, feed goes on
      const answer = await post(target, batch);
      assert.equal(answer.accepted, Math.min(500, events.length - i));
      last = answer.lastEventId;
      if (i <= half && half < i + 500) {
        await roaming.until(last);
        roaming.close();
      }
    }
    const resumedFrom = roaming.lastId;
    assert.ok(resumedFrom && resumedFrom !== last);
    const resumed = new SseClient();
    resumed.view = roaming.view;
    assert.equal(await resumed.connect(streamOf(b), resumedFrom), 200);

    await Promise.all([onA.until(last), onB.until(last), resumed.until(last)]);
    const [fromA, fromB] = await Promise.all([snapshotOf(a), snapshotOf(b)]);
    assert.equal(fromA.eventId, last);
    assert.equal(fromB.eventId, last);
    assert.deepEqual(fromA.view, fromB.view);
    const expected = fromSnapshot(fromA.view as unknown as Json);
    assert.deepEqual(onA.view, expected);
    assert.deepEqual(onB.view, expected);
    assert.deepEqual(resumed.view, expected, 'the client that came back on the other instance lost nothing');

    // What the view says is the race itself: every event, and the leader after 2 h 30.
    assert.equal(fromA.view.race.events, events.length);
    assert.equal(fromA.view.race.rejected['duplicate-lap'], 0);
    const leader = Object.values(fromA.view.cars).find((car) => car.position === 1);
    const mostLaps = Math.max(...events.map((e) => e.lap));
    assert.equal(leader?.laps, mostLaps);
    for (const client of [onA, onB, resumed]) client.close();
  },
);

test('the stream of a round that does not exist is a 404, not an open connection', needsRecordedRaces, async () => {
  const [a] = instances;
  assert.ok(a);
  const response = await fetch(`${a.url}/api/v1/seasons/${LE_MANS_2024.seasonId}/rounds/9/live/stream`);
  assert.equal(response.status, 404);
  assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'not-found');
});
