import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { planMeta, readMeta } from '../../shared/plan/schema';
import { createYStore, storePerDoc } from './createYStore';

const metaStore = storePerDoc((doc) => createYStore(planMeta(doc), () => readMeta(doc)));

/** Title, year, organisation and version of the plan. */
export function usePlanMeta(doc: Y.Doc) {
  const store = metaStore(doc);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
