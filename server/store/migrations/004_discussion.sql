-- Read state of the discussion, per person. The comments themselves live in the
-- discussion document `discussion/<planId>`, stored in doc_updates like every document.

-- When a person last read the discussion of an item: comments by others written after
-- this are unread for them (the card's marker).
CREATE TABLE discussion_reads (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  read_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, plan_id, item_id)
);

-- A person's visits to a plan, for "new since your last visit". A visit is a run of
-- activity without a long pause: `seen_at` is the latest activity, `since_at` is where
-- the previous visit ended, which stays put for the whole of the current visit.
CREATE TABLE plan_visits (
  user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  plan_id  TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  since_at INTEGER NOT NULL,
  seen_at  INTEGER NOT NULL,
  PRIMARY KEY (user_id, plan_id)
);
