import { useEffect } from 'react';
import { usePlanAwareness } from './ViewersContext';

/** Tells the others, through presence, that this person has the item open while the component is shown. */
export function useViewingItem(itemId: string | null): void {
  const awareness = usePlanAwareness();
  useEffect(() => {
    if (!awareness || !itemId) return;
    awareness.setLocalStateField('viewing', itemId);
    return () => {
      if (awareness.getLocalState()?.viewing === itemId) awareness.setLocalStateField('viewing', null);
    };
  }, [awareness, itemId]);
}
