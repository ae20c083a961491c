import type { MoveTarget } from './itemOps';
import { byOrder, type ItemView } from './schema';
import type { Status } from './types';

// A cell of the board is one status within one direction. Its cards stand in plan
// order, and the plan's order is kept per direction across every status, so a place
// in a cell is said as "right after" or "right before" a card of that cell.

/** The items of one cell, in plan order, leaving out the one being moved. */
export const cellOthers = (items: readonly ItemView[], directionId: string, status: Status, movingId: string | null): ItemView[] =>
  items.filter((i) => i.directionId === directionId && i.status === status && i.id !== movingId);

/** The order part of a move that puts an item at `index` among a cell's other items (0 = first). */
export function placeAmong(others: readonly { id: string }[], index: number): Pick<MoveTarget, 'afterId' | 'beforeId'> {
  if (others.length === 0) return {};
  if (index <= 0) return { beforeId: others[0].id };
  return { afterId: others[Math.min(index, others.length) - 1].id };
}

/**
 * Where an item stands among a cell's other items without being put in a place: its
 * own order key among theirs in its direction, and at the end of a direction it moves
 * to (a move to another direction appends it there).
 */
export function naturalIndex(others: readonly ItemView[], item: ItemView | null, directionId: string): number {
  if (!item || item.directionId !== directionId) return others.length;
  return others.filter((o) => byOrder(o, item) < 0).length;
}
