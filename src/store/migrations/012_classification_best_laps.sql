-- A classified car's fastest lap of the race (the timing's classification gives it), in ms.
-- NULL: not given.
ALTER TABLE classification_lines ADD COLUMN best_lap_ms integer;
