/**
 * The live feed: timing events in, live views out. Events are validated and stored
 * (src/store/live-events.ts); every server — this one and any other on the same PostgreSQL —
 * hears the NOTIFY, reads the new events in sequence order, folds them into the race state
 * (src/live/), and pushes a delta to its clients: the first change after a quiet spell at once,
 * later ones together, as often as `intervalMs` and the fan-out to the clients allow.
 *
 * Frame ids are `feed.seq`: the view after event `seq` is the same on every server, so a client
 * that reconnects with `Last-Event-ID` gets the difference between that view and now when the
 * server still holds it, and a full snapshot otherwise. Nothing is lost either way.
 */
import type { Refusal } from '../domain/problem.ts';
import type { Database } from '../store/database.ts';
import { appendLiveEvents, LIVE_CHANNEL, liveEventsSince, readNotice, resetLiveFeed } from '../store/live-events.ts';
import type { StoredBatch } from '../store/live-events.ts';
import { SEASONS_CHANNEL } from '../store/seasons.ts';
import type { Season } from '../domain/season.ts';
import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import type { LiveEventProblem } from '../formats/live-event.ts';
import { isLiveEventProblem, readLiveEvent } from '../formats/live-event.ts';
import { liveEventId, SSE_KEEP_ALIVE, sseFrame } from '../formats/server-sent-events.ts';
import type { LapEvent } from '../domain/lap-event.ts';
import type { RaceState } from '../live/race-state.ts';
import { applyLap, EMPTY_RACE, raceContext } from '../live/race-state.ts';
import type { RaceContext } from '../live/race-state.ts';
import { liveView } from '../live/live-view.ts';
import type { LiveView } from '../live/view.ts';
import { liveDelta } from '../live/delta.ts';
import type { Office } from './office.ts';
import { quote } from '../formats/text.ts';

/** The most events one request may carry: a 24-hour race at ×20 sends about 40 per tick. */
export const MAX_BATCH = 1000;

export interface LiveFeedOptions {
  readonly now?: () => Date;
  /**
   * Coalescing: after a frame, changes wait this long for the next one (20 ms by default: chosen
   * on bench/live.ts); a change after a quiet spell goes out at once.
   */
  readonly intervalMs?: number;
  /** At most this long without a byte to a client: a comment then, so idle connections stay open through proxies. */
  readonly keepAliveMs?: number;
  /** Views kept for clients that reconnect with Last-Event-ID. */
  readonly history?: number;
  /** Told about a failure to read the store; the feed carries on with the next notification. */
  readonly onError?: (error: unknown) => void;
}

/** A connected client: gets the encoded frames. Returns false when it cannot keep up. */
export interface LiveClient {
  write(chunk: Buffer): boolean;
  /** Called when the client is dropped (it fell too far behind, or the feed closes). */
  close(): void;
}

export interface IngestReport {
  readonly accepted: number;
  readonly rejected: readonly LiveEventProblem[];
  readonly lastEventId: string;
}

/** A batch refused as a whole: no such round, or not a batch. */
export type LiveRefusal = Refusal<'not-found' | 'bad-request'>;

export interface LiveFeed {
  /** Validates a batch `{ events: [...] }`, stores the well-formed events, and reports the rest. */
  ingest(seasonId: string, round: number, body: unknown, by: string): Promise<Result<IngestReport, LiveRefusal>>;
  /** Starts the round's feed over (events stay stored, for the audit trail). */
  reset(seasonId: string, round: number): Promise<Result<{ lastEventId: string }, LiveRefusal>>;
  /** The current view and its id; undefined when the season has no such round. */
  snapshot(seasonId: string, round: number): Promise<{ eventId: string; view: LiveView } | undefined>;
  /**
   * Connects a client: a snapshot (or, with a `lastEventId` still held, what it missed), then
   * deltas. Returns the unsubscribe function; undefined when the season has no such round.
   */
  subscribe(
    seasonId: string,
    round: number,
    lastEventId: string | undefined,
    client: LiveClient,
  ): Promise<(() => void) | undefined>;
  /** Clients connected, over all races. */
  clients(): number;
  close(): Promise<void>;
}

interface Published {
  readonly id: string;
  readonly view: LiveView;
}

/**
 * How long one turn of the event loop writes to clients. A frame to 10,000 clients is some
 * 100 ms of socket writes; in slices, a post from the timing system (and a page) is answered
 * between them instead of after all of them, and the next frame need not wait for this one.
 * The slice is a time, not a number of clients: what a post waits for is the slice in hand.
 */
const SLICE_MS = 2;
/** Clients written between two looks at the clock. */
const CLIENTS_PER_LOOK = 32;

/**
 * Frames waiting to go out at most; a change while this many are waiting waits too. A guard, not
 * a window: a frame made while others are going out costs their clients nothing (it joins their
 * write), and holding it back only made it later (bench/live.ts: p99 293 -> 253 ms with 32, not 3).
 */
const FRAMES_WAITING = 32;

/** A client as the fan-out keeps it: the serial of the first frame it has not had. */
interface Listener {
  readonly client: LiveClient;
  due: number;
  gone: boolean;
}

interface Outgoing {
  readonly serial: number;
  readonly frame: Buffer;
  /** The clients connected when it was made (later ones have it in their greeting), in turn. */
  readonly to: readonly Listener[];
  at: number;
}

/**
 * Frames written to clients a slice at a time, one pass over the clients at a time. A frame made
 * while a pass is going on joins it: each client the pass reaches from then on gets every frame it
 * has not had in one write, and the next pass takes only the clients the first had passed. So a
 * new frame never waits for the last one to reach every client, and no client is written twice
 * when once will do; each gets every frame once, in order.
 */
class FanOut {
  private serial = 0;
  /** Each client's own record, reached straight from a pass: no lookup per client per frame. */
  private readonly listeners = new Map<LiveClient, Listener>();
  private readonly queue: Outgoing[] = [];
  private turn: NodeJS.Immediate | undefined;
  /**
   * Frames run together for the clients that need several, by the serial they run from (to the
   * latest: emptied when a frame is made). A number, not a string of both serials: a key made per
   * client was most of what the fan-out allocated, and so of the scavenges that held it up.
   */
  private readonly joinedFrames = new Map<number, Buffer>();

  constructor(private readonly onDone: () => void) {}

  get size(): number {
    return this.listeners.size;
  }

  /** True when as many frames as may be are still waiting to go out. */
  get busy(): boolean {
    return this.queue.length >= FRAMES_WAITING;
  }

  /** A client that connects now: its greeting holds everything sent so far. */
  add(client: LiveClient): void {
    this.listeners.set(client, { client, due: this.serial + 1, gone: false });
  }

  remove(client: LiveClient): void {
    const listener = this.listeners.get(client);
    if (!listener) return;
    listener.gone = true;
    this.listeners.delete(client);
  }

  /** When the last frame was handed to the clients (performance.now()). */
  lastSentAt = Number.NEGATIVE_INFINITY;

  send(frame: Buffer): void {
    this.serial += 1;
    this.joinedFrames.clear();
    this.lastSentAt = performance.now();
    if (this.listeners.size === 0) return;
    this.queue.push({ serial: this.serial, frame, to: [...this.listeners.values()], at: 0 });
    // A pass going on takes the frame along; otherwise one starts once the I/O in hand is done
    // (the answer to the post that brought the change goes out first).
    if (!this.turn) this.turn = setImmediate(this.write);
  }

  private readonly write = (): void => {
    this.turn = undefined;
    const before = this.queue.length;
    const until = performance.now() + SLICE_MS;
    for (let pass = this.queue[0]; pass; pass = this.queue[0]) {
      const end = Math.min(pass.to.length, pass.at + CLIENTS_PER_LOOK);
      while (pass.at < end) this.deliver(pass.to[pass.at++] as Listener);
      if (pass.at >= pass.to.length) this.queue.shift();
      if (performance.now() >= until) break;
    }
    if (this.queue.length > 0) this.turn = setImmediate(this.write);
    if (this.queue.length < before) {
      this.joinedFrames.clear();
      this.onDone();
    }
  };

  /** Writes a client every frame it has not had, in one write. */
  private deliver(listener: Listener): void {
    // Gone since, or has them all: a pass reached it after a newer frame was made.
    if (listener.gone || listener.due > this.serial) return;
    const due = listener.due;
    listener.due = this.serial + 1;
    if (!listener.client.write(this.framesFrom(due))) {
      // It fell behind by more than its buffer: drop it; it reconnects with Last-Event-ID.
      this.remove(listener.client);
      listener.client.close();
    }
  }

  /** The frames from serial `due` to the latest, as one buffer (made once for all who need them). */
  private framesFrom(due: number): Buffer {
    const last = this.queue.at(-1);
    if (last?.serial === due) return last.frame;
    return this.joinedFrames.get(due) ?? this.join(due);
  }

  /**
   * Kept out of `framesFrom`, which runs for every client: a closure over `due` there would make
   * V8 allocate a context on every call, and those allocations were most of the fan-out's.
   */
  private join(due: number): Buffer {
    const joined = Buffer.concat(this.queue.filter((o) => o.serial >= due).map((o) => o.frame));
    this.joinedFrames.set(due, joined);
    return joined;
  }

  /** Stops writing and closes every client. */
  stop(): void {
    clearImmediate(this.turn);
    this.queue.length = 0;
    for (const listener of this.listeners.values()) {
      listener.gone = true;
      listener.client.close();
    }
    this.listeners.clear();
  }
}

class LiveRace {
  state: RaceState = EMPTY_RACE;
  feed = 0;
  seq = 0;
  season: Season;
  context: RaceContext;
  published: Published;
  readonly history: Published[] = [];
  private pulling: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  /** A frame is to be made once the work in hand is done. */
  private publishing = false;
  /** When the window after the last frame ends: a change before then waits for it. */
  private nextPublishAt = Number.NEGATIVE_INFINITY;
  private dirty = false;

  constructor(
    private readonly feedOf: { db: Database; office: Office; options: Required<LiveFeedOptions> },
    readonly seasonId: string,
    readonly round: number,
    season: Season,
  ) {
    this.season = season;
    this.context = raceContext(season, round);
    this.published = { id: liveEventId(0, 0), view: this.view() };
  }

  private view(): LiveView {
    return liveView(this.state, this.season, this.round);
  }

  /** Bumped whenever the state or the season changes: the cached view is then stale. */
  private version = 0;
  private latest: { version: number; published: Published } | undefined;
  /** The snapshot new clients are sent, made once per frame published: thousands may connect in between. */
  private snapshotFrame: { of: Published; frame: Buffer } | undefined;

  /** The view of everything applied so far, computed at most once per change. */
  current(): Published {
    if (this.latest?.version !== this.version) {
      this.latest = { version: this.version, published: { id: liveEventId(this.feed, this.seq), view: this.view() } };
    }
    return this.latest.published;
  }

  private changed(): void {
    this.version += 1;
    this.dirty = true;
  }

  /** Runs `work` after everything the race was given before: reads and applies never interleave. */
  private inTurn(work: () => Promise<void> | void): Promise<void> {
    this.pulling = this.pulling.then(work).catch(this.feedOf.options.onError);
    return this.pulling;
  }

  /** Reads what was stored since the last pull; pulls run one after another. */
  pull(): Promise<void> {
    return this.inTurn(() => this.readNew());
  }

  /**
   * Told of events stored (by any server): read them unless they are applied already. Checked in
   * turn, after the batches this server is storing: the store's notification of one of them comes
   * before its insert has answered, and must then find it applied rather than read it back.
   */
  heard(feed: number, lastSeq: number): void {
    void this.inTurn(() => (feed !== this.feed || lastSeq > this.seq ? this.readNew() : undefined));
  }

  /**
   * A batch this server is storing, applied as it was checked once stored, without reading it
   * back: its frame need not wait for a second query. Only when it follows the events applied so
   * far; otherwise (another server's events in between, a reset) the store is read as on a
   * notification. A batch that fails to store is the ingest's error, not the feed's.
   */
  storing(batch: Promise<StoredBatch>, events: readonly LapEvent[]): void {
    void this.inTurn(async () => {
      const stored = await batch.catch(() => undefined);
      if (!stored) return;
      if (stored.feed !== this.feed || stored.firstSeq !== this.seq + 1) return this.readNew();
      for (const event of events) this.state = applyLap(this.state, event, this.context);
      this.seq = stored.lastSeq;
      this.changed();
      this.schedule();
    });
  }

  private async readNew(): Promise<void> {
    const { db, office } = this.feedOf;
    const season = await office.season(this.seasonId);
    if (season && season !== this.season) {
      this.season = season;
      this.context = raceContext(season, this.round);
      this.changed();
    }
    let batch = await liveEventsSince(db, this.seasonId, this.round, this.seq);
    if (batch.feed !== this.feed) {
      // A reset (or the first read): the race starts over from the new feed's first event.
      this.feed = batch.feed;
      this.state = EMPTY_RACE;
      this.seq = 0;
      this.history.length = 0;
      this.changed();
      batch = await liveEventsSince(db, this.seasonId, this.round, 0);
    }
    for (const stored of batch.events) {
      if (stored.seq <= this.seq) continue; // applied as this server stored it
      const event = readLiveEvent(stored.event, 0);
      // Stored events were checked when they came in; one a later version no longer reads is
      // skipped rather than allowed to stop the feed.
      if (!isLiveEventProblem(event)) this.state = applyLap(this.state, event, this.context);
      this.seq = stored.seq;
      this.changed();
    }
    if (batch.events.length === 0 && this.seq < batch.lastSeq) this.seq = batch.lastSeq;
    if (this.dirty) this.schedule();
  }

  /**
   * The leading edge: a change after a quiet spell goes out at once (when the work in hand is
   * done, not after the I/O waiting nor a timer's tick later). A change within `intervalMs` of
   * the last frame waits for the window's end, and one that comes while many frames are still
   * waiting to reach the clients waits for the oldest to reach them all; changes that wait go out
   * together. A frame made while others are going out joins them: each client the fan-out
   * reaches from then on gets all it has not had in one write.
   */
  private schedule(): void {
    if (this.timer || this.publishing || this.sending.busy) return;
    const wait = this.nextPublishAt - performance.now();
    if (wait <= 0) {
      // Once the changes applied in this turn are in, not after the I/O waiting: a slice of the
      // fan-out of the last frame may be waiting there.
      this.publishing = true;
      queueMicrotask(() => {
        this.publishing = false;
        this.publish();
      });
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.publish();
    }, wait);
  }

  private publish(): void {
    if (!this.dirty) return;
    const { id, view } = this.current();
    this.dirty = false;
    const patch = liveDelta(this.published.view, view);
    const resetFeed = this.published.id.split('.')[0] !== String(this.feed);
    this.published = { id, view };
    this.history.push(this.published);
    if (this.history.length > this.feedOf.options.history) this.history.shift();
    if (patch === undefined && !resetFeed) return;
    const frame = resetFeed
      ? sseFrame('snapshot', id, JSON.stringify(view))
      : sseFrame('delta', id, JSON.stringify(patch));
    this.nextPublishAt = performance.now() + this.feedOf.options.intervalMs;
    this.broadcast(frame);
  }

  /** Sends a frame to every client connected now, a slice of them per turn of the event loop. */
  broadcast(frame: Buffer): void {
    this.sending.send(frame);
  }

  /** A frame has reached every client: a change that waited for it goes out. */
  private sent(): void {
    if (this.dirty) this.schedule();
  }

  readonly sending = new FanOut(() => this.sent());

  /** What a client connecting with `lastEventId` is sent first. */
  greeting(lastEventId: string | undefined): Buffer | undefined {
    const { id, view } = this.published;
    if (lastEventId === id) return undefined;
    const known = lastEventId === undefined ? undefined : this.history.find((p) => p.id === lastEventId);
    if (known) {
      const patch = liveDelta(known.view, view);
      return sseFrame('delta', id, JSON.stringify(patch ?? {}));
    }
    if (this.snapshotFrame?.of !== this.published) {
      this.snapshotFrame = { of: this.published, frame: sseFrame('snapshot', id, JSON.stringify(view)) };
    }
    return this.snapshotFrame.frame;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.sending.stop();
  }
}

export async function openLiveFeed(db: Database, office: Office, options: LiveFeedOptions = {}): Promise<LiveFeed> {
  const settings: Required<LiveFeedOptions> = {
    now: options.now ?? (() => new Date()),
    onError: options.onError ?? (() => undefined),
    intervalMs: options.intervalMs ?? 20,
    keepAliveMs: options.keepAliveMs ?? 15_000,
    history: options.history ?? 256,
  };
  const shared = { db, office, options: settings };
  const races = new Map<string, Promise<LiveRace | undefined>>();
  const loaded = new Set<LiveRace>();
  const keyOf = (seasonId: string, round: number) => `${round}|${seasonId}`;

  const roundExists = (season: Season | undefined, round: number): season is Season =>
    season !== undefined && season.rounds.some((r) => r.round === round);

  /** The race, loaded (and caught up with the store) on first use. */
  const raceOf = (seasonId: string, round: number): Promise<LiveRace | undefined> => {
    const key = keyOf(seasonId, round);
    let race = races.get(key);
    if (!race) {
      race = (async () => {
        const season = await office.season(seasonId);
        if (!roundExists(season, round)) return undefined;
        const race = new LiveRace(shared, seasonId, round, season);
        loaded.add(race);
        await race.pull();
        return race;
      })();
      races.set(key, race);
      // An unknown round is not remembered: the season may be imported later.
      void race.then((r) => {
        if (!r) races.delete(key);
      });
    }
    return race;
  };

  const unlistenLive = await db.listen(LIVE_CHANNEL, (payload) => {
    const notice = readNotice(payload);
    if (!notice) return;
    void races.get(keyOf(notice.seasonId, notice.round))?.then((r) => r?.heard(notice.feed, notice.lastSeq));
  });
  // A stewards' decision or a new season file changes the live standings too.
  const unlistenSeasons = await db.listen(SEASONS_CHANNEL, (seasonId) => {
    for (const race of races.values()) void race.then((r) => (r && r.seasonId === seasonId ? r.pull() : undefined));
  });
  // Only to a race's clients that have had nothing for half the period: during a race they get
  // frames all the time, and a comment to 10,000 of them is a whole pass of writes that the
  // frames would wait for. Looked at every half period, so that no client waits a whole one.
  const keepAlive = setInterval(() => {
    const quietSince = performance.now() - settings.keepAliveMs / 2;
    for (const race of loaded) if (race.sending.lastSentAt <= quietSince) race.broadcast(SSE_KEEP_ALIVE);
  }, settings.keepAliveMs / 2);
  keepAlive.unref();

  const notFound = (seasonId: string, round: number): LiveRefusal => ({
    code: 'not-found',
    message: `season ${quote(seasonId)} has no round ${round}`,
  });

  return {
    ingest: async (seasonId, round, body, by) => {
      if (!roundExists(await office.season(seasonId), round)) return err(notFound(seasonId, round));
      const events = typeof body === 'object' && body !== null && 'events' in body ? body.events : undefined;
      if (!Array.isArray(events)) {
        return err({ code: 'bad-request', message: 'expected a JSON object { "events": [ ... ] }' });
      }
      if (events.length > MAX_BATCH) {
        return err({ code: 'bad-request', message: `at most ${MAX_BATCH} events per request, not ${events.length}` });
      }
      const accepted: LapEvent[] = [];
      const rejected: LiveEventProblem[] = [];
      events.forEach((raw: unknown, index) => {
        const read = readLiveEvent(raw, index);
        if (isLiveEventProblem(read)) rejected.push(...read);
        else accepted.push(read);
      });
      const storing = appendLiveEvents(db, seasonId, round, accepted, by, settings.now());
      // Chained now, before the store's notification of this batch can arrive (see `heard`).
      if (accepted.length > 0) void races.get(keyOf(seasonId, round))?.then((r) => r?.storing(storing, accepted));
      const stored = await storing;
      return ok({ accepted: accepted.length, rejected, lastEventId: liveEventId(stored.feed, stored.lastSeq) });
    },
    reset: async (seasonId, round) => {
      if (!roundExists(await office.season(seasonId), round)) return err(notFound(seasonId, round));
      const stored = await resetLiveFeed(db, seasonId, round);
      return ok({ lastEventId: liveEventId(stored.feed, stored.lastSeq) });
    },
    snapshot: async (seasonId, round) => {
      const race = await raceOf(seasonId, round);
      if (!race) return undefined;
      await race.pull();
      const { id, view } = race.current();
      return { eventId: id, view };
    },
    subscribe: async (seasonId, round, lastEventId, client) => {
      const race = await raceOf(seasonId, round);
      if (!race) return undefined;
      const first = race.greeting(lastEventId);
      if (first) client.write(first);
      race.sending.add(client);
      return () => race.sending.remove(client);
    },
    clients: () => [...loaded].reduce((count, race) => count + race.sending.size, 0),
    close: async () => {
      clearInterval(keepAlive);
      await unlistenLive();
      await unlistenSeasons();
      for (const race of loaded) race.stop();
      loaded.clear();
      races.clear();
    },
  };
}
