import type * as Y from 'yjs';
import { compareItemStates, readItemState, touchedItems, type ItemFieldChange, type ItemState } from '../../shared/plan/itemChanges';
import { planItems } from '../../shared/plan/schema';
import type { Logger } from '../logger';
import type { ChangeStore } from '../store/ChangeStore';
import { LOAD_ORIGIN, ServerOrigin, type SharedDoc } from '../sync/SharedDoc';

/** Who made a transaction: a connection's person, the person a server change is for, or nobody. */
function actorOf(origin: unknown): string | null {
  if (origin instanceof ServerOrigin) return origin.userId;
  const userId = (origin as { userId?: unknown } | null)?.userId;
  return typeof userId === 'string' ? userId : null;
}

/**
 * Keeps the audit trail of a loaded plan document: after every transaction, each item
 * it touched is compared with its state before, and the field changes are written with
 * the person and the server's time, at once, so that whoever asks next (a meeting's
 * change list) finds it. A failing write is logged and never undoes the change: the
 * change itself is already stored.
 */
export function recordPlanChanges(shared: SharedDoc, planId: string, store: ChangeStore, logger: Logger, now = Date.now): void {
  const doc: Y.Doc = shared.doc;
  const items = planItems(doc);
  const states = new Map<string, ItemState | null>();
  items.forEach((_, id) => states.set(id, readItemState(doc, id)));
  items.observeDeep((events, transaction) => {
    const recorded = transaction.origin !== LOAD_ORIGIN;
    const userId = actorOf(transaction.origin);
    const at = now();
    const batch: Array<{ itemId: string; changes: ItemFieldChange[]; userId: string | null; at: number }> = [];
    for (const itemId of touchedItems(events, items)) {
      const after = readItemState(doc, itemId);
      const changes = compareItemStates(states.get(itemId) ?? null, after);
      states.set(itemId, after);
      if (recorded && changes.length > 0) batch.push({ itemId, changes, userId, at });
    }
    if (batch.length === 0) return;
    try {
      store.recordAll(planId, batch);
    } catch (err) {
      logger.error('could not write the audit trail', { plan: planId, err });
    }
  });
}
