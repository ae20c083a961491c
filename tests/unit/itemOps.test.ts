import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addItem, deleteItem, moveItem, restoreItem, setPriority, setStatus, setWho, updateItem } from '../../shared/plan/itemOps';
import { readPlainPlan } from '../../shared/plan/readPlainPlan';
import { listDeletedItems, listDirections, listItems } from '../../shared/plan/schema';
import { replicas } from '../helpers/planFixture';

const titles = (doc: Y.Doc, directionIndex = 0) => {
  const dir = listDirections(doc)[directionIndex];
  return listItems(doc).filter((i) => i.directionId === dir.id).map((i) => i.activity);
};
const byActivity = (doc: Y.Doc, activity: string) => listItems(doc).find((i) => i.activity === activity)!;

describe('item operations', () => {
  it('reads back the plan it was given, in order', () => {
    const [doc] = replicas(1);
    const plain = readPlainPlan(doc);
    expect(plain.directions.map((d) => d.items.map((i) => i.activity))).toEqual([['A', 'B', 'C'], ['D', 'E']]);
    expect(plain.directions[0].items[0]).toEqual({
      activity: 'A', how: 'Hur för A', who: ['Kansli'], when: 'Löpande', status: 'not_started', statusNote: '', priority: 1,
    });
  });

  it('each operation is one update on the wire', () => {
    const [doc] = replicas(1);
    let updates = 0;
    doc.on('update', () => updates++);
    const id = addItem(doc, { directionId: listDirections(doc)[0].id, activity: 'Ny', how: 'rad ett\nrad två', priority: 2 });
    moveItem(doc, id, { status: 'done', afterId: null });
    updateItem(doc, id, { activity: 'Nytt namn', who: ['Styrelse'], when: 'Hösten' });
    expect(updates).toBe(3);
  });

  it('adds an item at the end of its direction, or right after another', () => {
    const [doc] = replicas(1);
    const dir = listDirections(doc)[0].id;
    addItem(doc, { directionId: dir, activity: 'Sist' });
    addItem(doc, { directionId: dir, activity: 'Efter A' }, byActivity(doc, 'A').id);
    expect(titles(doc)).toEqual(['A', 'Efter A', 'B', 'C', 'Sist']);
    expect(byActivity(doc, 'Sist').status).toBe('not_started');
  });

  it('moves an item between directions, statuses and places', () => {
    const [doc] = replicas(1);
    const [first, second] = listDirections(doc);
    const a = byActivity(doc, 'A').id;
    moveItem(doc, a, { afterId: byActivity(doc, 'C').id });
    expect(titles(doc)).toEqual(['B', 'C', 'A']);
    moveItem(doc, a, { beforeId: byActivity(doc, 'B').id });
    expect(titles(doc)).toEqual(['A', 'B', 'C']);
    moveItem(doc, a, { directionId: second.id, status: 'done' });
    expect(titles(doc, 1)).toEqual(['D', 'E', 'A']);
    expect(byActivity(doc, 'A')).toMatchObject({ directionId: second.id, status: 'done' });
    expect(titles(doc, 0)).toEqual(['B', 'C']);
    expect(first.id).not.toBe(second.id);
  });

  it('sets status, priority and Vem, and refuses values outside the schema', () => {
    const [doc] = replicas(1);
    const b = byActivity(doc, 'B').id;
    setStatus(doc, b, 'paused');
    setPriority(doc, b, 3);
    setWho(doc, b, ['Styrelse', ' Kansli ', 'Styrelse', '']);
    expect(byActivity(doc, 'B')).toMatchObject({ status: 'paused', priority: 3, who: ['Styrelse', 'Kansli'] });
    expect(() => setStatus(doc, b, 'klar' as never)).toThrow(/status/);
    expect(() => setPriority(doc, b, 4 as never)).toThrow(/priority/);
    expect(() => updateItem(doc, b, { activity: 'x'.repeat(501) })).toThrow(/Vad/);
    expect(() => setStatus(doc, 'nope', 'done')).toThrow(expect.objectContaining({ code: 'ITEM_NOT_FOUND' }));
    expect(byActivity(doc, 'B')).toMatchObject({ status: 'paused', priority: 3 });
  });

  it('deletes an item but keeps it for the archive, and can restore it', () => {
    const [doc] = replicas(1);
    const c = byActivity(doc, 'C').id;
    deleteItem(doc, c);
    expect(titles(doc)).toEqual(['A', 'B']);
    expect(listDeletedItems(doc).map((i) => i.activity)).toEqual(['C']);
    expect(() => setStatus(doc, c, 'done')).toThrow(expect.objectContaining({ code: 'ITEM_NOT_FOUND' }));
    restoreItem(doc, c);
    expect(titles(doc)).toEqual(['A', 'B', 'C']);
  });
});
