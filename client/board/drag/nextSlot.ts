import type { Status } from '../../../shared/plan/types';

/** A place on the board: a cell (one status of one direction) and a place among its other cards (0 = first). */
export interface Slot {
  directionId: string;
  status: Status;
  index: number;
}

export type Step = 'up' | 'down' | 'left' | 'right';

/** The board as the arrow keys cross it. */
export interface SlotGrid {
  /** The directions, top to bottom. */
  directions: readonly string[];
  /** The statuses shown, left to right (a phone may show one). */
  statuses: readonly Status[];
  /** How many cards a cell holds besides the one being moved. */
  count(directionId: string, status: Status): number;
}

/**
 * Where an arrow key takes a card: up and down one place within its cell, and past the
 * cell's first or last place into the cell above or below (the same status in the
 * direction above or below); left and right to the neighbouring status, at the same
 * place as far as that cell has places. At the board's edges it stays.
 */
export function nextSlot(grid: SlotGrid, slot: Slot, step: Step): Slot {
  const { directionId, status, index } = slot;
  const lane = grid.directions.indexOf(directionId);
  switch (step) {
    case 'up': {
      if (index > 0) return { ...slot, index: index - 1 };
      const above = grid.directions[lane - 1];
      return lane > 0 && above !== undefined ? { directionId: above, status, index: grid.count(above, status) } : slot;
    }
    case 'down': {
      if (index < grid.count(directionId, status)) return { ...slot, index: index + 1 };
      const below = grid.directions[lane + 1];
      return below !== undefined ? { directionId: below, status, index: 0 } : slot;
    }
    case 'left':
    case 'right': {
      const column = grid.statuses.indexOf(status);
      const next = column < 0 ? undefined : grid.statuses[column + (step === 'left' ? -1 : 1)];
      return next === undefined ? slot : { directionId, status: next, index: Math.min(index, grid.count(directionId, next)) };
    }
  }
}

export const sameSlot = (a: Slot, b: Slot) => a.directionId === b.directionId && a.status === b.status && a.index === b.index;
