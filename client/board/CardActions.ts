import type { KeyboardEvent } from 'react';
import type { ItemView } from '../../shared/plan/schema';
import type { Priority, Status } from '../../shared/plan/types';

/** What a card can ask of the board; the board turns these into plan operations. */
export interface CardActions {
  setStatus(item: ItemView, status: Status): void;
  setPriority(item: ItemView, priority: Priority): void;
  edit(item: ItemView): void;
  /** Opens the card's details read-only; absent where there are none to show (a snapshot). */
  showDetails?(item: ItemView): void;
  remove(item: ItemView): void;
  /** Picks the card up for a keyboard move, or drops it where it is headed. */
  toggleMove(item: ItemView): void;
  moveKey(e: KeyboardEvent, item: ItemView): void;
  cancelMove(item: ItemView): void;
  dragStart(item: ItemView): void;
  dragEnd(): void;
  /** Narrows the board to the rows of the item's activity; absent where the board has no filter. */
  showRows?(item: ItemView): void;
}
