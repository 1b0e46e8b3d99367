-- The season's classification rule (docs/season-file.md#classification), kept whole as the rule
-- books are. NULL: the file gives none, and the ACO's rule applies.
ALTER TABLE seasons ADD COLUMN classification_rules jsonb;
