import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import { planItems } from '../../shared/plan/schema';
import { commitCacheWrites } from './commitCacheWrites';
import { ConnectionMonitor } from './ConnectionMonitor';
import { guardCacheLineage } from './guardCacheLineage';
import { jitterReconnects } from './jitterReconnects';

// If IndexedDB never answers (blocked storage), connect anyway after this long.
const CACHE_WAIT_MS = 3000;

export interface PlanConnection {
  planId: string;
  doc: Y.Doc;
  awareness: Awareness;
  connection: ConnectionMonitor;
  destroy(): void;
}

/** ws(s)://host of the page, so the app works behind any origin the server is given. */
export function defaultWsBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/**
 * Opens one plan: a Y.Doc kept in IndexedDB (so edits made offline survive a reload)
 * and synced with the server over y-websocket at /ws/plan/<planId>. Components only
 * see the doc, the awareness and the connection state; none of them touch the socket.
 */
export function connectPlan(planId: string, wsBase = defaultWsBase()): PlanConnection {
  const doc = new Y.Doc();
  const cache = new IndexeddbPersistence(`planbord:plan:${planId}`, doc);
  commitCacheWrites(cache, doc);
  const provider = new WebsocketProvider(`${wsBase}/ws`, `plan/${encodeURIComponent(planId)}`, doc, { connect: false });
  jitterReconnects(provider);
  const connection = new ConnectionMonitor(doc, provider, new Set<unknown>([cache]));
  let destroyed = false;
  guardCacheLineage(provider, () => {
    // The cache belongs to a plan this server no longer has: drop it and start afresh.
    void cache.clearData().then(() => location.reload());
  });
  // The cache is read before connecting, so that the lineage guard sees what it holds.
  const cacheRead = cache.whenSynced.then(() => {
    // A cached plan is shown at once, also when the server cannot be reached.
    if (planItems(doc).size > 0) connection.markLoaded();
  });
  const waited = new Promise((resolve) => setTimeout(resolve, CACHE_WAIT_MS));
  void Promise.race([cacheRead, waited]).then(() => {
    if (!destroyed) connection.start();
  });
  return {
    planId,
    doc,
    awareness: provider.awareness,
    connection,
    destroy() {
      destroyed = true;
      connection.destroy();
      provider.awareness.setLocalState(null);
      provider.destroy();
      void cache.destroy();
      doc.destroy();
    },
  };
}
