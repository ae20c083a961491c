import type BetterSqlite3 from 'better-sqlite3';
import { HeldLines, holdLines, type Line } from './auditLines';
import { latestOfRow, SELECT_ROW, type AuditBatch, type AuditWriter, type Row } from './ChangeStore';
import { MultiRowInsert } from './MultiRowInsert';

/**
 * The audit trail as the sync server's synchronous storage path writes it (SQLite).
 * While a batch of changes is being stored (`during`), the lines its changes cause are
 * held and written after the batch's rows, in the same transaction, with one statement
 * for all new lines: a busy turn of hundreds of changes costs a few statements instead
 * of two or three per change. Outside a batch the lines are written at once, in a
 * transaction of their own.
 *
 * An edit of a text field may continue its item's latest line (a typing run), so that
 * line must be known. This writer remembers the latest line of every item it wrote or
 * read, once its transaction committed, and reads storage only for the others: on a
 * lone change the look-up was a third of the time its lines took. What it remembers is
 * dropped whenever anything else may have written lines: another connection (the
 * command line; SQLite's data_version) or another statement of this one (`otherWrites`).
 */
export class SqliteAuditWriter implements AuditWriter {
  private readonly insert: MultiRowInsert;
  private readonly lastOfItem;
  private readonly extend;
  private readonly dataVersion;
  private held: HeldLines | null = null;
  /** Each item's latest stored line (null: it has none), as of the last commit of this writer. */
  private readonly latest = new Map<string, Line | null>();
  /** Lines written in the transaction still open, remembered once it commits. */
  private unsettled: HeldLines[] = [];
  /** The file's data_version and the count of other writes when this writer last knew every line (its last commit). */
  private seen = '';
  /** The same when the open transaction's first lines were held, and that count alone. */
  private began = '';
  private othersThen = 0;

  constructor(
    private readonly db: BetterSqlite3.Database,
    /** Changes whenever this connection wrote anything outside this writer. */
    private readonly otherWrites: () => number = () => 0,
  ) {
    this.insert = new MultiRowInsert(db, 'plan_changes', ['plan_id', 'item_id', 'field', 'change', 'user_id', 'at']);
    this.lastOfItem = db.prepare(`${SELECT_ROW} WHERE plan_id = ? AND item_id = ? ORDER BY id DESC LIMIT 1`);
    this.extend = db.prepare('UPDATE plan_changes SET change = ?, at = ? WHERE id = ?');
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
  }

  /** Records a batch of items' changes: held while a batch of changes is stored, written at once otherwise. */
  recordAll(planId: string, batch: AuditBatch): void {
    if (this.held) return holdLines(this.held, planId, batch, this.readLatest);
    this.begin();
    const lines = new HeldLines();
    holdLines(lines, planId, batch, this.readLatest);
    if (!this.db.inTransaction) {
      this.unsettled.push(lines);
      return this.settle(() => this.db.transaction(() => this.write(lines))());
    }
    // Inside a transaction of someone else's: whether it commits is not known here.
    this.write(lines);
    for (const key of lines.latest.keys()) this.latest.delete(key);
  }

  /**
   * Runs `store`, which stores a batch of changes inside an open transaction, and writes
   * the lines that its changes recorded after it, in that transaction. When `store` or
   * the writing throws, nothing of the lines is kept (the transaction rolls back). Call
   * `settled` once the transaction has ended.
   */
  during<T>(store: () => T): T {
    if (this.held) return store();
    this.begin();
    const lines = (this.held = new HeldLines());
    try {
      const result = store();
      this.write(lines);
      this.unsettled.push(lines);
      return result;
    } finally {
      this.held = null;
    }
  }

  /** The transaction of the lines written since the last call committed (true) or rolled back. */
  settled(committed: boolean): void {
    const written = this.unsettled.splice(0);
    if (written.length === 0) return;
    // Something else wrote while the transaction was open (a write staged with the change):
    // what it wrote is not known here, so nothing is remembered.
    // (No other connection can commit while this one holds the write lock.)
    if (!committed || this.otherWrites() !== this.othersThen) return this.latest.clear();
    for (const lines of written) {
      for (const [key, line] of lines.latest) this.latest.set(key, line);
    }
    this.seen = this.began;
  }

  private settle(write: () => void): void {
    try {
      write();
    } catch (err) {
      this.settled(false);
      throw err;
    }
    this.settled(true);
  }

  private begin(): void {
    if (this.unsettled.length > 0) return; // more lines of the transaction already open
    this.othersThen = this.otherWrites();
    this.began = `${this.dataVersion.get()}:${this.othersThen}`;
    if (this.began !== this.seen) this.latest.clear();
  }

  private readonly readLatest = (planId: string, itemId: string): Line | null => {
    const known = this.latest.get(`${planId}\n${itemId}`);
    // A copy: holdLines changes the line it continues (its change and time), and the
    // transaction may yet roll back.
    if (known !== undefined) return known && { ...known };
    const row = this.lastOfItem.get(planId, itemId) as Row | undefined;
    return row ? { ...latestOfRow(row), planId, itemId, id: row.id } : null;
  };

  private write(lines: HeldLines): void {
    const added = lines.added;
    for (const line of lines.continued) {
      // A line remembered but no longer stored (its plan deleted and made anew) is added instead.
      if (this.extend.run(JSON.stringify(line.change), line.at, line.id).changes === 0) added.push(line);
    }
    if (added.length === 0) return;
    const values: unknown[] = [];
    for (const { planId, itemId, change, userId, at } of added) values.push(planId, itemId, change.field, JSON.stringify(change), userId, at);
    const lastId = this.insert.run(values);
    // One connection writing in one transaction: the rows took consecutive ids.
    added.forEach((line, i) => (line.id = lastId - added.length + 1 + i));
  }
}
