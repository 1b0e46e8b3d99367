-- A race's results state as the season file gives it (`state: provisional`), and when its
-- classification was recorded: a season read "as of" an earlier moment does not show a
-- classification that was not there yet. Races stored before this have their season's import time.
ALTER TABLE races ADD COLUMN state text CHECK (state IN ('provisional', 'final'));
ALTER TABLE races ADD COLUMN recorded_at timestamptz;
UPDATE races SET recorded_at = seasons.imported_at FROM seasons WHERE seasons.id = races.season_id;
