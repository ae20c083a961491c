import type { DragEvent } from 'react';

// Native HTML5 drag and drop carries the item id under a type of our own, so drops of
// text or files from elsewhere are ignored.
const DRAG_TYPE = 'application/x-planbord-item';

export function startItemDrag(e: DragEvent, id: string, label: string) {
  e.dataTransfer.setData(DRAG_TYPE, id);
  e.dataTransfer.setData('text/plain', label);
  e.dataTransfer.effectAllowed = 'move';
}

export const isItemDrag = (e: DragEvent) => e.dataTransfer.types.includes(DRAG_TYPE);

export const draggedItemId = (e: DragEvent) => e.dataTransfer.getData(DRAG_TYPE) || null;
