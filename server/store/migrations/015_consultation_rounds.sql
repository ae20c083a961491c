-- Consultation rounds ("remissrundor"): the board or the secretariat asks chosen people
-- a question about chosen items, to be answered in the items' threads by a deadline.

CREATE TABLE rounds (
  id             TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  plan_id        TEXT NOT NULL REFERENCES plans (id),
  question       TEXT NOT NULL CHECK (length(trim(question)) BETWEEN 1 AND 2000),
  -- Set when the round asks about a whole direction (its items when it opened).
  direction_id   TEXT,
  -- The whole officers' forum as it was when the round opened, or people chosen by name.
  audience       TEXT NOT NULL CHECK (audience IN ('forum', 'people')),
  deadline       INTEGER NOT NULL,
  -- The reminder: how many days before the deadline, the moment that makes, and when it went.
  remind_days    INTEGER CHECK (remind_days IS NULL OR remind_days BETWEEN 1 AND 60),
  remind_at      INTEGER,
  reminded_at    INTEGER,
  opened_by      TEXT NOT NULL,
  opened_by_name TEXT NOT NULL,
  opened_at      INTEGER NOT NULL,
  closed_at      INTEGER,
  -- Who closed it early; NULL with closed_at set: the server closed it at the deadline.
  closed_by      TEXT,
  closed_by_name TEXT,
  CHECK ((remind_days IS NULL) = (remind_at IS NULL)),
  CHECK (deadline > opened_at),
  CHECK (closed_by IS NULL OR closed_at IS NOT NULL)
);
CREATE INDEX rounds_by_plan ON rounds (plan_id, opened_at);
-- The scheduler's question: which open rounds are due next.
CREATE INDEX rounds_open ON rounds (deadline) WHERE closed_at IS NULL;

-- The items asked about, in board order. Their Vad and direction are kept as they were
-- when the round opened, and again when it closed, so a summary reads the same later.
CREATE TABLE round_items (
  round_id  TEXT NOT NULL REFERENCES rounds (id),
  item_id   TEXT NOT NULL,
  position  INTEGER NOT NULL,
  activity  TEXT NOT NULL,
  direction TEXT NOT NULL,
  -- Deleted from the plan when the round closed.
  deleted   INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  PRIMARY KEY (round_id, item_id)
) WITHOUT ROWID;

-- The people asked, fixed when the round opened.
CREATE TABLE round_people (
  round_id TEXT NOT NULL REFERENCES rounds (id),
  user_id  TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (round_id, user_id)
) WITHOUT ROWID;

-- The summary: the answers as they stood when the round closed, written once.
CREATE TABLE round_answers (
  round_id    TEXT NOT NULL REFERENCES rounds (id),
  comment_id  TEXT NOT NULL,
  item_id     TEXT NOT NULL,
  thread_id   TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  user_name   TEXT NOT NULL,
  at          INTEGER NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (round_id, comment_id)
) WITHOUT ROWID;

-- The round's audit trail: opened, changed, reminded, closed; by whom (NULL: the
-- server itself) and when, by the server's clock.
CREATE TABLE round_events (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  round_id  TEXT NOT NULL REFERENCES rounds (id),
  kind      TEXT NOT NULL CHECK (kind IN ('opened', 'changed', 'reminded', 'closed')),
  user_id   TEXT,
  user_name TEXT NOT NULL DEFAULT '',
  at        INTEGER NOT NULL,
  detail    TEXT NOT NULL CHECK (json_valid(detail))
);
CREATE INDEX round_events_by_round ON round_events (round_id, id);

-- What happened and what was answered is never rewritten.
CREATE TRIGGER round_events_never_update BEFORE UPDATE ON round_events
BEGIN
  SELECT RAISE(ABORT, 'round events cannot be changed');
END;
CREATE TRIGGER round_events_never_delete BEFORE DELETE ON round_events
BEGIN
  SELECT RAISE(ABORT, 'round events cannot be deleted');
END;
CREATE TRIGGER round_answers_never_update BEFORE UPDATE ON round_answers
BEGIN
  SELECT RAISE(ABORT, 'round answers cannot be changed');
END;
CREATE TRIGGER round_answers_never_delete BEFORE DELETE ON round_answers
BEGIN
  SELECT RAISE(ABORT, 'round answers cannot be deleted');
END;
