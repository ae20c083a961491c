import { describe, expect, it } from 'vitest';
import { nextSlot, type Slot, type SlotGrid } from '../../client/board/drag/nextSlot';
import type { Status } from '../../shared/plan/types';

// The arrow keys' way across the board while a card is lifted.

const counts: Record<string, Partial<Record<Status, number>>> = {
  one: { not_started: 2, in_progress: 0 },
  two: { not_started: 1, in_progress: 3 },
};
const grid: SlotGrid = {
  directions: ['one', 'two'],
  statuses: ['not_started', 'planned', 'in_progress'],
  count: (d, s) => counts[d]?.[s] ?? 0,
};
const at = (directionId: string, status: Status, index: number): Slot => ({ directionId, status, index });

describe('arrow keys on the board', () => {
  it('go up and down through the places of a cell, then on into the cell above or below', () => {
    expect(nextSlot(grid, at('one', 'not_started', 2), 'up')).toEqual(at('one', 'not_started', 1));
    expect(nextSlot(grid, at('one', 'not_started', 1), 'down')).toEqual(at('one', 'not_started', 2));
    // Past the last place: the first place of the same status in the direction below.
    expect(nextSlot(grid, at('one', 'not_started', 2), 'down')).toEqual(at('two', 'not_started', 0));
    // Past the first place: the last place of the cell above.
    expect(nextSlot(grid, at('two', 'not_started', 0), 'up')).toEqual(at('one', 'not_started', 2));
  });

  it('go left and right to the neighbouring status, at the same place where it has one', () => {
    expect(nextSlot(grid, at('two', 'not_started', 1), 'right')).toEqual(at('two', 'planned', 0));
    expect(nextSlot(grid, at('two', 'planned', 0), 'right')).toEqual(at('two', 'in_progress', 0));
    expect(nextSlot(grid, at('two', 'in_progress', 3), 'left')).toEqual(at('two', 'planned', 0));
  });

  it('stay at the edges of the board', () => {
    for (const [slot, step] of [
      [at('one', 'not_started', 0), 'up'],
      [at('two', 'not_started', 1), 'down'],
      [at('one', 'not_started', 0), 'left'],
      [at('one', 'in_progress', 0), 'right'],
    ] as const) {
      expect(nextSlot(grid, slot, step)).toEqual(slot);
    }
  });

  it('move only between the statuses shown', () => {
    const phone: SlotGrid = { ...grid, statuses: ['in_progress'] };
    expect(nextSlot(phone, at('two', 'in_progress', 1), 'left')).toEqual(at('two', 'in_progress', 1));
    expect(nextSlot(phone, at('two', 'in_progress', 3), 'down')).toEqual(at('two', 'in_progress', 3));
  });
});
