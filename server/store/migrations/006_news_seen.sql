-- "New since your last visit" now starts where the person last marked the plan's news
-- as seen, which they do themselves (a POST), and its plan changes come from the audit
-- trail (plan_changes), which keeps every author. The run-of-activity visits and the
-- hourly copies of the plan that stood in for compacted updates are no longer needed.

-- Up to when each person has marked the plan's news as seen (the server's clock).
CREATE TABLE news_seen (
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  seen_until INTEGER NOT NULL,
  PRIMARY KEY (user_id, plan_id)
);

-- Where each person's news started stays where it was.
INSERT INTO news_seen (user_id, plan_id, seen_until) SELECT user_id, plan_id, since_at FROM plan_visits;

DROP TABLE plan_visits;
DROP TABLE plan_baselines;
