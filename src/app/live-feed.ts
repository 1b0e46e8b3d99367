/**
 * The live feed: timing events in, live views out. Events are validated and stored
 * (src/store/live-events.ts); every server — this one and any other on the same PostgreSQL —
 * hears the NOTIFY, reads the new events in sequence order, folds them into the race state
 * (src/live/), and pushes a delta to its clients: the first change after a quiet spell at once,
 * later ones together once the last frame has reached every client (and `intervalMs` after).
 *
 * Frame ids are `feed.seq`: the view after event `seq` is the same on every server, so a client
 * that reconnects with `Last-Event-ID` gets the difference between that view and now when the
 * server still holds it, and a full snapshot otherwise. Nothing is lost either way.
 */
import type { Refusal } from '../domain/problem.ts';
import type { Database } from '../store/database.ts';
import { appendLiveEvents, LIVE_CHANNEL, liveEventsSince, readNotice, resetLiveFeed } from '../store/live-events.ts';
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
   * Coalescing: after a frame has reached every client, changes wait this long for the next one
   * (20 ms by default: chosen on bench/live.ts); a change after a quiet spell goes out at once.
   */
  readonly intervalMs?: number;
  /** A comment to every client this often, so idle connections stay open through proxies. */
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
 * Clients written to per turn of the event loop. A frame to 10,000 clients is some 100 ms of
 * socket writes; in slices, a post from the timing system (and a page) is answered between them
 * instead of after all of them, and its events reach the next frame sooner.
 */
const CLIENTS_PER_TURN = 1000;

/** Frames written to clients in order, a slice of clients at a time; each frame to those connected when it was made. */
class FanOut {
  private readonly queue: { frame: Buffer; to: LiveClient[]; next: number; clients: Set<LiveClient> }[] = [];
  private turn: NodeJS.Immediate | undefined;

  constructor(private readonly onDone: () => void) {}

  get busy(): boolean {
    return this.queue.length > 0;
  }

  send(frame: Buffer, clients: Set<LiveClient>): void {
    if (clients.size === 0) return;
    // A client that connects after this frame was made has it already, in its greeting.
    this.queue.push({ frame, to: [...clients], next: 0, clients });
    if (this.queue.length === 1) this.write();
  }

  private readonly write = (): void => {
    this.turn = undefined;
    let budget = CLIENTS_PER_TURN;
    for (let head = this.queue[0]; head && budget > 0; head = this.queue[0]) {
      for (; head.next < head.to.length && budget > 0; budget--) {
        const client = head.to[head.next++] as LiveClient;
        if (!head.clients.has(client)) continue; // gone since
        if (!client.write(head.frame)) {
          // It fell behind by more than its buffer: drop it; it reconnects with Last-Event-ID.
          head.clients.delete(client);
          client.close();
        }
      }
      if (head.next >= head.to.length) this.queue.shift();
    }
    if (this.queue.length > 0) this.turn = setImmediate(this.write);
    else this.onDone();
  };

  stop(): void {
    clearImmediate(this.turn);
    this.queue.length = 0;
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
  readonly clients = new Set<LiveClient>();
  private pulling: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  /** When the window after the last frame's fan-out ends: a change before then waits for it. */
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

  /** Reads what was stored since the last pull; pulls run one after another. */
  pull(): Promise<void> {
    this.pulling = this.pulling.then(() => this.readNew()).catch(this.feedOf.options.onError);
    return this.pulling;
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
   * The leading edge: a change after a quiet spell goes out at once (after the I/O already
   * waiting, not a timer's tick later). Changes that come while a frame is still being written to
   * the clients, or within `intervalMs` after it was, wait and go out together in the next frame:
   * the window is what the fan-out takes, measured frame by frame, so with a few clients every
   * change is a frame and with thousands they batch up as much as the writing needs.
   */
  private schedule(): void {
    if (this.timer || this.immediate || this.sending.busy) return;
    const wait = this.nextPublishAt - performance.now();
    if (wait <= 0) {
      this.immediate = setImmediate(() => {
        this.immediate = undefined;
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
    this.broadcast(frame);
  }

  /** Sends a frame to every client connected now, a slice of them per turn of the event loop. */
  broadcast(frame: Buffer): void {
    this.sending.send(frame, this.clients);
  }

  /** The fan-out is done: a change that came meanwhile goes out after the window. */
  private sent(): void {
    this.nextPublishAt = performance.now() + this.feedOf.options.intervalMs;
    if (this.dirty) this.schedule();
  }

  private readonly sending = new FanOut(() => this.sent());

  /** What a client connecting with `lastEventId` is sent first. */
  greeting(lastEventId: string | undefined): Buffer | undefined {
    const { id, view } = this.published;
    if (lastEventId === id) return undefined;
    const known = lastEventId === undefined ? undefined : this.history.find((p) => p.id === lastEventId);
    if (known) {
      const patch = liveDelta(known.view, view);
      return sseFrame('delta', id, JSON.stringify(patch ?? {}));
    }
    return sseFrame('snapshot', id, JSON.stringify(view));
  }

  stop(): void {
    clearTimeout(this.timer);
    clearImmediate(this.immediate);
    this.sending.stop();
    for (const client of this.clients) client.close();
    this.clients.clear();
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
    const race = notice && races.get(keyOf(notice.seasonId, notice.round));
    void race?.then((r) => r?.pull());
  });
  // A stewards' decision or a new season file changes the live standings too.
  const unlistenSeasons = await db.listen(SEASONS_CHANNEL, (seasonId) => {
    for (const race of races.values()) void race.then((r) => (r && r.seasonId === seasonId ? r.pull() : undefined));
  });
  const keepAlive = setInterval(() => {
    for (const race of loaded) race.broadcast(SSE_KEEP_ALIVE);
  }, settings.keepAliveMs);
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
      const stored = await appendLiveEvents(db, seasonId, round, accepted, by, settings.now());
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
      race.clients.add(client);
      return () => {
        race.clients.delete(client);
      };
    },
    clients: () => [...loaded].reduce((count, race) => count + race.clients.size, 0),
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
