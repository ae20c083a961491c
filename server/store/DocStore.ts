import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { MultiRowInsert } from './MultiRowInsert';
import { RowMerger } from './RowMerger';
import { SqliteAuditWriter } from './SqliteAuditWriter';
import type { SqliteSql } from './sql/SqliteSql';
import { StagedWrites } from './StagedWrites';
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
  /**
   * The document's rows up to the number asked for, as storage holds them after this
   * call, where other processes write the same rows (and so compact them too).
   */
  rowsUpTo?: number;
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

/** One update to store, and who sent it. */
export interface UpdateRow {
  update: Uint8Array;
  userId: string | null;
}

/**
 * What the sync server needs of storage. `appendBatch` may commit at once (SQLite,
 * here) or later: a store whose writes are asynchronous returns a Promise, and the sync
 * server keeps the document's next updates queued behind it, sending nothing on before
 * it resolves.
 */
export interface UpdateLog {
  /** The document's rows: at once on SQLite, as a Promise on PostgreSQL. */
  load(docName: string): StoredDoc | Promise<StoredDoc>;
  /**
   * Runs `stage` and stores the rows it returns in one transaction, together with what
   * `stage` itself wrote through the same store (the audit trail) and what it staged in
   * `staged`. Returns the newest row's id once committed; throws (or rejects with)
   * StoreError when storage refuses.
   */
  appendBatch(docName: string, stage: () => UpdateRow[]): number | Promise<number>;
  /**
   * Writes that code running while a change is staged (its observers) asks for, run in
   * the change's transaction after its rows: the change and what it caused (the mails
   * of a comment) are stored together or not at all.
   */
  readonly staged: StagedWrites;
  /** Merges the rows into one (a store that writes asynchronously returns a Promise and never uses `live`). */
  compact(docName: string, live?: LiveState): CompactResult | Promise<CompactResult>;
  /**
   * Merges the rows up to `upToId` into one without pausing the caller (see DocStore).
   * A store shared by several processes (PostgreSQL) merges only if storage holds more
   * than `moreThan` of them, since another process may have merged them already; the
   * SQLite file, written by this process alone, merges whenever there are two or more.
   */
  compactInBackground?(docName: string, upToId: number, moreThan?: number): Promise<CompactResult>;
}

/** The database's refusals, at commit too, as StoreError; other errors (the stage's own) unchanged. */
function storeError(err: unknown): unknown {
  if (!(err instanceof Database.SqliteError)) return err;
  return new StoreError('STORAGE_FAILURE', `could not store a change: ${err.message}`, { cause: err });
}

/** SQLite storage of Yjs documents as append-only update rows, compacted now and then. */
export class DocStore implements UpdateLog {
  readonly staged = new StagedWrites();
  /** The audit trail, written in the transaction of the batch of changes that caused it. */
  readonly audit: SqliteAuditWriter;
  private readonly db: Database.Database;
  private readonly insert;
  private readonly insertRows: MultiRowInsert;
  private readonly selectRows;
  private readonly selectSummary;
  private readonly deleteUpTo;
  private readonly insertMerged;
  private readonly countUpTo;
  private merger: RowMerger | null = null;
  private readonly selectAfter;
  private readonly selectLastId;

  constructor(
    private readonly sql: SqliteSql,
    private readonly now: () => number = Date.now,
  ) {
    const db = (this.db = sql.db);
    this.insert = db.prepare('INSERT INTO doc_updates (doc_name, "update", user_id, created_at) VALUES (?, ?, ?, ?)');
    this.insertRows = new MultiRowInsert(db, 'doc_updates', ['doc_name', '"update"', 'user_id', 'created_at']);
    this.audit = new SqliteAuditWriter(db, () => sql.writes);
    this.selectRows = db.prepare('SELECT id, "update" FROM doc_updates WHERE doc_name = ? ORDER BY id').raw();
    this.selectSummary = db.prepare(
      'SELECT count(*) AS n, coalesce(max(id), 0) AS lastId, max(created_at) AS newest FROM doc_updates WHERE doc_name = ?',
    );
    this.deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE doc_name = ? AND id <= ?');
    this.countUpTo = db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_name = ? AND id <= ?');
    this.insertMerged = db.prepare(
      'INSERT INTO doc_updates (id, doc_name, "update", user_id, created_at) VALUES (?, ?, ?, NULL, ?)',
    );
    this.selectAfter = db.prepare('SELECT id, doc_name AS docName, "update" FROM doc_updates WHERE id > ? ORDER BY id');
    this.selectLastId = db.prepare('SELECT coalesce(max(id), 0) AS id FROM doc_updates').pluck();
  }

  /** Changes SQLite counts whenever another connection commits to the file (PRAGMA data_version). */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** The newest row's id, of any document (0 when there is none). */
  lastRowId(): number {
    return this.selectLastId.get() as number;
  }

  /** Every row after that id, of any document, oldest first. */
  rowsAfter(id: number): Array<{ id: number; docName: string; update: Uint8Array }> {
    return this.selectAfter.all(id) as Array<{ id: number; docName: string; update: Uint8Array }>;
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

  /**
   * Synchronous, in one transaction, unless `stage` staged writes (a comment's mails):
   * then they run in the same transaction and the id comes as a Promise. While another
   * caller's transaction is open across awaits, the batch waits for it.
   */
  appendBatch(docName: string, stage: () => UpdateRow[]): number | Promise<number> {
    if (this.sql.busy) return this.sql.idle().then(() => this.appendBatch(docName, stage));
    // The batch's rows in one statement, then the audit lines its changes caused.
    const rows = () =>
      this.audit.during(() => {
        const at = this.now();
        const values: unknown[] = [];
        for (const row of stage()) values.push(docName, row.update, row.userId, at);
        return this.insertRows.run(values);
      });
    let result: number | Promise<number>;
    try {
      result = this.sql.transactionNow(rows, () => this.staged.take());
    } catch (err) {
      this.staged.take();
      this.audit.settled(false);
      throw storeError(err);
    }
    if (typeof result === 'number') {
      this.audit.settled(true);
      return result;
    }
    return result.then(
      (lastId) => {
        this.audit.settled(true);
        return lastId;
      },
      (err) => {
        this.audit.settled(false);
        return Promise.reject(storeError(err));
      },
    );
  }

  load(docName: string): StoredDoc {
    const rows = this.selectRows.all(docName) as [number, Buffer][];
    return {
      updates: rows.map(([, update]) => update),
      lastId: rows.length ? rows[rows.length - 1][0] : 0,
    };
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

  /**
   * Merges the rows up to `upToId` into one on a worker thread (the merge and its check
   * that it loads back take milliseconds to tens of milliseconds), then replaces exactly
   * those rows by it in one short transaction. Rows added meanwhile stay as they are; if
   * the rows up to `upToId` changed meanwhile (compacted already), nothing is replaced.
   */
  async compactInBackground(docName: string, upToId: number): Promise<CompactResult> {
    const { merged, rowCount, newest, lastId } = await (this.merger ??= new RowMerger(this.db.name)).merge(docName, upToId);
    const nothing = { rowsBefore: 0, usedLiveState: false, lastId: 0 };
    if (rowCount <= 1 || !this.db.open) return nothing;
    try {
      return this.db
        .transaction((): CompactResult => {
          if ((this.countUpTo.get(docName, lastId) as { n: number }).n !== rowCount) return nothing;
          this.deleteUpTo.run(docName, lastId);
          this.insertMerged.run(lastId, docName, merged, newest);
          return { rowsBefore: rowCount, usedLiveState: false, lastId };
        })
        .immediate();
    } catch (err) {
      throw new StoreError('STORAGE_FAILURE', `could not compact ${docName}: ${(err as Error).message}`, { cause: err });
    }
  }

  /** Stops the merging thread, if one was started. */
  close(): void {
    this.merger?.close();
  }
}
