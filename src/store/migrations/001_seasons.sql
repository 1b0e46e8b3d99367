-- Seasons and everything their standings are computed from. Written for PostgreSQL 15 and PGlite.
CREATE TABLE seasons (
  id text PRIMARY KEY,
  series text NOT NULL,
  season text NOT NULL,
  points jsonb NOT NULL,
  tie_breakers jsonb NOT NULL,
  notes jsonb NOT NULL DEFAULT '[]',
  revision integer NOT NULL DEFAULT 1,
  imported_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE classes (
  season_id text NOT NULL REFERENCES seasons (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  also_classified_in jsonb NOT NULL DEFAULT '[]',
  ord integer NOT NULL,
  PRIMARY KEY (season_id, id)
);

CREATE TABLE rounds (
  season_id text NOT NULL REFERENCES seasons (id) ON DELETE CASCADE,
  round integer NOT NULL,
  name text NOT NULL,
  circuit text,
  country text,
  date text,
  scheduled_duration_ms integer,
  meeting text,
  points_multiplier double precision NOT NULL DEFAULT 1,
  PRIMARY KEY (season_id, round)
);

-- Drivers and teams outlive seasons: one row each, found by a slug of the name.
CREATE TABLE drivers (
  id text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE teams (
  id text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE entries (
  season_id text NOT NULL REFERENCES seasons (id) ON DELETE CASCADE,
  car text NOT NULL,
  class_id text NOT NULL,
  team_id text NOT NULL REFERENCES teams (id),
  team text NOT NULL, -- the name as entered that season
  nationality text,
  car_model text,
  eligible boolean NOT NULL DEFAULT true,
  ord integer NOT NULL,
  PRIMARY KEY (season_id, car),
  FOREIGN KEY (season_id, class_id) REFERENCES classes (season_id, id) ON DELETE CASCADE
);

CREATE TABLE crew_members (
  season_id text NOT NULL,
  car text NOT NULL,
  driver_id text NOT NULL REFERENCES drivers (id),
  name text NOT NULL, -- the name as entered that season
  nationality text,
  rating text,
  rounds jsonb NOT NULL,
  ord integer NOT NULL,
  PRIMARY KEY (season_id, car, driver_id),
  FOREIGN KEY (season_id, car) REFERENCES entries (season_id, car) ON DELETE CASCADE
);

CREATE TABLE races (
  season_id text NOT NULL,
  round integer NOT NULL,
  classified boolean NOT NULL,
  PRIMARY KEY (season_id, round),
  FOREIGN KEY (season_id, round) REFERENCES rounds (season_id, round) ON DELETE CASCADE
);

CREATE TABLE classification_lines (
  season_id text NOT NULL,
  round integer NOT NULL,
  ord integer NOT NULL,
  car text NOT NULL,
  status text NOT NULL,
  laps integer,
  total_time_ms bigint,
  drivers jsonb,
  PRIMARY KEY (season_id, round, ord),
  FOREIGN KEY (season_id, round) REFERENCES races (season_id, round) ON DELETE CASCADE,
  FOREIGN KEY (season_id, car) REFERENCES entries (season_id, car) ON DELETE CASCADE
);

CREATE TABLE poles (
  season_id text NOT NULL,
  round integer NOT NULL,
  class_id text NOT NULL,
  ord integer NOT NULL,
  car text NOT NULL,
  PRIMARY KEY (season_id, round, class_id, ord),
  FOREIGN KEY (season_id, round) REFERENCES races (season_id, round) ON DELETE CASCADE
);

CREATE INDEX crew_members_driver ON crew_members (driver_id);
CREATE INDEX entries_team ON entries (team_id);
