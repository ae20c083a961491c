import { useMemo } from 'react';
import type * as Y from 'yjs';
import { planItems, readItem } from '../../shared/plan/schema';
import { useDocVersion } from './useDocVersion';

export interface ItemName {
  activity: string;
  deleted: boolean;
  exists: boolean;
}

/** An item's Vad and whether it was deleted, kept live. */
export function usePlanItem(planDoc: Y.Doc, itemId: string): ItemName {
  const version = useDocVersion(planDoc);
  return useMemo(() => {
    const map = planItems(planDoc).get(itemId);
    if (!map) return { activity: '', deleted: true, exists: false };
    const item = readItem(itemId, map);
    return { activity: item.activity || item.how.slice(0, 60), deleted: map.get('deleted') === true, exists: true };
    // version stands for the plan's content
  }, [planDoc, itemId, version]);
}
