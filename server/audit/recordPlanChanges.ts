import type * as Y from 'yjs';
import { compareItemStates, readItemState, type ItemState } from '../../shared/plan/itemChanges';
import { PLAN_TEXT_ITEM_ID, PLAN_TEXTS, planTextFragment, type PlanFieldChange, type PlanTextField } from '../../shared/plan/planTextChanges';
import { readPlainText } from '../../shared/plan/richText';
import { planItems } from '../../shared/plan/schema';
import type { Logger } from '../logger';
import type { AuditWriter } from '../store/ChangeStore';
import { LOAD_ORIGIN, ServerOrigin } from '../sync/SharedDoc';
import { touchedByTransaction } from './touchedByTransaction';

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
 * time, at once, in the transaction that stores the change. What a transaction touched
 * is read from the transaction itself (no deep observers, no events built), and an
 * item's rich text is read again only when it changed. The writer may hold the lines
 * until the batch of changes they belong to is stored (see SqliteAuditWriter); if
 * recording throws here, it is logged and the change carries on without its lines.
 * The command line keeps the trail of the documents it changes the same way.
 */
export function recordPlanChanges(shared: { doc: Y.Doc }, planId: string, store: AuditWriter, logger: Logger, now = Date.now): void {
  const doc: Y.Doc = shared.doc;
  const items = planItems(doc);
  const states = new Map<string, ItemState | null>();
  items.forEach((_, id) => states.set(id, readItemState(doc, id)));
  const fragments = new Map<Y.AbstractType<any>, PlanTextField>(PLAN_TEXTS.map((field) => [planTextFragment(doc, field), field]));
  const texts = new Map(PLAN_TEXTS.map((field) => [field, readPlainText(planTextFragment(doc, field))]));

  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.changed.size === 0) return;
    const touched = touchedByTransaction(transaction, items, fragments);
    const batch: Array<{ itemId: string; changes: PlanFieldChange[] }> = [];
    for (const [itemId, keys] of touched.items) {
      const before = states.get(itemId) ?? null;
      const keepHow = before !== null && keys !== 'all' && !keys.has('how') ? before.how : undefined;
      const after = readItemState(doc, itemId, keepHow);
      states.set(itemId, after);
      const changes = compareItemStates(before, after);
      if (changes.length > 0) batch.push({ itemId, changes });
    }
    for (const field of touched.texts) {
      const before = texts.get(field)!;
      const after = readPlainText(planTextFragment(doc, field));
      texts.set(field, after);
      // Formatting alone (bold, a heading level) leaves the plain text as it was.
      if (after !== before) batch.push({ itemId: PLAN_TEXT_ITEM_ID, changes: [{ field, from: before, to: after }] });
    }
    if (transaction.origin === LOAD_ORIGIN || batch.length === 0) return;
    const userId = actorOf(transaction.origin);
    const at = now();
    try {
      store.recordAll(planId, batch.map((b) => ({ ...b, userId, at })));
    } catch (err) {
      logger.error('could not write the audit trail', { plan: planId, err });
    }
  });
}
