import { sv } from '../i18n/sv';
import type { ItemView } from './schema';

// What a card says about its item, the same in the browser's board and in the board the
// server draws for the first paint.

const fold = (s: string) => s.trim().toLocaleLowerCase('sv');

/** The card's name: its Vad, or the start of its Hur where the row has no Vad. */
export const cardActivity = (item: ItemView): string => item.activity || item.how.slice(0, 60);

/** The card's accessible name; inside a group (whose header names the Vad) the Hur says which row. */
export function cardLabel(item: ItemView, showActivity: boolean): string {
  const activity = cardActivity(item);
  return showActivity || !item.how ? activity : `${activity}: ${item.how.slice(0, 60)}`;
}

/** The document's own status text, shown when it says more than the column does. */
export function noteWorthShowing(item: ItemView): boolean {
  return item.statusNote.trim() !== '' && fold(item.statusNote) !== fold(sv.statuses[item.status]);
}
