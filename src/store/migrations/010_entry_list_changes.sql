-- What race control changed in a season's entry list while it runs: a car added, its details, its
-- team's name from a round on, its crew, a driver's rating, nationality or spellings, a withdrawal,
-- and the crew changes an officer confirmed on importing a timing file. Append-only, the audit
-- trail of who changed what, when, with each entry as it was and as it became (details.entries);
-- the season's own tables hold the entry list as it stands.
CREATE TABLE entry_list_changes (
  seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  season_id text NOT NULL,
  kind text NOT NULL,
  summary text NOT NULL,
  details jsonb NOT NULL,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX entry_list_changes_season ON entry_list_changes (season_id);
CREATE TRIGGER entry_list_changes_append_only BEFORE UPDATE OR DELETE ON entry_list_changes
  FOR EACH ROW EXECUTE FUNCTION pitwall_append_only();
