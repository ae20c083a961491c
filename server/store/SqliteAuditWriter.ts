import type BetterSqlite3 from 'better-sqlite3';
import { continued, latestOfRow, mayContinue, SELECT_ROW, type AuditBatch, type AuditWriter, type LatestChange, type Row } from './ChangeStore';
import { MultiRowInsert } from './MultiRowInsert';

/** One line of the trail in the making: a new one, or a stored one (`id`) that a typing run continued. */
interface Line extends LatestChange {
  planId: string;
  itemId: string;
  id: number | null;
}

/** The lines of one batch of changes, until they are written. */
class HeldLines {
  readonly added: Line[] = [];
  readonly continued = new Set<Line>();
  /** Each item's latest line so far: held, or read from storage (null: the item has none). */
  readonly latest = new Map<string, Line | null>();
}

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
    if (this.held) return this.hold(this.held, planId, batch);
    const lines = new HeldLines();
    this.hold(lines, planId, batch);
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

  private hold(lines: HeldLines, planId: string, batch: AuditBatch): void {
    for (const { itemId, changes, userId, at } of batch) {
      const key = `${planId}\n${itemId}`;
      for (const change of changes) {
        if (mayContinue(change)) {
          const last = this.latest(lines, key, planId, itemId);
          const extended = continued(change, last ?? undefined, userId, at);
          if (last && extended) {
            last.change = extended;
            last.at = at;
            if (last.id !== null) lines.continued.add(last);
            continue;
          }
        }
        const line: Line = { planId, itemId, change, userId, at, id: null };
        lines.added.push(line);
        lines.latest.set(key, line);
      }
    }
  }

  private latest(lines: HeldLines, key: string, planId: string, itemId: string): Line | null {
    let last = lines.latest.get(key);
    if (last === undefined) {
      const row = this.lastOfItem.get(planId, itemId) as Row | undefined;
      last = row ? { ...latestOfRow(row), planId, itemId, id: row.id } : null;
      lines.latest.set(key, last);
    }
    return last;
  }

  private write(lines: HeldLines): void {
    for (const line of lines.continued) this.extend.run(JSON.stringify(line.change), line.at, line.id);
    if (lines.added.length === 0) return;
    const values: unknown[] = [];
    for (const { planId, itemId, change, userId, at } of lines.added) values.push(planId, itemId, change.field, JSON.stringify(change), userId, at);
    this.insert.run(values);
  }
}
