import type * as Y from 'yjs';
import { compareItemStates, readItemState, touchedItems, type ItemState } from '../../shared/plan/itemChanges';
import { PLAN_TEXT_ITEM_ID, PLAN_TEXTS, planTextFragment, type PlanFieldChange } from '../../shared/plan/planTextChanges';
import { readPlainText } from '../../shared/plan/richText';
import { planItems } from '../../shared/plan/schema';
import type { Logger } from '../logger';
import type { SqliteAuditWriter } from '../store/ChangeStore';
import { LOAD_ORIGIN, ServerOrigin, type SharedDoc } from '../sync/SharedDoc';

/** Who made a transaction: a connection's person, the person a server change is for, or nobody. */
function actorOf(origin: unknown): string | null {
  if (origin instanceof ServerOrigin) return origin.userId;
  const userId = (origin as { userId?: unknown } | null)?.userId;
  return typeof userId === 'string' ? userId : null;
}

/**
 * Keeps the audit trail of a loaded plan document: after every transaction, each item
 * it touched is compared with its state before, and so are the strategy and focus
 * texts when it touched them; the changes are written with the person and the server's
 * time, at once, so that whoever asks next (a meeting's change list) finds it. A
 * failing write is logged and never undoes the change: the change itself is already stored.
 */
export function recordPlanChanges(shared: SharedDoc, planId: string, store: Pick<SqliteAuditWriter, 'recordAll'>, logger: Logger, now = Date.now): void {
  const doc: Y.Doc = shared.doc;
  const record = (transaction: Y.Transaction, batch: Array<{ itemId: string; changes: PlanFieldChange[] }>) => {
    if (transaction.origin === LOAD_ORIGIN || batch.length === 0) return;
    const userId = actorOf(transaction.origin);
    const at = now();
    try {
      store.recordAll(planId, batch.map((b) => ({ ...b, userId, at })));
    } catch (err) {
      logger.error('could not write the audit trail', { plan: planId, err });
    }
  };

  const items = planItems(doc);
  const states = new Map<string, ItemState | null>();
  items.forEach((_, id) => states.set(id, readItemState(doc, id)));
  items.observeDeep((events, transaction) => {
    const batch: Array<{ itemId: string; changes: PlanFieldChange[] }> = [];
    for (const itemId of touchedItems(events, items)) {
      const after = readItemState(doc, itemId);
      const changes = compareItemStates(states.get(itemId) ?? null, after);
      states.set(itemId, after);
      if (changes.length > 0) batch.push({ itemId, changes });
    }
    record(transaction, batch);
  });

  for (const field of PLAN_TEXTS) {
    const fragment = planTextFragment(doc, field);
    let before = readPlainText(fragment);
    fragment.observeDeep((_events, transaction) => {
      const after = readPlainText(fragment);
      // Formatting alone (bold, a heading level) leaves the plain text as it was.
      if (after !== before) record(transaction, [{ itemId: PLAN_TEXT_ITEM_ID, changes: [{ field, from: before, to: after }] }]);
      before = after;
    });
  }
}
