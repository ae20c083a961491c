-- Replacing a plan's content with an imported document stores the plan as it was first:
-- a snapshot of its own kind, 'before_import', so the history says why it was taken and
-- restoring it undoes the import. SQLite cannot change a CHECK constraint, so the table
-- is rebuilt with the same rows and guards, as in 007.

DROP TRIGGER snapshots_never_update;
DROP TRIGGER snapshots_never_delete;
DROP TRIGGER snapshots_never_replace;
ALTER TABLE snapshots RENAME TO snapshots_before_009;

CREATE TABLE snapshots (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id          TEXT NOT NULL REFERENCES plans (id),
  meeting_id       INTEGER REFERENCES meetings (id),
  -- Why it was taken: by hand, when a meeting opened or closed, or just before a restore or an import.
  reason           TEXT NOT NULL CHECK (reason IN ('manual', 'before_meeting', 'closing', 'before_restore', 'before_import')),
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
  comment_count    INTEGER NOT NULL,
  -- A meeting's before-snapshot belongs to that meeting.
  CHECK (reason <> 'before_meeting' OR meeting_id IS NOT NULL)
);

INSERT INTO snapshots (id, plan_id, meeting_id, reason, restores_id, created_by, created_by_name, created_at, note,
                       plan_state, discussion_state, plain_json, item_count, comment_count)
SELECT id, plan_id, meeting_id, reason, restores_id, created_by, created_by_name, created_at, note,
       plan_state, discussion_state, plain_json, item_count, comment_count
FROM snapshots_before_009 ORDER BY id;

DROP TABLE snapshots_before_009;

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
