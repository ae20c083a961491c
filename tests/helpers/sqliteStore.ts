import type { ServerStore, Store } from '../../server/store/openStore';

/** The store as SQLite, for tests of what only SQLite has (its file, pragmas, triggers on it). */
export function sqliteStore(store: ServerStore): Store {
  if (store.engine !== 'sqlite') throw new Error('this test needs SQLite');
  return store as Store;
}
