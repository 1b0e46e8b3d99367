-- What race control changed in a round's results other than by a stewards' decision: poles set
-- or corrected by hand, by the timing system or from a qualifying file. Append-only, the audit
-- trail of who set what, when; the season's own tables hold the result as it stands.
CREATE TABLE results_changes (
  seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  season_id text NOT NULL,
  round integer NOT NULL,
  kind text NOT NULL,
  details jsonb NOT NULL,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX results_changes_season ON results_changes (season_id, round);
CREATE TRIGGER results_changes_append_only BEFORE UPDATE OR DELETE ON results_changes
  FOR EACH ROW EXECUTE FUNCTION pitwall_append_only();
