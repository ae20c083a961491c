import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';

/**
 * Left to itself, SQLite checkpoints the WAL inside whichever commit crosses 1,000
 * pages, with an fsync: that commit, and the broadcast that waits for it, stalls for
 * milliseconds. The server checkpoints on a timer instead, from a worker thread with a
 * connection of its own (checkpointWorker.mjs), so the fsync never pauses the event
 * loop. A killed process loses nothing by it: a committed transaction is in the WAL
 * either way. Returns the function that stops the checkpoints; once it has resolved, the
 * server's own connection is the last one and checkpoints everything as it closes.
 */
export function checkpointOnTimer(db: Database.Database, logger: Logger, intervalMs = 2000): () => Promise<void> {
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(new URL('./checkpointWorker.mjs', import.meta.url), {
    workerData: { file: db.name, intervalMs },
    // The worker is plain JavaScript: no TypeScript loader, no inherited flags.
    execArgv: [],
  });
  worker.unref();
  worker.on('message', (m: { error?: string; code?: string }) => {
    if (m.error) logger.warn('could not checkpoint the database log; trying again shortly', { code: m.code, err: m.error });
  });
  worker.on('error', (err) => logger.warn('the checkpoint thread stopped; the log is checkpointed when the server stops', { err }));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return () => {
    worker.ref(); // the process waits for the thread to close its connection
    worker.postMessage('stop');
    return exited;
  };
}
