import type * as Y from 'yjs';
import { PREFERRED_TRIM_SIZE, storeState, type IndexeddbPersistence } from 'y-indexeddb';

/**
 * y-indexeddb writes each change in a transaction of its own and leaves it to commit by
 * itself, which the browser does only once it has answered the write: a page closed in
 * that round trip loses the change, and an offline change exists nowhere else. Committing
 * each transaction as soon as the write is queued hands it to the browser's storage at
 * once. Otherwise this stores exactly as y-indexeddb 9.0 does, trimming included.
 */
export function commitCacheWrites(cache: IndexeddbPersistence, doc: Y.Doc) {
  doc.off('update', cache._storeUpdate);
  cache._storeUpdate = (update, origin) => {
    if (!cache.db || origin === cache) return;
    const transaction = cache.db.transaction(['updates'], 'readwrite');
    transaction.objectStore('updates').add(update);
    transaction.commit();
    // Past this many rows, y-indexeddb merges them into one once the writing pauses.
    if (++cache._dbsize >= PREFERRED_TRIM_SIZE) {
      clearTimeout(cache._storeTimeoutId);
      cache._storeTimeoutId = setTimeout(() => {
        void storeState(cache, false);
        cache._storeTimeoutId = null;
      }, cache._storeTimeout);
    }
  };
  // destroy() takes the listener off through the same field.
  doc.on('update', cache._storeUpdate);
}
