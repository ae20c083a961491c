import type { ItemPatch } from '../../shared/plan/itemOps';
import type { ItemView } from '../../shared/plan/schema';
import type { PlainItem } from '../../shared/plan/types';

/** The dialog's working copy of an item; nothing reaches the plan until it is saved. */
export interface ItemDraft extends PlainItem {
  directionId: string;
}

export const emptyDraft = (directionId: string): ItemDraft => ({
  directionId,
  activity: '',
  how: '',
  who: [],
  when: '',
  status: 'not_started',
  statusNote: '',
  priority: null,
});

export const draftOf = ({ directionId, activity, how, who, when, status, statusNote, priority }: ItemView): ItemDraft => ({
  directionId,
  activity,
  how,
  who,
  when,
  status,
  statusNote,
  priority,
});

/**
 * Only the fields the person changed, compared with the item as it was when the dialog
 * opened: a save then leaves alone what others changed meanwhile in other fields (and
 * leaves the Hur text, rewritten whole when written, untouched unless it was edited).
 * Status and status note are useStatusNote's.
 */
export function changedFields(original: ItemDraft, draft: ItemDraft): ItemPatch {
  const patch: ItemPatch = {};
  if (draft.activity.trim() !== original.activity) patch.activity = draft.activity.trim();
  if (draft.how !== original.how) patch.how = draft.how;
  if (JSON.stringify(draft.who) !== JSON.stringify(original.who)) patch.who = draft.who;
  if (draft.when !== original.when) patch.when = draft.when;
  if (draft.priority !== original.priority) patch.priority = draft.priority;
  return patch;
}
