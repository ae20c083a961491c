import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { listDirections, planDirections, type DirectionView } from '../../shared/plan/schema';
import { createYStore, storePerDoc } from './createYStore';

const directionsStore = storePerDoc((doc) => createYStore(planDirections(doc), () => listDirections(doc)));

/** The plan's directions (the board's swimlanes), in order. */
export function useDirections(doc: Y.Doc): DirectionView[] {
  const store = directionsStore(doc);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
