import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { readViewers, viewersKey, type Viewer } from './readViewers';
import { ViewersContext } from './ViewersContext';

function viewersStore(awareness: Awareness) {
  let current: { key: string; viewers: Map<string, Viewer[]> } | null = null;
  const read = () => {
    const viewers = readViewers(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID);
    const key = viewersKey(viewers);
    if (current?.key !== key) current = { key, viewers };
  };
  return {
    subscribe(onChange: () => void) {
      const handler = () => {
        const before = current;
        read();
        if (current !== before) onChange();
      };
      awareness.on('change', handler);
      return () => awareness.off('change', handler);
    },
    getSnapshot() {
      if (!current) read();
      return current!.viewers;
    },
  };
}

/** Who has which card open, for the cards, and the presence for the dialogs that say so. */
export function ViewersProvider({ awareness, children }: { awareness: Awareness; children: ReactNode }) {
  const store = useMemo(() => viewersStore(awareness), [awareness]);
  const viewers = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const value = useMemo(() => ({ awareness, viewers }), [awareness, viewers]);
  return <ViewersContext.Provider value={value}>{children}</ViewersContext.Provider>;
}
