import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addItem, deleteItem, moveItem, setPriority, setStatus, updateItem } from '../../shared/plan/itemOps';
import { listDirections, listItems } from '../../shared/plan/schema';
import { applyPlanDiff } from '../../shared/snapshot/applyPlanDiff';
import { diffPlans } from '../../shared/snapshot/diffPlans';
import type { KeyedPlan, KeyedThread } from '../../shared/snapshot/KeyedPlan';
import { isEmptyDiff } from '../../shared/snapshot/PlanDiff';
import { readKeyedPlan } from '../../shared/snapshot/readKeyedPlan';
import { replicas } from '../helpers/planFixture';

// Named cases on a real plan document: what the history view shows for each kind of
// change the board makes between two meetings.

const idOf = (doc: Y.Doc, activity: string) => listItems(doc).find((i) => i.activity === activity)!.id;

function before(): { doc: Y.Doc; a: KeyedPlan } {
  const [doc] = replicas(1);
  return { doc, a: readKeyedPlan(doc) };
}

describe('comparing two snapshots of a plan document', () => {
  it('an added item is reported once, with its direction', () => {
    const { doc, a } = before();
    const [first] = listDirections(doc);
    addItem(doc, { directionId: first.id, activity: 'Ny aktivitet', status: 'planned' });
    const diff = diffPlans(a, readKeyedPlan(doc));
    expect(diff.items.added).toMatchObject([{ activity: 'Ny aktivitet', status: 'planned', direction: { title: first.title } }]);
    expect(diff.items.removed).toEqual([]);
    expect(diff.items.changed).toEqual([]);
  });

  it('a removed item is reported with what it was', () => {
    const { doc, a } = before();
    deleteItem(doc, idOf(doc, 'B'));
    const diff = diffPlans(a, readKeyedPlan(doc));
    expect(diff.items.removed).toMatchObject([{ activity: 'B', direction: { title: 'Förebild och föregångare' } }]);
    expect(diff.items.added).toEqual([]);
  });

  it('an item moved to another direction is a move, not a removal and an addition', () => {
    const { doc, a } = before();
    const [from, to] = listDirections(doc);
    moveItem(doc, idOf(doc, 'A'), { directionId: to.id });
    const diff = diffPlans(a, readKeyedPlan(doc));
    expect(diff.items.added).toEqual([]);
    expect(diff.items.removed).toEqual([]);
    expect(diff.items.changed).toHaveLength(1);
    expect(diff.items.changed[0]).toMatchObject({ activity: 'A', moved: { from: { id: from.id, title: from.title }, to: { id: to.id, title: to.title } } });
  });

  it('a reorder within a direction is kept for applying but is not a move', () => {
    const { doc, a } = before();
    moveItem(doc, idOf(doc, 'C'), { afterId: null });
    const diff = diffPlans(a, readKeyedPlan(doc));
    expect(diff.items.changed).toHaveLength(1);
    expect(diff.items.changed[0].moved).toBeUndefined();
    expect(diff.items.changed[0].order).toBeDefined();
    expect(applyPlanDiff(a, diff).directions[0].items.map((i) => i.activity)).toEqual(['C', 'A', 'B']);
  });

  it('status and priority changes read from → to', () => {
    const { doc, a } = before();
    setStatus(doc, idOf(doc, 'C'), 'done');
    setPriority(doc, idOf(doc, 'A'), 3);
    const diff = diffPlans(a, readKeyedPlan(doc));
    const byActivity = Object.fromEntries(diff.items.changed.map((c) => [c.activity, c]));
    expect(byActivity.C.status).toEqual({ from: 'in_progress', to: 'done' });
    expect(byActivity.A.priority).toEqual({ from: 1, to: 3 });
    expect(byActivity.A.status).toBeUndefined();
  });

  it('text changes carry word-level highlighting, Vem changes from → to', () => {
    const { doc, a } = before();
    updateItem(doc, idOf(doc, 'D'), { how: 'Hur för D, nu med cirkulär upphandling', statusNote: 'Pågår, delvis klart', who: ['Kansli', 'Styrelse'] });
    const [change] = diffPlans(a, readKeyedPlan(doc)).items.changed;
    expect(change.who).toEqual({ from: ['Kansli'], to: ['Kansli', 'Styrelse'] });
    const how = change.texts.find((t) => t.field === 'how')!;
    expect(how.segments).toEqual([
      { op: 'same', text: 'Hur för D' },
      { op: 'add', text: ', nu med cirkulär upphandling' },
    ]);
    expect(change.texts.find((t) => t.field === 'statusNote')).toMatchObject({ from: '', to: 'Pågår, delvis klart' });
  });

  it('an item renamed and moved at once stays one item', () => {
    const { doc, a } = before();
    const [, to] = listDirections(doc);
    const id = idOf(doc, 'B');
    updateItem(doc, id, { activity: 'B, omformulerad' });
    moveItem(doc, id, { directionId: to.id, status: 'done' });
    const diff = diffPlans(a, readKeyedPlan(doc));
    expect(diff.items.changed).toHaveLength(1);
    expect(diff.items.changed[0]).toMatchObject({ id, activity: 'B, omformulerad', moved: { to: { id: to.id } }, status: { to: 'done' } });
    expect(applyPlanDiff(a, diff)).toEqual(readKeyedPlan(doc));
  });

  it('comments added, threads resolved and reopened, comments edited and hidden', () => {
    const { doc, a: plan } = before();
    const itemId = idOf(doc, 'A');
    const comment = (id: string, at: number, body: string) => ({ id, authorId: 'u1', authorName: 'Anna Berg', createdAt: at, body, state: 'visible' as const });
    const old: KeyedThread[] = [
      { id: 't1', itemId, createdAt: 1, resolved: false, comments: [comment('c1', 1, 'Bra förslag')] },
      { id: 't2', itemId, createdAt: 2, resolved: true, comments: [comment('c2', 2, 'Klart nu')] },
    ];
    const now: KeyedThread[] = [
      { ...old[0], resolved: true, comments: [{ ...old[0].comments[0], body: 'Mycket bra förslag', state: 'edited' }, comment('c3', 5, 'Håller med')] },
      { ...old[1], resolved: false, comments: [{ ...old[1].comments[0], state: 'hidden' }] },
      { id: 't3', itemId, createdAt: 6, resolved: false, comments: [comment('c4', 6, 'En ny fråga')] },
    ];
    const a = { ...plan, threads: old };
    const b = { ...plan, threads: now };
    const diff = diffPlans(a, b);
    expect(diff.comments.added.map((c) => [c.body, c.activity])).toEqual([
      ['Håller med', 'A'],
      ['En ny fråga', 'A'],
    ]);
    expect(diff.threads.added.map((t) => t.id)).toEqual(['t3']);
    expect(diff.threads.resolved.map((t) => t.id)).toEqual(['t1']);
    expect(diff.threads.reopened.map((t) => t.id)).toEqual(['t2']);
    expect(diff.comments.changed).toEqual([
      { id: 'c1', threadId: 't1', body: { from: 'Bra förslag', to: 'Mycket bra förslag' }, state: { from: 'visible', to: 'edited' } },
      { id: 'c2', threadId: 't2', state: { from: 'visible', to: 'hidden' } },
    ]);
    expect(applyPlanDiff(a, diff)).toEqual(b);
  });

  it('two snapshots of the same document state are equal, and ids survive a reload', () => {
    const { doc, a } = before();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(isEmptyDiff(diffPlans(a, readKeyedPlan(copy)))).toBe(true);
  });
});
