import type { CompactResult, StoredDoc, UpdateLog, UpdateRow } from './DocStore';
import { appendInOneStatement, appendInStatements, MAX_LINES_PER_STATEMENT, PostgresAuditWriter } from './postgresAppend';
import { RowMerger } from './RowMerger';
import type { Database, Sql } from './sql/Sql';
import { StagedWrites } from './StagedWrites';
import { StoreError } from './StoreError';

/** A document's rows after some point of its sequence, for a process catching up. */
export interface RowsAfter {
  updates: Uint8Array[];
  /** The newest sequence number read (the one asked after when there were none). */
  lastSeq: number;
}


/** The key of the advisory lock on compacting a document, with the document's name hashed. */
const COMPACT_LOCK = 2;

function refused(docName: string, what: string, err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  return new StoreError('STORAGE_FAILURE', `could not ${what} ${docName}: ${(err as Error).message}`, { cause: err });
}

/**
 * Yjs documents as update rows in PostgreSQL, shared by several processes. Each
 * document's rows are numbered by `seq` under a lock on the document (its row in
 * doc_heads), so numbers follow commit order and a gap tells a process what it missed.
 * A document's `lastId` here is its newest sequence number. Compaction merges the rows
 * up to a number into one row with that number, under a second lock that only one
 * process holds at a time.
 */
export class PostgresDocStore implements UpdateLog {
  /** The audit lines a change causes while it is applied, stored with it. */
  readonly audit = new PostgresAuditWriter();
  /** Other writes observers stage while a change is applied (a comment's mails), committed with it. */
  readonly staged = new StagedWrites();
  /** Merging a plan of megabytes takes tens of milliseconds: on a thread of its own, as on SQLite. */
  private readonly merger = new RowMerger();

  constructor(
    private readonly sql: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async load(docName: string): Promise<StoredDoc> {
    const rows = await this.sql.all<{ seq: number; update: Buffer }>('SELECT seq, "update" FROM doc_updates WHERE doc_name = ? ORDER BY seq', [docName]);
    return { updates: rows.map((r) => r.update), lastId: rows.length ? rows[rows.length - 1].seq : 0 };
  }

  /** The rows numbered after `seq`, in order: what a process that has seen up to `seq` lacks. */
  async rowsAfter(docName: string, seq: number): Promise<RowsAfter> {
    const rows = await this.sql.all<{ seq: number; update: Buffer }>(
      'SELECT seq, "update" FROM doc_updates WHERE doc_name = ? AND seq > ? ORDER BY seq',
      [docName, seq],
    );
    return { updates: rows.map((r) => r.update), lastSeq: rows.length ? rows[rows.length - 1].seq : seq };
  }

  /**
   * Runs `stage` (which applies the rows to memory and returns them), then stores the
   * rows, their audit lines and what `stage` staged in one transaction: a change with
   * its audit lines alone in one statement (one round trip, which every change waits for
   * before it is sent on). Resolves with the newest row's sequence number once
   * committed; rejects with StoreError when storage refuses.
   */
  async appendBatch(docName: string, stage: () => UpdateRow[]): Promise<number> {
    const rows = stage();
    const lines = this.audit.take();
    const staged = this.staged.take();
    if (rows.length === 0 && lines.length === 0 && staged.length === 0) return 0;
    const at = this.now();
    try {
      if (staged.length === 0 && lines.length <= MAX_LINES_PER_STATEMENT) return await appendInOneStatement(this.sql, docName, rows, lines, at);
      return await this.sql.transaction(async (tx) => {
        const lastSeq = await appendInStatements(tx, docName, rows, lines, at);
        for (const write of staged) await write(tx);
        return lastSeq;
      });
    } catch (err) {
      throw refused(docName, 'store an update of', err);
    }
  }

  /**
   * Merges the rows up to `upToSeq` into one and replaces them by it, in one transaction,
   * if there are more than `moreThan` of them. Rows added meanwhile stay as they are.
   * Every process counts the rows all of them add, so they all find a document due at
   * about the same time: one compacts, another compacting it right now makes this one
   * do nothing, and one that comes after finds few rows and only counts them.
   */
  async compactInBackground(docName: string, upToSeq: number, moreThan = 1): Promise<CompactResult> {
    const nothing: CompactResult = { rowsBefore: 0, usedLiveState: false, lastId: 0 };
    try {
      return await this.sql.transaction(async (tx) => {
        const mine = await tx.get<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(?, hashtext(?)) AS locked', [COMPACT_LOCK, docName]);
        if (!mine?.locked) return nothing;
        const counted = await tx.get<{ n: string }>('SELECT count(*) AS n FROM doc_updates WHERE doc_name = ? AND seq <= ?', [docName, upToSeq]);
        const upTo = Number(counted!.n);
        if (upTo <= Math.max(moreThan, 1)) return { ...nothing, rowsUpTo: upTo };
        const rows = await tx.all<{ update: Buffer; created_at: number }>(
          'SELECT "update", created_at FROM doc_updates WHERE doc_name = ? AND seq <= ? ORDER BY seq',
          [docName, upToSeq],
        );
        const merged = await this.merger.mergeUpdates(rows.map((r) => r.update)).catch((err: Error) => {
          throw new StoreError('MERGE_FAILED', `the merged state of ${docName} does not load (${err.message}); its rows are kept`, { cause: err });
        });
        await tx.run('DELETE FROM doc_updates WHERE doc_name = ? AND seq <= ?', [docName, upToSeq]);
        await tx.run('INSERT INTO doc_updates (doc_name, "update", user_id, created_at, seq) VALUES (?, ?, NULL, ?, ?)', [
          docName,
          merged,
          rows[rows.length - 1].created_at,
          upToSeq,
        ]);
        return { rowsBefore: rows.length, usedLiveState: false, lastId: upToSeq, rowsUpTo: 1 };
      });
    } catch (err) {
      throw refused(docName, 'compact', err);
    }
  }

  /** Compacts every row the document has now. */
  async compact(docName: string): Promise<CompactResult> {
    const head = await this.sql.get<{ seq: number | null }>('SELECT max(seq) AS seq FROM doc_updates WHERE doc_name = ?', [docName]);
    return this.compactInBackground(docName, head?.seq ?? 0);
  }

  /** Stops the merging thread. */
  close(): void {
    this.merger.close();
  }

  async count(docName: string): Promise<number> {
    return (await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc_name = ?', [docName]))!.n;
  }
}
