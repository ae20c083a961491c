import * as Y from 'yjs';
import { compareItemStates, readItemState, touchedItems, type ItemFieldChange, type ItemState } from '../plan/itemChanges';
import { planItems } from '../plan/schema';

export type { ItemFieldChange };

// The plan changes made after a moment, item by item, with who made them and when,
// worked out from the stored updates of the plan document: the state at that moment
// is rebuilt from the rows before it, then each later row is applied alone and the
// items it touched are compared before and after. Rows merged by compaction carry no
// author and the time of their newest part; what they hid cannot be told apart.

export interface UpdateRow {
  update: Uint8Array;
  userId: string | null;
  /** The server's clock when the row was stored. */
  at: number;
}

export interface PlanChange {
  itemId: string;
  userId: string | null;
  at: number;
  change: ItemFieldChange;
}

/** Rows in the order they were stored; changes in the same order. */
export function planChangesSince(rows: UpdateRow[], since: number): PlanChange[] {
  const doc = new Y.Doc();
  const items = planItems(doc);
  let next = 0;
  doc.transact(() => {
    while (next < rows.length && rows[next].at <= since) Y.applyUpdate(doc, rows[next++].update);
    // Nothing before the moment: the first row is a merged one or the plan's import, not a change.
    if (items.size === 0 && next < rows.length) Y.applyUpdate(doc, rows[next++].update);
  });
  const out: PlanChange[] = [];
  const states = new Map<string, ItemState | null>();
  items.forEach((_, id) => states.set(id, readItemState(doc, id)));
  let touched = new Set<string>();
  const observer = (events: Array<Y.YEvent<any>>) => touchedItems(events, items).forEach((id) => touched.add(id));
  items.observeDeep(observer);
  for (; next < rows.length; next++) {
    const { update, userId, at } = rows[next];
    touched = new Set();
    Y.applyUpdate(doc, update);
    for (const itemId of touched) {
      const after = readItemState(doc, itemId);
      for (const change of compareItemStates(states.get(itemId) ?? null, after)) out.push({ itemId, userId, at, change });
      states.set(itemId, after);
    }
  }
  items.unobserveDeep(observer);
  doc.destroy();
  return out;
}
