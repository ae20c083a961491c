import type { PlanFieldChange } from '../../shared/plan/planTextChanges';
import type { Sql } from './sql/Sql';
import type { StagedWrites } from './StagedWrites';

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

export interface Row {
  id: number;
  item_id: string;
  change: string;
  user_id: string | null;
  at: number;
}

const toChange = (r: Row): StoredChange => ({ id: r.id, itemId: r.item_id, change: JSON.parse(r.change), userId: r.user_id, at: r.at });

export const SELECT_ROW = 'SELECT id, item_id, change, user_id, at FROM plan_changes';

/** An item's latest line of the trail, as the typing rule reads it. */
export interface LatestChange {
  change: PlanFieldChange;
  userId: string | null;
  at: number;
}

/** Whether a change may continue an earlier line (an edit of a text field): only then is the item's latest line read. */
export function mayContinue(change: PlanFieldChange): boolean {
  return TEXT_FIELDS.has(change.field) && 'from' in change;
}

/** The latest line continued by `change` (same field and person, within a typing run), or null for a new line. */
export function continued(change: PlanFieldChange, last: LatestChange | undefined, userId: string | null, at: number): PlanFieldChange | null {
  if (!last || !mayContinue(change)) return null;
  const previous = last.change;
  if (previous.field !== change.field || last.userId !== userId || at - last.at >= TYPING_RUN_MS || !('from' in previous)) return null;
  return { ...previous, to: (change as { to: unknown }).to } as PlanFieldChange;
}

/** A stored row as the typing rule reads it. */
export const latestOfRow = (row: Row): LatestChange => ({ change: JSON.parse(row.change), userId: row.user_id, at: row.at });

export type AuditBatch = Array<Omit<StoredChange, 'id' | 'change'> & { changes: PlanFieldChange[] }>;

/**
 * Where the audit trail of a document's change goes while the change is applied
 * (synchronously, from inside it): written in the change's own transaction, at once on
 * SQLite, staged for it on PostgreSQL (see stagedAudit).
 */
export interface AuditWriter {
  recordAll(planId: string, batch: AuditBatch): void;
}

/** An audit writer that stages its lines, to be written by the transaction that stores the change. */
export function stagedAudit(staged: StagedWrites): AuditWriter {
  return { recordAll: (planId, batch) => staged.add((tx) => new ChangeStore(tx).recordAll(planId, batch)) };
}

/** The audit trail of plan changes (table plan_changes): the only SQL for it. */
export class ChangeStore {
  constructor(private readonly sql: Sql) {}

  /**
   * Records items' (or the plan texts') changes. A text edit that continues the item's
   * latest change (same field and person, within a typing run) extends it. Call it
   * inside a transaction to keep a batch whole.
   */
  async recordAll(planId: string, batch: AuditBatch): Promise<void> {
    for (const { itemId, changes, userId, at } of batch) {
      for (const change of changes) {
        const last = mayContinue(change)
          ? await this.sql.get<Row>(`${SELECT_ROW} WHERE plan_id = ? AND item_id = ? ORDER BY id DESC LIMIT 1`, [planId, itemId])
          : undefined;
        const extended = last && continued(change, latestOfRow(last), userId, at);
        if (extended) await this.sql.run('UPDATE plan_changes SET change = ?, at = ? WHERE id = ?', [JSON.stringify(extended), at, last.id]);
        else {
          await this.sql.run('INSERT INTO plan_changes (plan_id, item_id, field, change, user_id, at) VALUES (?, ?, ?, ?, ?, ?)', [
            planId,
            itemId,
            change.field,
            JSON.stringify(change),
            userId,
            at,
          ]);
        }
      }
    }
  }

  /** The item's latest changes, newest first. */
  async forItem(planId: string, itemId: string, limit = 20): Promise<StoredChange[]> {
    return (await this.sql.all<Row>(`${SELECT_ROW} WHERE plan_id = ? AND item_id = ? ORDER BY id DESC LIMIT ?`, [planId, itemId, limit])).map(toChange);
  }

  /** The plan's changes after `after` up to `until` (server times), oldest first. */
  async between(planId: string, after: number, until: number): Promise<AuditedChange[]> {
    const rows = await this.sql.all<Row>(`${SELECT_ROW} WHERE plan_id = ? AND at > ? AND at <= ? ORDER BY id`, [
      planId,
      after,
      Math.min(until, Number.MAX_SAFE_INTEGER),
    ]);
    return rows.map((r) => ({ itemId: r.item_id, userId: r.user_id, at: r.at, change: JSON.parse(r.change) }));
  }

  /** The plan's changes, newest first, older than the change `beforeId` when given. */
  async forPlan(planId: string, limit = 100, beforeId = Number.MAX_SAFE_INTEGER): Promise<StoredChange[]> {
    return (await this.sql.all<Row>(`${SELECT_ROW} WHERE plan_id = ? AND id < ? ORDER BY id DESC LIMIT ?`, [planId, beforeId, limit])).map(toChange);
  }
}
