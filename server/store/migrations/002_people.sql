-- People, their sessions and sign-in links, and failed sign-ins for the rate limit.
-- Secrets are never stored: sessions and links are kept as SHA-256 hashes of the
-- random values handed out, passwords as scrypt hashes.

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  -- Stored trimmed and lower-cased, so uniqueness ignores case.
  email         TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  organisation  TEXT NOT NULL DEFAULT '',
  role          TEXT NOT NULL CHECK (role IN ('styrelse', 'tjanstepersonforum', 'kansli')),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  -- NULL until the person has set a password through an invitation link.
  password_hash TEXT,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);

CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Invitation and reset links. A link is used once; making a new one for a person
-- retires the ones before it.
CREATE TABLE sign_in_links (
  token_hash TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose    TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
);
CREATE INDEX sign_in_links_by_user ON sign_in_links (user_id);

-- Failed sign-ins, kept for the rate-limit window only. `email` is what was typed
-- (normalised), whether or not such a user exists, so that the limit itself does not
-- reveal which addresses have accounts.
CREATE TABLE sign_in_failures (
  id      INTEGER PRIMARY KEY,
  email   TEXT NOT NULL,
  address TEXT NOT NULL,
  at      INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_by_email ON sign_in_failures (email, at);
CREATE INDEX sign_in_failures_by_address ON sign_in_failures (address, at);
