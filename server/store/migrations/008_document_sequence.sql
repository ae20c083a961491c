-- Each document's updates in one order, numbered 1, 2, 3, … per document. Several
-- processes sharing one PostgreSQL database append to the same document: the number
-- is taken under a lock on the document, so the order of the numbers is the order of
-- the commits, and a process that sees a number missing knows what to read back.
-- A merged row takes the number of the newest row it replaces. SQLite, written by one
-- process, orders by id and leaves seq empty.
ALTER TABLE doc_updates ADD COLUMN seq INTEGER;
CREATE UNIQUE INDEX doc_updates_by_seq ON doc_updates (doc_name, seq);
