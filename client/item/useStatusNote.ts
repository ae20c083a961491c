import { useState } from 'react';
import type { ItemPatch } from '../../shared/plan/itemOps';
import { statusNoteAfter } from '../../shared/plan/statusNoteAfter';
import type { Status } from '../../shared/plan/types';
import { useI18n } from '../i18n/I18nProvider';
import type { ItemDraft } from './itemDraft';

/**
 * The dialog's status and status note. Until the person changes them they follow the
 * item as it is now, so a move someone makes meanwhile shows here; a status chosen
 * here settles the note by the rule the save itself applies (statusNoteAfter), and the
 * hint says whether the note goes or stays, and why.
 */
export function useStatusNote(opened: ItemDraft, live: ItemDraft) {
  const { t } = useI18n();
  const [chosenStatus, setStatus] = useState<Status | null>(null);
  const [typedNote, setNote] = useState<string | null>(null);
  const status = chosenStatus ?? live.status;
  const settled = statusNoteAfter(live.statusNote, live.status, status);
  const note = typedNote ?? settled.note;

  let hint: string | null = null;
  if (typedNote === null && chosenStatus !== null) {
    if (settled.outcome === 'removed') hint = t.dialog.noteGoes(live.statusNote);
    if (settled.outcome === 'kept') hint = t.dialog.noteStays;
  } else if (typedNote === null && live.status !== opened.status) {
    // Someone else changed the status while the dialog was open.
    const earlier = statusNoteAfter(opened.statusNote, opened.status, live.status);
    if (earlier.outcome === 'removed' && live.statusNote === '') hint = t.dialog.noteWent(t.statuses[live.status], opened.statusNote);
    if (earlier.outcome === 'kept' && live.statusNote === opened.statusNote) hint = t.dialog.noteStayed(t.statuses[live.status]);
  }

  // Only what the person chose: a note left alone is settled by the save, on the note as it is then.
  const patch: Pick<ItemPatch, 'status' | 'statusNote'> = {};
  if (chosenStatus !== null && chosenStatus !== live.status) patch.status = chosenStatus;
  if (typedNote !== null && typedNote !== live.statusNote) patch.statusNote = typedNote;
  return { status, note, hint, patch, setStatus, setNote };
}
