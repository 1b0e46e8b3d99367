-- A round's race lap analysis as race control imported it: every lap with the driver of the crew
-- the timing names, for drive times and stints. Importing another replaces it whole. No foreign
-- key to seasons: saving a season (a pole set, a file re-imported) replaces its rows, not these.
CREATE TABLE lap_analyses (
  season_id text NOT NULL,
  round integer NOT NULL,
  file_name text NOT NULL,
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL,
  PRIMARY KEY (season_id, round)
);

CREATE TABLE lap_analysis_laps (
  season_id text NOT NULL,
  round integer NOT NULL,
  car text NOT NULL,
  lap integer NOT NULL,
  driver_number integer NOT NULL,
  driver text NOT NULL, -- the crew's name for the driver
  timing_driver text NOT NULL, -- as the file spells it
  lap_time_ms integer NOT NULL,
  pit_time_ms integer,
  crossed_in_pit boolean NOT NULL,
  elapsed_ms bigint NOT NULL,
  class text,
  team text,
  flag text,
  line integer NOT NULL,
  PRIMARY KEY (season_id, round, car, lap),
  FOREIGN KEY (season_id, round) REFERENCES lap_analyses (season_id, round) ON DELETE CASCADE
);

-- Each car's official best lap in a qualifying session's results (NULL: no time), for every round
-- of the meeting whose grids the session orders: the qualifying lap analysis tells the laps deleted
-- for track limits by them.
CREATE TABLE qualifying_best_laps (
  season_id text NOT NULL,
  round integer NOT NULL,
  car text NOT NULL,
  best_lap_ms integer,
  file_name text NOT NULL,
  PRIMARY KEY (season_id, round, car)
);
