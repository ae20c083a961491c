-- What each person wants by mail. The language was kept only in the browser; mails
-- need it on the server. NULL: never chosen, which reads as Swedish.
ALTER TABLE users ADD COLUMN language TEXT CHECK (language IN ('sv', 'en'));

-- The kinds of mail a person has switched off (their settings page or a one-click
-- unsubscribe). No row: the kind is on.
CREATE TABLE mail_optouts (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind    TEXT NOT NULL CHECK (kind IN ('sign_in_link', 'mention', 'reply', 'round', 'meeting')),
  at      INTEGER NOT NULL,
  PRIMARY KEY (user_id, kind)
);

-- The digest of "Nytt sedan ditt senaste besök": how often, and the last one made.
-- `slot` is the scheduled moment of the last digest handled for the person, `until`
-- the moment it covered up to; the next one starts there. No row: weekly, none yet.
CREATE TABLE mail_digests (
  user_id   TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  frequency TEXT NOT NULL DEFAULT 'weekly' CHECK (frequency IN ('off', 'daily', 'weekly')),
  slot      INTEGER,
  until     INTEGER
);

-- The key that signs one-click unsubscribe links: made once, with the database.
CREATE TABLE mail_keys (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  secret BLOB NOT NULL CHECK (length(secret) = 32)
);
INSERT INTO mail_keys (id, secret) VALUES (1, randomblob(32));
