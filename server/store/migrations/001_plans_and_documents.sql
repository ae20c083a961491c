-- Plans and the Yjs documents that hold them.

CREATE TABLE plans (
  -- A short slug, e.g. the year: "2025". Part of the document name "plan/<id>".
  id         TEXT PRIMARY KEY CHECK (id NOT GLOB '*[^a-z0-9-]*' AND length(id) BETWEEN 1 AND 64),
  title      TEXT NOT NULL,
  year       INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);

-- Every Yjs update a document receives, appended before anyone else sees it.
-- Compaction replaces a run of rows by one merged row with the id of the last one,
-- so row order stays the order of arrival. user_id is NULL for merged rows and for
-- changes made by the server itself (for example the first import).
CREATE TABLE doc_updates (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_name   TEXT NOT NULL,
  "update"   BLOB NOT NULL,
  user_id    TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX doc_updates_by_doc ON doc_updates (doc_name, id);
