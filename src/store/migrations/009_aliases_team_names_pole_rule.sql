-- Kept whole as the season file gives them (docs/season-file.md), like the rule books: a crew
-- member's other spellings, an entry's team names at some rounds, and the season's pole rule.
-- NULL: the file gives none.
ALTER TABLE crew_members ADD COLUMN aliases jsonb;
ALTER TABLE entries ADD COLUMN team_names jsonb;
ALTER TABLE seasons ADD COLUMN pole_rule jsonb;
