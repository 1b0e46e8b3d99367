-- Live timing: every event the timing system sent for a round, in the order it was accepted.
-- `seq` is per round and strictly increasing in commit order (live_feeds' row is locked while a
-- batch is stored), so every server replays the same events in the same order.
CREATE TABLE live_feeds (
  season_id text NOT NULL,
  round integer NOT NULL,
  -- Bumped by a reset: the feed starts over, earlier events stay for the audit trail.
  feed integer NOT NULL DEFAULT 1,
  last_seq bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (season_id, round)
);

CREATE TABLE live_events (
  season_id text NOT NULL,
  round integer NOT NULL,
  seq bigint NOT NULL,
  feed integer NOT NULL,
  received_at timestamptz NOT NULL,
  received_by text NOT NULL,
  event jsonb NOT NULL,
  PRIMARY KEY (season_id, round, seq)
);

CREATE TRIGGER live_events_append_only BEFORE UPDATE OR DELETE ON live_events
  FOR EACH ROW EXECUTE FUNCTION pitwall_append_only();
