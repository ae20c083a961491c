import { useState } from 'react';
import type * as Y from 'yjs';
import { cellOthers, naturalIndex, placeAmong } from '../../shared/plan/cellPlace';
import { moveItem } from '../../shared/plan/itemOps';
import type { ItemView } from '../../shared/plan/schema';
import type { Status } from '../../shared/plan/types';

/**
 * An item's place in the column (status and direction) the dialog has it in: where it
 * would stand unless a place is chosen, and the chosen one, which holds for the column
 * it was chosen in.
 */
export function useCellPlace(items: ItemView[], item: ItemView | null, directionId: string, status: Status) {
  const others = cellOthers(items, directionId, status, item?.id ?? null);
  const natural = naturalIndex(others, item, directionId);
  const cell = `${directionId}/${status}`;
  const [chosen, setChosen] = useState<{ cell: string; index: number } | null>(null);
  const index = chosen?.cell === cell ? chosen.index : natural;
  return {
    others,
    index,
    choose: (next: number) => setChosen({ cell, index: next }),
    /** Within the save's transaction, after the item has its status and direction. */
    putInPlace: (doc: Y.Doc, id: string) => {
      if (index !== natural) moveItem(doc, id, placeAmong(others, index));
    },
  };
}
