import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { cellOthers, naturalIndex, placeAmong } from '../../shared/plan/cellPlace';
import { addItem, moveItem, setStatus } from '../../shared/plan/itemOps';
import { listDirections, listItems } from '../../shared/plan/schema';
import type { Status } from '../../shared/plan/types';
import { replicas } from '../helpers/planFixture';

// A place in one cell of the board (one status of one direction) becomes a move in the
// direction's plan order, whatever items of other statuses stand between the cell's cards.

function planWithMixedStatuses() {
  const [doc] = replicas(1);
  const dir = listDirections(doc)[0].id;
  // A, B, C are not started; two done items stand between and after them in plan order.
  setStatus(doc, listItems(doc).find((i) => i.activity === 'C')!.id, 'not_started');
  for (const [activity, after] of [['X', 'A'], ['Y', 'C']] as const) {
    addItem(doc, { directionId: dir, activity, status: 'done' }, listItems(doc).find((i) => i.activity === after)!.id);
  }
  return { doc, dir };
}

const cell = (doc: Y.Doc, dir: string, status: Status) => cellOthers(listItems(doc), dir, status, null).map((i) => i.activity);

/** Moves `activity` to `index` among the other items of the cell (dir, status), as the board does. */
function moveTo(doc: Y.Doc, dir: string, activity: string, status: Status, index: number) {
  const item = listItems(doc).find((i) => i.activity === activity)!;
  const others = cellOthers(listItems(doc), dir, status, item.id);
  moveItem(doc, item.id, { status, ...placeAmong(others, index) });
}

describe('a place in a cell', () => {
  it('puts a card first, between two others and last in its own cell', () => {
    const { doc, dir } = planWithMixedStatuses();
    expect(listItems(doc).filter((i) => i.directionId === dir).map((i) => i.activity)).toEqual(['A', 'X', 'B', 'C', 'Y']);
    expect(cell(doc, dir, 'not_started')).toEqual(['A', 'B', 'C']);
    moveTo(doc, dir, 'C', 'not_started', 0);
    expect(cell(doc, dir, 'not_started')).toEqual(['C', 'A', 'B']);
    moveTo(doc, dir, 'C', 'not_started', 1);
    expect(cell(doc, dir, 'not_started')).toEqual(['A', 'C', 'B']);
    moveTo(doc, dir, 'A', 'not_started', 2);
    expect(cell(doc, dir, 'not_started')).toEqual(['C', 'B', 'A']);
    // The done items keep their cell and order.
    expect(cell(doc, dir, 'done')).toEqual(['X', 'Y']);
  });

  it('puts a card into a place in another status, and into an empty cell', () => {
    const { doc, dir } = planWithMixedStatuses();
    moveTo(doc, dir, 'B', 'done', 1);
    expect(cell(doc, dir, 'done')).toEqual(['X', 'B', 'Y']);
    moveTo(doc, dir, 'C', 'done', 0);
    expect(cell(doc, dir, 'done')).toEqual(['C', 'X', 'B', 'Y']);
    moveTo(doc, dir, 'A', 'paused', 0);
    expect(cell(doc, dir, 'paused')).toEqual(['A']);
  });

  it('says where a card stands without a place of its own: by its key in its direction, last in another', () => {
    const { doc, dir } = planWithMixedStatuses();
    const items = listItems(doc);
    const b = items.find((i) => i.activity === 'B')!;
    expect(naturalIndex(cellOthers(items, dir, 'not_started', b.id), b, dir)).toBe(1);
    // Were B done, it would stand between X and Y, as its key does.
    expect(naturalIndex(cellOthers(items, dir, 'done', b.id), b, dir)).toBe(1);
    const other = listDirections(doc)[1].id;
    expect(naturalIndex(cellOthers(items, other, 'not_started', b.id), b, other)).toBe(cellOthers(items, other, 'not_started', b.id).length);
    expect(naturalIndex([], null, dir)).toBe(0);
  });
});
