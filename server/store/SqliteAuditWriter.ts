import type BetterSqlite3 from 'better-sqlite3';
import { HeldLines, holdLines, type Line } from './auditLines';
import { latestOfRow, SELECT_ROW, type AuditBatch, type AuditWriter, type Row } from './ChangeStore';
import { MultiRowInsert } from './MultiRowInsert';

/**
 * The audit trail as the sync server's synchronous storage path writes it (SQLite).
 * While a batch of changes is being stored (`during`), the lines its changes cause are
 * held and written after the batch's rows, in the same transaction, with one statement
 * for all new lines: a busy turn of hundreds of changes costs a few statements instead
 * of two or three per change. An item's latest stored line is read only for an edit of
 * a text field (to continue a typing run), and once per batch. Outside a batch the lines
 * are written at once, in a transaction of their own.
 */
export class SqliteAuditWriter implements AuditWriter {
  private readonly insert: MultiRowInsert;
  private readonly lastOfItem;
  private readonly extend;
  private held: HeldLines | null = null;

  constructor(private readonly db: BetterSqlite3.Database) {
    this.insert = new MultiRowInsert(db, 'plan_changes', ['plan_id', 'item_id', 'field', 'change', 'user_id', 'at']);
    this.lastOfItem = db.prepare(`${SELECT_ROW} WHERE plan_id = ? AND item_id = ? ORDER BY id DESC LIMIT 1`);
    this.extend = db.prepare('UPDATE plan_changes SET change = ?, at = ? WHERE id = ?');
  }

  /** Records a batch of items' changes: held while a batch of changes is stored, written at once otherwise. */
  recordAll(planId: string, batch: AuditBatch): void {
    if (this.held) return holdLines(this.held, planId, batch, this.readLatest);
    const lines = new HeldLines();
    holdLines(lines, planId, batch, this.readLatest);
    if (this.db.inTransaction) this.write(lines);
    else this.db.transaction(() => this.write(lines))();
  }

  /**
   * Runs `store`, which stores a batch of changes inside an open transaction, and writes
   * the lines that its changes recorded after it, in that transaction. When `store` or
   * the writing throws, nothing of the lines is kept (the transaction rolls back).
   */
  during<T>(store: () => T): T {
    if (this.held) return store();
    const lines = (this.held = new HeldLines());
    try {
      const result = store();
      this.write(lines);
      return result;
    } finally {
      this.held = null;
    }
  }

  private readonly readLatest = (planId: string, itemId: string): Line | null => {
    const row = this.lastOfItem.get(planId, itemId) as Row | undefined;
    return row ? { ...latestOfRow(row), planId, itemId, id: row.id } : null;
  };

  private write(lines: HeldLines): void {
    for (const line of lines.continued) this.extend.run(JSON.stringify(line.change), line.at, line.id);
    if (lines.added.length === 0) return;
    const values: unknown[] = [];
    for (const { planId, itemId, change, userId, at } of lines.added) values.push(planId, itemId, change.field, JSON.stringify(change), userId, at);
    this.insert.run(values);
  }
}
