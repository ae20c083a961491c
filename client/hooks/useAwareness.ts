import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

export interface Peer {
  clientId: number;
  name: string;
  color: string;
  isLocal: boolean;
}

function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== 'string') return;
    peers.push({
      clientId,
      // Other clients' states are not trusted for markup: they are rendered as text only.
      name: user.name.slice(0, 60),
      color: typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#4a5568',
      isLocal: clientId === awareness.clientID,
    });
  });
  return peers.sort((a, b) => Number(b.isLocal) - Number(a.isLocal) || a.name.localeCompare(b.name, 'sv'));
}

/** Everyone who has the plan open, the local person first. */
export function useAwareness(awareness: Awareness): Peer[] {
  const store = useMemo(() => {
    let cached: Peer[] | null = null;
    return {
      subscribe(onChange: () => void) {
        // 'change' fires only when a state really changes, not on every heartbeat.
        const handler = () => {
          cached = null;
          onChange();
        };
        awareness.on('change', handler);
        return () => awareness.off('change', handler);
      },
      getSnapshot: () => (cached ??= readPeers(awareness)),
    };
  }, [awareness]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
