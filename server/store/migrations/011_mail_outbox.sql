-- The outbox: every mail Planbord sends, written in the same transaction as the event
-- that causes it, and delivered from here by the sender (server/mail/MailSender.ts).
--   waiting    to be sent at next_attempt_at (new, or after a failed attempt)
--   sending    handed to the mail server; marked sent by id once it accepted the mail
--   sent       accepted by the mail server
--   failed     refused for good (the server's answer in last_error), or retried too long
--   kept       no mail server is set (SMTP_URL): kept here and written to the log
--   held       over the hourly limit for its person: told in their next digest
--   gathered   told in the digest mail gathered_into
--   cancelled  not sent: its person was deactivated or removed, or switched the kind off
CREATE TABLE mail_outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  -- Stable across retries, so a receiving server can tell a repeat (see docs/mail.md).
  message_id      TEXT NOT NULL UNIQUE,
  user_id         TEXT REFERENCES users (id) ON DELETE SET NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('sign_in_link', 'mention', 'reply', 'round', 'meeting', 'digest')),
  to_address      TEXT NOT NULL,
  to_name         TEXT NOT NULL,
  subject         TEXT NOT NULL,
  text_body       TEXT NOT NULL,
  html_body       TEXT NOT NULL,
  unsubscribe_url TEXT NOT NULL,
  -- The address the mail is about, told in a digest when the mail is held.
  link            TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('waiting', 'sending', 'sent', 'failed', 'kept', 'held', 'gathered', 'cancelled')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  sending_since   INTEGER,
  sent_at         INTEGER,
  gathered_into   INTEGER REFERENCES mail_outbox (id)
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
CREATE INDEX mail_outbox_by_user ON mail_outbox (user_id, created_at);
CREATE INDEX mail_outbox_newest ON mail_outbox (created_at DESC);
