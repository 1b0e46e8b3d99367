-- A season's Le Mans invitation rules (docs/season-file.md, invitations), kept whole as the file
-- gives them, like the line-up and drive-time rules. NULL: the file gives none.
ALTER TABLE seasons ADD COLUMN invitation_rules jsonb;
