import type Database from 'better-sqlite3';
import type { ItemFieldChange } from '../../shared/plan/itemChanges';
import type { PlanChange } from '../../shared/discussion/summarisePlanChanges';
import type { PlanFieldChange } from '../../shared/plan/planTextChanges';

// Changes of an item's fields are filed under the item's id; changes of the plan's
// strategy and focus texts under PLAN_TEXT_ITEM_ID, told apart by their field.

export interface StoredChange {
  id: number;
  itemId: string;
  change: PlanFieldChange;
  userId: string | null;
  at: number;
}

/** A change of the plan as the audit trail keeps it, without its row id. */
export type AuditedChange = Omit<StoredChange, 'id'>;

/** Typing within this long by the same person in the same field is one change. */
export const TYPING_RUN_MS = 2 * 60_000;
const TEXT_FIELDS = new Set(['activity', 'how', 'when', 'statusNote', 'strategy', 'focus']);

interface Row {
  id: number;
  item_id: string;
  change: string;
  user_id: string | null;
  at: number;
}

const toChange = (r: Row): StoredChange => ({ id: r.id, itemId: r.item_id, change: JSON.parse(r.change), userId: r.user_id, at: r.at });

/** The audit trail of plan changes (table plan_changes): the only SQL for it. */
export class ChangeStore {
  private readonly insert;
  private readonly lastOfField;
  private readonly extend;
  private readonly byItem;
  private readonly byPlan;
  private readonly inPeriod;
  /** Records a batch of items' changes in one transaction. */
  readonly recordAll: (planId: string, batch: Array<Omit<StoredChange, 'id' | 'change'> & { changes: PlanFieldChange[] }>) => void;

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT INTO plan_changes (plan_id, item_id, field, change, user_id, at) VALUES (?, ?, ?, ?, ?, ?)');
    this.lastOfField = db.prepare('SELECT * FROM plan_changes WHERE plan_id = ? AND item_id = ? ORDER BY id DESC LIMIT 1');
    this.extend = db.prepare('UPDATE plan_changes SET change = ?, at = ? WHERE id = ?');
    this.byItem = db.prepare('SELECT * FROM plan_changes WHERE plan_id = ? AND item_id = ? ORDER BY id DESC LIMIT ?');
    this.byPlan = db.prepare('SELECT * FROM plan_changes WHERE plan_id = ? AND id < ? ORDER BY id DESC LIMIT ?');
    this.inPeriod = db.prepare('SELECT * FROM plan_changes WHERE plan_id = ? AND at > ? AND at <= ? ORDER BY id');
    const recordEach: ChangeStore['recordAll'] = (planId, batch) => {
      for (const b of batch) this.record(planId, b.itemId, b.changes, b.userId, b.at);
    };
    const inOwnTransaction = db.transaction(recordEach);
    // Inside the transaction that stores the change (the usual case), no savepoint of its own.
    this.recordAll = (planId, batch) => (db.inTransaction ? recordEach(planId, batch) : inOwnTransaction(planId, batch));
  }

  /**
   * Records one item's (or the plan texts') changes from one transaction. A text edit
   * that continues the item's latest change (same field and person, within a typing run) extends it.
   */
  record(planId: string, itemId: string, changes: PlanFieldChange[], userId: string | null, at: number): void {
    for (const change of changes) {
      if (TEXT_FIELDS.has(change.field) && 'from' in change) {
        const last = this.lastOfField.get(planId, itemId) as Row | undefined;
        const previous = last && (JSON.parse(last.change) as PlanFieldChange);
        if (previous && previous.field === change.field && last.user_id === userId && at - last.at < TYPING_RUN_MS && 'from' in previous) {
          this.extend.run(JSON.stringify({ ...previous, to: change.to }), at, last.id);
          continue;
        }
      }
      this.insert.run(planId, itemId, change.field, JSON.stringify(change), userId, at);
    }
  }

  /** The item's latest changes, newest first. */
  forItem(planId: string, itemId: string, limit = 20): StoredChange[] {
    return (this.byItem.all(planId, itemId, limit) as Row[]).map(toChange);
  }

  /** The plan's changes after `after` up to `until` (server times), oldest first. */
  between(planId: string, after: number, until: number): AuditedChange[] {
    return (this.inPeriod.all(planId, after, Math.min(until, Number.MAX_SAFE_INTEGER)) as Row[]).map((r) => ({
      itemId: r.item_id,
      userId: r.user_id,
      at: r.at,
      change: JSON.parse(r.change),
    }));
  }

  /** The plan's changes, newest first, older than the change `beforeId` when given. */
  forPlan(planId: string, limit = 100, beforeId = Number.MAX_SAFE_INTEGER): StoredChange[] {
    return (this.byPlan.all(planId, beforeId, limit) as Row[]).map(toChange);
  }
}
