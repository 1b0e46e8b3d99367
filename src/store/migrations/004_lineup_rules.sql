-- A season's line-up rules (docs/season-file.md, lineupRules), kept whole as the file gives them:
-- they are read with the season and never queried on their own. NULL: the file gives none.
ALTER TABLE seasons ADD COLUMN lineup_rules jsonb;
