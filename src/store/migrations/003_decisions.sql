-- Stewards' decisions and the results' lifecycle: append-only records, the audit trail.
-- No foreign key to seasons: re-importing a season file replaces the season, never its history.
CREATE TABLE steward_decisions (
  seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  season_id text NOT NULL,
  id text NOT NULL,
  round integer NOT NULL,
  kind text NOT NULL,
  details jsonb NOT NULL, -- the kind's own fields: car, timeMs, laps, positions, points, reverses...
  reason text NOT NULL,
  regulation text,
  issued_by text NOT NULL,
  issued_at timestamptz NOT NULL,
  UNIQUE (season_id, id)
);

-- A race's results are provisional until the stewards publish them final (and may reopen them).
CREATE TABLE results_states (
  seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  season_id text NOT NULL,
  round integer NOT NULL,
  state text NOT NULL CHECK (state IN ('provisional', 'final')),
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL
);

-- Append-only, enforced by the database itself, whatever the code above it does.
CREATE FUNCTION pitwall_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER steward_decisions_append_only BEFORE UPDATE OR DELETE ON steward_decisions
  FOR EACH ROW EXECUTE FUNCTION pitwall_append_only();
CREATE TRIGGER results_states_append_only BEFORE UPDATE OR DELETE ON results_states
  FOR EACH ROW EXECUTE FUNCTION pitwall_append_only();
