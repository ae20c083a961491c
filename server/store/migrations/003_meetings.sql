-- Meetings of the board and the snapshots of the plan taken at them.

CREATE TABLE meetings (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id      TEXT NOT NULL REFERENCES plans (id),
  title        TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  -- The calendar day of the meeting, YYYY-MM-DD.
  date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind         TEXT NOT NULL CHECK (kind IN ('strategimote', 'styrelsemote', 'arsmote')),
  -- NULL until the meeting is opened; the plan as it was then, for "changed since it opened".
  opened_at    INTEGER,
  opened_state BLOB,
  closed_at    INTEGER CHECK (closed_at IS NULL OR opened_at IS NOT NULL),
  created_by   TEXT,
  created_at   INTEGER NOT NULL
);
CREATE INDEX meetings_by_plan ON meetings (plan_id, date, id);
-- At most one open meeting per plan: the board shows one banner.
CREATE UNIQUE INDEX meetings_one_open ON meetings (plan_id) WHERE opened_at IS NOT NULL AND closed_at IS NULL;

-- A snapshot is the full state of a plan and its discussion at one moment. It is
-- written once and never changed: the triggers below refuse every UPDATE and DELETE,
-- and an INSERT that would replace an existing row (INSERT OR REPLACE deletes without
-- firing delete triggers). created_by is kept as written, without a foreign key, so
-- that nothing done to a person can ever reach back into a snapshot.
CREATE TABLE snapshots (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id          TEXT NOT NULL REFERENCES plans (id),
  meeting_id       INTEGER REFERENCES meetings (id),
  -- Why it was taken: by hand, when a meeting closed, or just before a restore.
  reason           TEXT NOT NULL CHECK (reason IN ('manual', 'closing', 'before_restore')),
  -- For 'before_restore': the snapshot that was then restored. With created_by and
  -- created_at this row is the restore's entry in the audit trail.
  restores_id      INTEGER REFERENCES snapshots (id)
                   CHECK ((reason = 'before_restore') = (restores_id IS NOT NULL)),
  created_by       TEXT,
  created_by_name  TEXT NOT NULL DEFAULT '',
  created_at       INTEGER NOT NULL,
  note             TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  plan_state       BLOB NOT NULL,
  discussion_state BLOB,
  plain_json       TEXT NOT NULL,
  item_count       INTEGER NOT NULL,
  comment_count    INTEGER NOT NULL
);
CREATE INDEX snapshots_by_plan ON snapshots (plan_id, id);
CREATE INDEX snapshots_by_meeting ON snapshots (meeting_id, id);

CREATE TRIGGER snapshots_never_update BEFORE UPDATE ON snapshots
BEGIN
  SELECT RAISE(ABORT, 'snapshots cannot be changed');
END;

CREATE TRIGGER snapshots_never_delete BEFORE DELETE ON snapshots
BEGIN
  SELECT RAISE(ABORT, 'snapshots cannot be deleted');
END;

CREATE TRIGGER snapshots_never_replace BEFORE INSERT ON snapshots
WHEN EXISTS (SELECT 1 FROM snapshots WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'snapshots cannot be replaced');
END;
