// The write-ahead-log checkpoint, on a thread of its own with its own connection to the
// database, so that its writes and fsync never hold up the event loop that stores and
// sends the plan's changes. Plain JavaScript: a worker thread loads it without the
// TypeScript loader. Started by walCheckpoints.ts, which logs what it posts back.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { runBelowServerThread } from '../backgroundThread.mjs';

runBelowServerThread();

const { file, intervalMs } = workerData;
const db = new Database(file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
db.pragma('wal_autocheckpoint = 0');
const userVersion = db.prepare('PRAGMA user_version').pluck();
const dataVersion = db.prepare('PRAGMA data_version').pluck();

/** The file's data_version after this thread restarted the log: unchanged, nobody else has written since. */
let afterOwnRestart = null;

/**
 * Once a checkpoint has copied the whole log into the database, the next commit starts
 * the log afresh from its beginning, and SQLite first syncs the log's new header to disk
 * (synchronous = NORMAL): a few milliseconds, paid by whichever commit comes first, which
 * is the server's, with the change it holds back from the clients. This thread makes
 * that first commit itself: it writes the database's user_version back unchanged, one
 * page, which stays in the log, not checkpointed, until the server writes after it. When
 * the server is writing at that moment, the restart is left to it. The server sees the
 * write as another connection's commit (data_version), and reads its audit trail's
 * latest lines from the file once more.
 */
function startLogAfresh() {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (err) {
    if (err?.code === 'SQLITE_BUSY') return;
    throw err;
  }
  try {
    db.exec(`PRAGMA user_version = ${Number(userVersion.get())}`);
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
  afterOwnRestart = dataVersion.get();
}

const timer = setInterval(() => {
  try {
    // A log that holds only this thread's restart is left alone: checkpointed, it would
    // have the next commit restart it again.
    if (afterOwnRestart !== null && dataVersion.get() === afterOwnRestart) return;
    afterOwnRestart = null;
    const [{ busy, log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
    if (busy === 0 && log > 0 && checkpointed === log) startLogAfresh();
  } catch (err) {
    parentPort.postMessage({ error: String(err?.message ?? err), code: err?.code });
  }
}, intervalMs);

parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
