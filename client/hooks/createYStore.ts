import type * as Y from 'yjs';

export interface ExternalStore<T> {
  subscribe: (onChange: () => void) => () => void;
  getSnapshot: () => T;
}

/**
 * A store for useSyncExternalStore over one Y type: the snapshot is read lazily and
 * kept until the type (or anything inside it) changes, so React sees a stable value
 * between changes and a new one after each.
 */
export function createYStore<T>(type: Y.AbstractType<any>, read: () => T): ExternalStore<T> {
  let cached: { value: T } | null = null;
  return {
    subscribe(onChange) {
      const handler = () => {
        cached = null;
        onChange();
      };
      type.observeDeep(handler);
      return () => type.unobserveDeep(handler);
    },
    getSnapshot() {
      if (!cached) cached = { value: read() };
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
