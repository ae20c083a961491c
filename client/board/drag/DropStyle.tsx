import { useSyncExternalStore } from 'react';
import { cardsIn, cellElement } from './boardGeometry';
import type { DragSession } from './DragSession';
import { sameSlot } from './nextSlot';

const card = (id: string) => `#board [data-item-id="${CSS.escape(id)}"]`;
const cell = (directionId: string, status: string) => `#board .board-cell[data-direction-id="${CSS.escape(directionId)}"][data-status="${status}"]`;

/**
 * Marks the drag on the board with one style element: the lifted card faded, the cell
 * it would land in outlined, and a bar where in that cell it would go.
 */
export function DropStyle({ session, root }: { session: DragSession; root: HTMLElement }) {
  const drag = useSyncExternalStore(session.subscribe, session.get);
  if (!drag) return null;
  const rules = [`${card(drag.itemId)} { opacity: 0.45; }`, '#board .board-cell { outline: 2px dashed var(--border-strong); outline-offset: -2px; }'];
  const to = drag.to;
  if (to) {
    rules.push(`${cell(to.directionId, to.status)} { outline: 3px dashed var(--accent); outline-offset: -3px; background: var(--accent-soft); }`);
    const target = cellElement(root, to.directionId, to.status);
    const others = target ? cardsIn(target, drag.itemId) : [];
    const before = others[to.index];
    const after = others[to.index - 1];
    if (!sameSlot(to, drag.from) && (before || after)) {
      const id = (before ?? after).dataset.itemId!;
      rules.push(`${card(id)} { box-shadow: 0 ${before ? '-0.3rem' : '0.3rem'} 0 0 var(--accent); }`);
    }
  }
  return <style>{rules.join('\n')}</style>;
}
