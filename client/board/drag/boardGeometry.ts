import { STATUSES, type Status } from '../../../shared/plan/types';
import type { Slot } from './nextSlot';

// The board as laid out on the screen: its cells are elements with data-direction-id
// and data-status, holding their cards (data-item-id) one below the other.

const cellSelector = (directionId: string, status: Status) =>
  `.board-cell[data-direction-id="${CSS.escape(directionId)}"][data-status="${CSS.escape(status)}"]`;

export const cellElement = (root: HTMLElement, directionId: string, status: Status) => root.querySelector<HTMLElement>(cellSelector(directionId, status));

/** A cell's cards as shown, leaving out the one being moved. */
export const cardsIn = (cell: HTMLElement, movingId: string) =>
  [...cell.querySelectorAll<HTMLElement>('[data-item-id]')].filter((card) => card.dataset.itemId !== movingId);

/** The statuses whose cells are shown (on a phone, perhaps one). */
export const shownStatuses = (root: HTMLElement): Status[] =>
  STATUSES.filter((status) => [...root.querySelectorAll(`.board-cell[data-status="${status}"]`)].some((cell) => cell.getClientRects().length > 0));

/** The place under a point of the screen: the cell there, and the place before the first card whose middle is below it. */
export function slotAt(root: HTMLElement, x: number, y: number, movingId: string): Slot | null {
  const cell = document.elementFromPoint(x, y)?.closest<HTMLElement>('.board-cell');
  if (!cell || !root.contains(cell)) return null;
  const index = cardsIn(cell, movingId).filter((card) => {
    const box = card.getBoundingClientRect();
    return box.top + box.height / 2 < y;
  }).length;
  return { directionId: cell.dataset.directionId!, status: cell.dataset.status as Status, index };
}

/**
 * Brings a place into view and says where on the screen a card put there would start:
 * at the top of the card now in that place, below the last card, or at the top of an
 * empty cell.
 */
export function showSlot(root: HTMLElement, slot: Slot, movingId: string): { x: number; y: number } | null {
  const cell = cellElement(root, slot.directionId, slot.status);
  if (!cell) return null;
  const cards = cardsIn(cell, movingId);
  const at = cards[slot.index];
  const last = cards[cards.length - 1];
  (at ?? last ?? cell).scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const cellBox = cell.getBoundingClientRect();
  const y = at ? at.getBoundingClientRect().top : last ? last.getBoundingClientRect().bottom + 8 : cellBox.top + 8;
  return { x: cellBox.left + 8, y };
}
