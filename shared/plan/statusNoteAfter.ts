import { statusNamedBy } from '../import/statuses';
import type { Status } from './types';

// When an item's status changes, its status note may only have said the old status
// ("Pågår" on a card moved to Klart): kept, it would contradict the new status on the
// board and in the annual meeting's document. Such a note goes; a note that says more
// than a status ("Pågår, delvis klart (Utst på Eko-centrum)") is the board's own words
// and stays. Every way of changing a status applies this in the same transaction.

export type StatusNoteOutcome =
  /** The status did not change, or there was no note. */
  | 'unchanged'
  /** The note only named the old status and is removed. */
  | 'removed'
  /** The note says more than the old status and is kept. */
  | 'kept';

export function statusNoteAfter(note: string, from: Status, to: Status): { note: string; outcome: StatusNoteOutcome } {
  if (from === to || note.trim() === '') return { note, outcome: 'unchanged' };
  if (statusNamedBy(note) === from) return { note: '', outcome: 'removed' };
  return { note, outcome: 'kept' };
}
