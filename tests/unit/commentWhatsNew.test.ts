import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { planChangesSince, type UpdateRow } from '../../shared/discussion/planChangesSince';
import { summarisePlanChanges } from '../../shared/discussion/summarisePlanChanges';
import { addItem, deleteItem, moveItem, restoreItem, setPriority, setStatus, updateItem } from '../../shared/plan/itemOps';
import { listDirections, listItems, planItems } from '../../shared/plan/schema';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import { nextVisit, FIRST_LOOK_BACK_MS, VISIT_GAP_MS } from '../../server/discussion/WhatsNew';
import { smallPlan } from '../helpers/planFixture';

/** A plan document whose every update is recorded as a stored row would be. */
function recordedPlan() {
  const doc = new Y.Doc();
  const rows: UpdateRow[] = [];
  let who: string | null = null;
  let at = 100;
  doc.on('update', (update: Uint8Array) => rows.push({ update, userId: who, at }));
  writePlanDocument(doc, smallPlan());
  const as = (userId: string, time: number, change: () => void) => {
    who = userId;
    at = time;
    change();
  };
  // Deleted items too: their maps stay in the document.
  const id = (activity: string) => [...planItems(doc).entries()].find(([, m]) => m.get('activity') === activity)![0];
  return { doc, rows, as, id };
}

describe('plan changes since a moment', () => {
  it('lists what each row changed, item by item, with who and when', () => {
    const { doc, rows, as, id } = recordedPlan();
    as('anna', 1000, () => setStatus(doc, id('A'), 'done'));
    as('bo', 2000, () => setPriority(doc, id('B'), 2));
    as('bo', 3000, () => updateItem(doc, id('C'), { how: 'Ny text', who: ['Styrelse'] }));
    const changes = planChangesSince(rows, 1500);
    expect(changes).toEqual([
      { itemId: id('B'), userId: 'bo', at: 2000, change: { field: 'priority', from: null, to: 2 } },
      { itemId: id('C'), userId: 'bo', at: 3000, change: { field: 'how', from: 'Hur för C', to: 'Ny text' } },
      { itemId: id('C'), userId: 'bo', at: 3000, change: { field: 'who', from: ['Kansli'], to: ['Styrelse'] } },
    ]);
  });

  it('reports moves to another direction, new, deleted and restored items', () => {
    const { doc, rows, as, id } = recordedPlan();
    const [, second] = listDirections(doc);
    as('anna', 1000, () => moveItem(doc, id('A'), { directionId: second.id }));
    as('anna', 1100, () => addItem(doc, { directionId: second.id, activity: 'Ny' }));
    as('bo', 1200, () => deleteItem(doc, id('B')));
    as('bo', 1300, () => deleteItem(doc, id('C')));
    as('bo', 1400, () => restoreItem(doc, id('C')));
    const fields = planChangesSince(rows, 500).map((c) => [listItems(doc).find((i) => i.id === c.itemId)?.activity ?? 'B', c.change.field]);
    expect(fields).toEqual([['A', 'direction'], ['Ny', 'created'], ['B', 'deleted'], ['C', 'deleted'], ['C', 'restored']]);
  });

  it('sums a week up as net changes per field, dropping what ended where it began', () => {
    const { doc, rows, as, id } = recordedPlan();
    as('anna', 1000, () => setStatus(doc, id('A'), 'planned'));
    as('bo', 2000, () => setStatus(doc, id('A'), 'done'));
    as('anna', 3000, () => setPriority(doc, id('B'), 3));
    as('anna', 4000, () => setPriority(doc, id('B'), null));
    as('bo', 5000, () => deleteItem(doc, id('C')));
    as('bo', 6000, () => restoreItem(doc, id('C')));
    const summary = summarisePlanChanges(planChangesSince(rows, 500));
    expect(summary.get(id('A'))).toEqual([{ change: { field: 'status', from: 'not_started', to: 'done' }, userIds: ['anna', 'bo'], at: 2000 }]);
    expect(summary.has(id('B'))).toBe(false);
    expect(summary.has(id('C'))).toBe(false);
  });

  it('takes a first row after the moment as the starting point when nothing came before it', () => {
    const { doc, rows, as, id } = recordedPlan();
    as('anna', 1000, () => setStatus(doc, id('A'), 'done'));
    // As after compaction: one merged row without author, then later rows.
    const merged: UpdateRow[] = [{ update: Y.mergeUpdates(rows.map((r) => r.update)), userId: null, at: 1000 }];
    as('bo', 2000, () => setStatus(doc, id('B'), 'paused'));
    merged.push(rows[rows.length - 1]);
    expect(planChangesSince(merged, 500).map((c) => [c.userId, c.change.field])).toEqual([['bo', 'status']]);
  });
});

describe('visits', () => {
  it('a visit lasts while the person keeps coming back within the hour; what is new starts where the last one ended', () => {
    const first = nextVisit(undefined, 10 * FIRST_LOOK_BACK_MS);
    expect(first.sinceAt).toBe(9 * FIRST_LOOK_BACK_MS);
    const during = nextVisit(first, first.seenAt + VISIT_GAP_MS - 1);
    expect(during.sinceAt).toBe(first.sinceAt);
    const nextWeek = nextVisit(during, during.seenAt + FIRST_LOOK_BACK_MS);
    expect(nextWeek).toEqual({ sinceAt: during.seenAt, seenAt: during.seenAt + FIRST_LOOK_BACK_MS });
  });
});
