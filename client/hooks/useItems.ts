import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { listItems, planItems, type ItemView } from '../../shared/plan/schema';
import { createYStore, storePerDoc } from './createYStore';

const itemsStore = storePerDoc((doc) => createYStore(planItems(doc), () => listItems(doc)));

/** The live items of the plan, in plan order, re-read whenever any item changes. */
export function useItems(doc: Y.Doc): ItemView[] {
  const store = itemsStore(doc);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
