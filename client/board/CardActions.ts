import type { ItemView } from '../../shared/plan/schema';
import type { Priority, Status } from '../../shared/plan/types';

/** What a card can ask of the board; the board turns these into plan operations. */
export interface CardActions {
  setStatus(item: ItemView, status: Status): void;
  setPriority(item: ItemView, priority: Priority): void;
  /** Opens the item dialog; `at: 'place'` opens it on the card's place in its column. */
  edit(item: ItemView, at?: 'place'): void;
  /** Opens the card's details read-only; absent where there are none to show (a snapshot). */
  showDetails?(item: ItemView): void;
  remove(item: ItemView): void;
  /** Narrows the board to the rows of the item's activity; absent where the board has no filter. */
  showRows?(item: ItemView): void;
}
