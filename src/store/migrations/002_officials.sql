-- Officials (people who sign in), their sessions, machine tokens and failed logins.
-- Secrets are never stored: passwords as scrypt hashes, session and API tokens as SHA-256.
CREATE TABLE officials (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'steward', 'timekeeper')),
  -- "scrypt$ln=15,r=8,p=1$<salt>$<hash>": the parameters travel with the hash so they can be raised.
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);
-- "Alice" and "alice" are one official: names are typed at a login form.
CREATE UNIQUE INDEX officials_name_key ON officials (lower(name));

CREATE TABLE sessions (
  id text PRIMARY KEY, -- SHA-256 of the cookie's token: a leaked table opens no session
  official_id integer NOT NULL REFERENCES officials (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  csrf_secret text NOT NULL -- the synchroniser token the session's forms carry
);
CREATE INDEX sessions_official_idx ON sessions (official_id);

CREATE TABLE api_tokens (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  hash text NOT NULL UNIQUE, -- SHA-256 of the token, which is shown once
  scope text NOT NULL,
  created_by integer REFERENCES officials (id), -- NULL: created with the command line
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- Login attempts live in the database, not in memory: every server on one PostgreSQL counts the
-- same attempts, and a restart does not reset an attacker's allowance. An attempt is written
-- before the password is checked (so parallel guesses cannot all slip under the limit) and the
-- rows of a name and address are deleted when a login succeeds: what remains are failures.
CREATE TABLE login_attempts (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- HMAC of the lower-cased name as typed, whether or not such an official exists: people type
  -- their password into the name field, and that must not sit here in clear.
  name_hash text NOT NULL,
  ip text NOT NULL,
  attempted_at timestamptz NOT NULL
);
CREATE INDEX login_attempts_key_idx ON login_attempts (name_hash, ip, attempted_at);

-- The instance's keys (signing the login form's CSRF token, hashing typed names), shared by
-- every server on the database.
CREATE TABLE auth_keys (
  name text PRIMARY KEY,
  secret text NOT NULL
);
