import type Database from 'better-sqlite3';
import type { Logger } from '../logger';

/**
 * Left to itself, SQLite checkpoints the WAL inside whichever commit crosses 1,000
 * pages, with an fsync: that commit, and the broadcast that waits for it, stalls for
 * milliseconds. The server checkpoints on a timer instead, between messages. A killed
 * process loses nothing by it: a committed transaction is in the WAL either way.
 * Returns the function that stops the timer.
 */
export function checkpointOnTimer(db: Database.Database, logger: Logger, intervalMs = 2000): () => void {
  db.pragma('wal_autocheckpoint = 0');
  const timer = setInterval(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      logger.warn('could not checkpoint the database log; trying again shortly', { err });
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
