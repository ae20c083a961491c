import { useState, useSyncExternalStore } from 'react';
import { LazyBoundary } from '../../lazy/LazyBoundary';
import { lazyView } from '../../lazy/lazyView';
import { usePreloadWhenIdle } from '../../lazy/usePreloadWhenIdle';
import type { DragBridge } from './DragBridge';

// Drag and drop is not needed to paint the board: its code comes after the first paint.
const BoardDrag = lazyView(() => import('./BoardDrag'));

/** Mounts the board's drag and drop once the browser is idle after the first paint, or at the first press on a card. */
export function DragHost({ bridge }: { bridge: DragBridge }) {
  const wanted = useSyncExternalStore(bridge.subscribe, bridge.isWanted);
  const [whenIdle] = useState(() => [{ preload: async () => bridge.want() }]);
  usePreloadWhenIdle(true, whenIdle);
  if (!wanted) return null;
  return (
    // Without its code the board still works, by the item dialog's place.
    <LazyBoundary fallback={null} frame={() => null}>
      <BoardDrag bridge={bridge} />
    </LazyBoundary>
  );
}
