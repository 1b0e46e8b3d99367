-- A season's drive-time rules (docs/season-file.md, driveTime), kept whole as the file gives them,
-- like the line-up rules. NULL: the file gives none.
ALTER TABLE seasons ADD COLUMN drive_time_rules jsonb;
