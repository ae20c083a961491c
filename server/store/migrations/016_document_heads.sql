-- The newest sequence number of each document's updates (see 008_document_sequence).
-- A writer on PostgreSQL takes its numbers by updating its document's row here: the
-- row stays locked until the writer commits, so the numbers follow commit order, and
-- an update reads the newest committed number even as part of a larger statement
-- (a change's rows and its audit lines in one statement, one round trip to the
-- database). A document without a row here continues from its rows' largest number.
-- SQLite, written by one process, leaves this table empty.
CREATE TABLE doc_heads (
  doc_name TEXT PRIMARY KEY,
  seq      INTEGER NOT NULL
);
INSERT INTO doc_heads (doc_name, seq)
  SELECT doc_name, max(seq) FROM doc_updates WHERE seq IS NOT NULL GROUP BY doc_name;
