import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { StoreError } from './StoreError';

/** All stored rows of one document, as `load` returns them. */
export interface StoredDoc {
  updates: Uint8Array[];
  /** Id of the newest row, 0 when the document has none. */
  lastId: number;
}

/**
 * The in-memory state of a loaded document, offered to `compact` so that it does not
 * have to rebuild the document from its rows. Used only if the rows are exactly the
 * ones that state was built from (same count, same newest id).
 */
export interface LiveState {
  state: Uint8Array;
  rowCount: number;
  lastId: number;
}

export interface CompactResult {
  rowsBefore: number;
  /** True when the live state was stored, false when the rows were merged. */
  usedLiveState: boolean;
  /** Id of the merged row (0 when there was nothing to compact). */
  lastId: number;
}

/** Merges updates through a Y.Doc, so deleted content is garbage-collected. */
export function mergeThroughDoc(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}

/**
 * The merged row replaces every row it was made from, so it must load: Yjs does not
 * check every update it accepts, and a state it cannot read back would lose the document.
 */
export function checkLoads(docName: string, merged: Uint8Array): void {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, merged);
  } catch (err) {
    throw new StoreError('MERGE_FAILED', `the merged state of ${docName} does not load (${(err as Error).message}); its rows are kept`, {
      cause: err,
    });
  } finally {
    doc.destroy();
  }
}

/** SQLite storage of Yjs documents as append-only update rows, compacted now and then. */
export class DocStore {
  private readonly insert;
  private readonly selectRows;
  private readonly selectSummary;
  private readonly deleteUpTo;
  private readonly insertMerged;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    this.insert = db.prepare('INSERT INTO doc_updates (doc_name, "update", user_id, created_at) VALUES (?, ?, ?, ?)');
    this.selectRows = db.prepare('SELECT id, "update" FROM doc_updates WHERE doc_name = ? ORDER BY id').raw();
    this.selectSummary = db.prepare(
      'SELECT count(*) AS n, coalesce(max(id), 0) AS lastId, max(created_at) AS newest FROM doc_updates WHERE doc_name = ?',
    );
    this.deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE doc_name = ? AND id <= ?');
    this.insertMerged = db.prepare(
      'INSERT INTO doc_updates (id, doc_name, "update", user_id, created_at) VALUES (?, ?, ?, NULL, ?)',
    );
  }

  /**
   * Appends one update and returns its row id. Outside `atomically` the update is
   * committed once this returns; callers apply and broadcast it only after the commit.
   */
  append(docName: string, update: Uint8Array, userId: string | null = null): number {
    try {
      return Number(this.insert.run(docName, update, userId, this.now()).lastInsertRowid);
    } catch (err) {
      throw new StoreError('STORAGE_FAILURE', `could not store an update of ${docName}: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  load(docName: string): StoredDoc {
    const rows = this.selectRows.all(docName) as [number, Buffer][];
    return {
      updates: rows.map(([, update]) => update),
      lastId: rows.length ? rows[rows.length - 1][0] : 0,
    };
  }

  /**
   * Runs fn in one transaction (a savepoint inside another): a change and what its
   * observers write (the audit trail) are committed together, or neither is. fn's own
   * errors roll back and come out unchanged; the database's refusals, at commit too,
   * come out as StoreError.
   */
  atomically<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } catch (err) {
      if (!(err instanceof Database.SqliteError)) throw err;
      throw new StoreError('STORAGE_FAILURE', `could not store a change: ${err.message}`, { cause: err });
    }
  }

  count(docName: string): number {
    return (this.selectSummary.get(docName) as { n: number }).n;
  }

  /**
   * Replaces all rows of a document by one merged row, in one transaction: a crash
   * leaves either the old rows or the merged one. The merged row takes the id and time
   * of the newest row it replaces. Rows that arrive from elsewhere while a document is
   * loaded make its live state stale; then the rows themselves are merged instead.
   */
  compact(docName: string, live?: LiveState): CompactResult {
    try {
      return this.db
        .transaction((): CompactResult => {
          const { n, lastId, newest } = this.selectSummary.get(docName) as { n: number; lastId: number; newest: number };
          if (n <= 1) return { rowsBefore: n, usedLiveState: false, lastId };
          const usedLiveState = live !== undefined && live.rowCount === n && live.lastId === lastId;
          const merged = usedLiveState ? live.state : mergeThroughDoc(this.load(docName).updates);
          checkLoads(docName, merged);
          this.deleteUpTo.run(docName, lastId);
          this.insertMerged.run(lastId, docName, merged, newest);
          return { rowsBefore: n, usedLiveState, lastId };
        })
        .immediate();
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw new StoreError('STORAGE_FAILURE', `could not compact ${docName}: ${(err as Error).message}`, { cause: err });
    }
  }
}
