/**
 * The live feed's events, stored as they arrive so that a restarted server (or a second one on
 * the same PostgreSQL) rebuilds the same race state. NOTIFY on `LIVE_CHANNEL` tells every server
 * that a round has new events, or a new feed; the payload is `round|feed|lastSeq|seasonId`.
 */
import type { Sql } from './database.ts';

export const LIVE_CHANNEL = 'pitwall_live';

export interface StoredLiveEvent {
  readonly seq: number;
  readonly feed: number;
  readonly event: unknown;
}

/**
 * The end of a statement that tells every server of the round's feed (`head`: the round's row of
 * `live_feeds` as written; `channel`: the parameter holding LIVE_CHANNEL), its payload
 * `round|feed|lastSeq|seasonId` as `readNotice` reads it.
 */
const notifying = (channel: string) => `SELECT feed, last_seq,
  pg_notify(${channel}, head.round || '|' || head.feed || '|' || head.last_seq || '|' || head.season_id)
  FROM head`;

export interface AppendedBatch {
  readonly feed: number;
  /** Sequence number of the last event stored (the previous one when the batch was empty). */
  readonly lastSeq: number;
}

/** A batch stored: its feed, and the sequence numbers of its first and last event. */
export interface StoredBatch extends AppendedBatch {
  readonly firstSeq: number;
}

/**
 * Stores a batch after the round's last event and notifies every server: one statement, so one
 * round trip (the batch is atomic, and the round's row stays locked until it commits).
 */
export async function appendLiveEvents(
  db: Sql,
  seasonId: string,
  round: number,
  events: readonly unknown[],
  by: string,
  at: Date,
): Promise<StoredBatch> {
  // The row lock serialises batches of one round: sequence order is commit order.
  const head = `INSERT INTO live_feeds (season_id, round, last_seq) VALUES ($1, $2, $3)
    ON CONFLICT (season_id, round) DO UPDATE SET last_seq = live_feeds.last_seq + $3
    RETURNING season_id, round, feed, last_seq`;
  const [row] =
    events.length === 0
      ? await db.query<{ feed: number; last_seq: number }>(head, [seasonId, round, 0])
      : await db.query<{ feed: number; last_seq: number }>(
          `WITH head AS (${head}),
           stored AS (
             INSERT INTO live_events (season_id, round, seq, feed, received_at, received_by, event)
             SELECT head.season_id, head.round, head.last_seq - $3 + ordinality, head.feed, $4, $5, value
             FROM head, jsonb_array_elements($6::jsonb) WITH ORDINALITY
           )
           ${notifying('$7')}`,
          [seasonId, round, events.length, at.toISOString(), by, JSON.stringify(events), LIVE_CHANNEL],
        );
  if (!row) throw new Error('live_feeds: no row returned');
  return { feed: row.feed, firstSeq: row.last_seq - events.length + 1, lastSeq: row.last_seq };
}

/** Starts the round's feed over: events from now on belong to a new feed; earlier ones stay. */
export async function resetLiveFeed(db: Sql, seasonId: string, round: number): Promise<AppendedBatch> {
  const [row] = await db.query<{ feed: number; last_seq: number }>(
    `WITH head AS (
       INSERT INTO live_feeds (season_id, round, feed) VALUES ($1, $2, 2)
       ON CONFLICT (season_id, round) DO UPDATE SET feed = live_feeds.feed + 1
       RETURNING season_id, round, feed, last_seq
     )
     ${notifying('$3')}`,
    [seasonId, round, LIVE_CHANNEL],
  );
  if (!row) throw new Error('live_feeds: no row returned');
  return { feed: row.feed, lastSeq: row.last_seq };
}

/** The round's current feed and its events after `afterSeq`, in order (all of them from 0). */
export async function liveEventsSince(
  db: Sql,
  seasonId: string,
  round: number,
  afterSeq: number,
): Promise<{ feed: number; lastSeq: number; events: StoredLiveEvent[] }> {
  const [head] = await db.query<{ feed: number; last_seq: number }>(
    'SELECT feed, last_seq FROM live_feeds WHERE season_id = $1 AND round = $2',
    [seasonId, round],
  );
  if (!head) return { feed: 1, lastSeq: 0, events: [] };
  const rows = await db.query<{ seq: number; feed: number; event: unknown }>(
    `SELECT seq, feed, event FROM live_events
     WHERE season_id = $1 AND round = $2 AND feed = $3 AND seq > $4 AND seq <= $5 ORDER BY seq`,
    [seasonId, round, head.feed, afterSeq, head.last_seq],
  );
  return { feed: head.feed, lastSeq: head.last_seq, events: rows };
}

export interface LiveNotice {
  readonly seasonId: string;
  readonly round: number;
  readonly feed: number;
  readonly lastSeq: number;
}

/** Reads a notification's payload; undefined for anything else on the channel. */
export function readNotice(payload: string): LiveNotice | undefined {
  const match = /^(\d+)\|(\d+)\|(\d+)\|(.+)$/s.exec(payload);
  if (!match) return undefined;
  return { round: Number(match[1]), feed: Number(match[2]), lastSeq: Number(match[3]), seasonId: match[4] ?? '' };
}
