-- The audit trail: every change to a plan item, field by field, with who made it and
-- when (the server's clock). Written when a change is applied, so it outlives the
-- compaction of doc_updates, which merges rows and forgets their authors.
-- Runs of typing in one text field by one person are kept as one row (from the value
-- before the first keystroke to the value after the last).
CREATE TABLE plan_changes (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id    TEXT NOT NULL,
  item_id    TEXT NOT NULL,
  field      TEXT NOT NULL,
  -- The change as JSON: { field, from?, to? } (see shared/plan/itemChanges.ts).
  change     TEXT NOT NULL,
  user_id    TEXT,
  at         INTEGER NOT NULL
);
CREATE INDEX plan_changes_by_item ON plan_changes (plan_id, item_id, id);
CREATE INDEX plan_changes_by_plan ON plan_changes (plan_id, id);
