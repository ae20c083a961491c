import type * as Y from 'yjs';
import type { ItemMap } from '../../shared/plan/schema';

/** What one transaction touched: items (with the keys of the item changed, or all) and plan texts. */
export interface Touched<F> {
  items: Map<string, Set<string> | 'all'>;
  texts: Set<F>;
}

/**
 * Reads what a transaction changed from `transaction.changed` (the types it changed and
 * their keys) by walking from each changed type up to the items map or to a root text
 * fragment: cheaper than deep observers, which build an event with a path per type.
 */
export function touchedByTransaction<F>(transaction: Y.Transaction, items: Y.Map<ItemMap>, fragments: Map<Y.AbstractType<any>, F>): Touched<F> {
  const touched: Touched<F> = { items: new Map(), texts: new Set() };
  for (const [type, keys] of transaction.changed) {
    if (type === (items as Y.AbstractType<any>)) {
      // Items added, replaced or removed as a whole.
      for (const id of keys) if (id !== null) touch(touched.items, id, null);
      continue;
    }
    // Up from the changed type: `key` is the key under the item map it lies in.
    let key: string | null = null;
    let child: Y.AbstractType<any> = type;
    for (;;) {
      const item = child._item;
      if (!item) {
        const field = fragments.get(child);
        if (field !== undefined) touched.texts.add(field);
        break;
      }
      const parent = item.parent as Y.AbstractType<any>;
      if (parent === (items as Y.AbstractType<any>)) {
        const itemId = item.parentSub!;
        if (child === type) for (const k of keys) touch(touched.items, itemId, k);
        else touch(touched.items, itemId, key);
        break;
      }
      key = item.parentSub ?? key;
      child = parent;
    }
  }
  return touched;
}

// A function of the module, not a closure per call: the server runs through tsx, whose
// compiled closures name themselves (a property definition) each time they are made.
function touch(items: Touched<unknown>['items'], itemId: string, key: string | null): void {
  const keys = items.get(itemId);
  if (keys === 'all') return;
  if (key === null) items.set(itemId, 'all');
  else if (keys) keys.add(key);
  else items.set(itemId, new Set([key]));
}
