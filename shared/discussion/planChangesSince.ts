import * as Y from 'yjs';
import { planDirections, planItems, readItem, type ItemMap } from '../plan/schema';
import type { Priority, Status } from '../plan/types';

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

export type ItemFieldChange =
  | { field: 'created' | 'deleted' | 'restored' }
  | { field: 'activity' | 'how' | 'when' | 'statusNote' | 'direction'; from: string; to: string }
  | { field: 'who'; from: string[]; to: string[] }
  | { field: 'status'; from: Status; to: Status }
  | { field: 'priority'; from: Priority; to: Priority };

export interface PlanChange {
  itemId: string;
  userId: string | null;
  at: number;
  change: ItemFieldChange;
}

interface ItemState {
  deleted: boolean;
  activity: string;
  how: string;
  when: string;
  statusNote: string;
  direction: string;
  who: string[];
  status: Status;
  priority: Priority;
}

function readState(doc: Y.Doc, id: string): ItemState | null {
  const map = planItems(doc).get(id);
  if (!map) return null;
  const view = readItem(id, map);
  const direction = planDirections(doc).get(view.directionId)?.get('title');
  return {
    deleted: map.get('deleted') === true,
    activity: view.activity,
    how: view.how,
    when: view.when,
    statusNote: view.statusNote,
    direction: typeof direction === 'string' ? direction : '',
    who: view.who,
    status: view.status,
    priority: view.priority,
  };
}

const TEXT_FIELDS = ['activity', 'how', 'when', 'statusNote', 'direction'] as const;

function compare(before: ItemState | null, after: ItemState | null): ItemFieldChange[] {
  if (!after) return [];
  if (!before) return after.deleted ? [] : [{ field: 'created' }];
  if (before.deleted !== after.deleted) return [{ field: after.deleted ? 'deleted' : 'restored' }];
  const out: ItemFieldChange[] = [];
  for (const field of TEXT_FIELDS) if (before[field] !== after[field]) out.push({ field, from: before[field], to: after[field] });
  if (before.who.join('\n') !== after.who.join('\n')) out.push({ field: 'who', from: before.who, to: after.who });
  if (before.status !== after.status) out.push({ field: 'status', from: before.status, to: after.status });
  if (before.priority !== after.priority) out.push({ field: 'priority', from: before.priority, to: after.priority });
  return out;
}

/** The ids of the items a transaction touched, from the items map's deep events. */
function touchedItems(events: Array<Y.YEvent<any>>, items: Y.Map<ItemMap>): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.target === items) for (const key of event.changes.keys.keys()) ids.add(key);
    else {
      const first = event.path[0];
      if (typeof first === 'string') ids.add(first);
    }
  }
  return ids;
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
  items.forEach((_, id) => states.set(id, readState(doc, id)));
  let touched = new Set<string>();
  const observer = (events: Array<Y.YEvent<any>>) => touchedItems(events, items).forEach((id) => touched.add(id));
  items.observeDeep(observer);
  for (; next < rows.length; next++) {
    const { update, userId, at } = rows[next];
    touched = new Set();
    Y.applyUpdate(doc, update);
    for (const itemId of touched) {
      const after = readState(doc, itemId);
      for (const change of compare(states.get(itemId) ?? null, after)) out.push({ itemId, userId, at, change });
      states.set(itemId, after);
    }
  }
  items.unobserveDeep(observer);
  doc.destroy();
  return out;
}
