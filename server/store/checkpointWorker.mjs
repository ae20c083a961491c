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

const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
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
