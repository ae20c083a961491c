import type * as Y from 'yjs';
import { transactionsOf } from './docTransactions';

export interface ExternalStore<T> {
  subscribe: (onChange: () => void) => () => void;
  getSnapshot: () => T;
}

/**
 * A store for useSyncExternalStore over one Y type: the snapshot is read lazily and
 * kept until the type (or anything inside it) changes, so React sees a stable value
 * between changes and a new one after each. A snapshot read before the subscription is
 * dropped when the document changed in between (a plan arriving over a connection
 * opened before the page rendered), so React renders again when it subscribes.
 */
export function createYStore<T>(type: Y.AbstractType<any>, read: () => T): ExternalStore<T> {
  const transactions = type.doc ? transactionsOf(type.doc) : null;
  let cached: { value: T; at: number } | null = null;
  return {
    subscribe(onChange) {
      const handler = () => {
        cached = null;
        onChange();
      };
      type.observeDeep(handler);
      if (cached && transactions && cached.at !== transactions.n) cached = null;
      return () => type.unobserveDeep(handler);
    },
    getSnapshot() {
      if (!cached) cached = { value: read(), at: transactions?.n ?? 0 };
      return cached.value;
    },
  };
}

/** One store per doc and reader, shared by every component that reads the same thing. */
export function storePerDoc<T>(make: (doc: Y.Doc) => ExternalStore<T>): (doc: Y.Doc) => ExternalStore<T> {
  const stores = new WeakMap<Y.Doc, ExternalStore<T>>();
  return (doc) => {
    let store = stores.get(doc);
    if (!store) {
      store = make(doc);
      stores.set(doc, store);
    }
    return store;
  };
}
