import type * as Y from 'yjs';
import { planDirections, planItems, readItem } from './schema';
import type { Priority, Status } from './types';

// What changed in an item, field by field: the one description of a plan change that
// the audit trail, the meeting's change list and "new since your last visit" share.

export type ItemFieldChange =
  | { field: 'created' | 'deleted' | 'restored' }
  | { field: 'activity' | 'how' | 'when' | 'statusNote' | 'direction'; from: string; to: string }
  | { field: 'who'; from: string[]; to: string[] }
  | { field: 'status'; from: Status; to: Status }
  | { field: 'priority'; from: Priority; to: Priority };

export interface ItemState {
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

/** The item's fields as compared; `how`, when given, stands for its rich text (read otherwise). */
export function readItemState(doc: Y.Doc, id: string, how?: string): ItemState | null {
  const map = planItems(doc).get(id);
  if (!map) return null;
  const view = readItem(id, map, how);
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

export function compareItemStates(before: ItemState | null, after: ItemState | null): ItemFieldChange[] {
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
