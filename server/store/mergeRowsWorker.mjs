// Merges a document's stored rows into one update on a thread of its own, so that the
// merge and the check that it loads back never pause the event loop that stores and
// sends changes. Plain JavaScript: a worker thread loads it without the TypeScript
// loader. On SQLite it reads the rows itself, opening the database read-only for each
// request and closing it after, so it never holds a connection when the server closes
// the database; rows read elsewhere (PostgreSQL) come with the request. See RowMerger.ts.
import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { runBelowServerThread } from '../backgroundThread.mjs';

runBelowServerThread();

function mergeUpdates(updates) {
  const doc = new Y.Doc();
  doc.transact(() => updates.forEach((update) => Y.applyUpdate(doc, update)));
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  // The merged row replaces the rows it was made from, so it must load back.
  const check = new Y.Doc();
  Y.applyUpdate(check, merged);
  check.destroy();
  return merged;
}

function merge({ file, docName, upToId, updates }) {
  if (updates) return { merged: mergeUpdates(updates) };
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT "update", created_at, id FROM doc_updates WHERE doc_name = ? AND id <= ? ORDER BY id').raw().all(docName, upToId);
    const merged = mergeUpdates(rows.map(([update]) => update));
    const newest = rows.reduce((t, [, at]) => Math.max(t, at), 0);
    return { merged, rowCount: rows.length, newest, lastId: rows.length ? rows[rows.length - 1][2] : 0 };
  } finally {
    db.close();
  }
}

parentPort.on('message', ({ id, request }) => {
  try {
    const result = merge(request);
    parentPort.postMessage({ id, result }, [result.merged.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: String(err?.message ?? err) });
  }
});
