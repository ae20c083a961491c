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

-- The plan as it was at moments people came by, at most one an hour: where "new since
-- your last visit" starts when the stored updates of that time were compacted away.
-- Older than a few months they are dropped.
CREATE TABLE plan_baselines (
  plan_id  TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  taken_at INTEGER NOT NULL,
  state    BLOB NOT NULL,
  PRIMARY KEY (plan_id, taken_at)
);
