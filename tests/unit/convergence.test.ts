import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addItem, deleteItem, moveItem, setPriority, setStatus, updateItem } from '../../shared/plan/itemOps';
import { readPlainPlan } from '../../shared/plan/readPlainPlan';
import { listDirections, listItems } from '../../shared/plan/schema';
import { STATUSES, type Priority } from '../../shared/plan/types';
import { replicas, syncAll } from '../helpers/planFixture';

const idOf = (doc: Y.Doc, activity: string) => listItems(doc).find((i) => i.activity === activity)!.id;
const snapshot = (doc: Y.Doc) => JSON.stringify({ plan: readPlainPlan(doc), items: listItems(doc) });

function expectConverged(docs: Y.Doc[]) {
  const first = snapshot(docs[0]);
  for (const doc of docs.slice(1)) expect(snapshot(doc)).toBe(first);
}

describe('concurrent edits converge', () => {
  it('the same card moved by two people ends in one place, once', () => {
    const [alice, bob] = replicas(2);
    const [, second] = listDirections(alice);
    const a = idOf(alice, 'A');
    moveItem(alice, a, { status: 'done', afterId: idOf(alice, 'C') });
    moveItem(bob, a, { directionId: second.id, status: 'paused' });
    syncAll([alice, bob]);
    expectConverged([alice, bob]);
    const copies = listItems(alice).filter((i) => i.activity === 'A');
    expect(copies).toHaveLength(1);
    expect(listItems(alice)).toHaveLength(5);
  });

  it('concurrent status and priority changes on one card both survive', () => {
    const [alice, bob] = replicas(2);
    const b = idOf(alice, 'B');
    setStatus(alice, b, 'in_progress');
    setPriority(bob, b, 1);
    syncAll([alice, bob]);
    expectConverged([alice, bob]);
    expect(listItems(alice).find((i) => i.id === b)).toMatchObject({ status: 'in_progress', priority: 1 });
  });

  it('the same field set by both ends equal on every replica', () => {
    const [alice, bob, carol] = replicas(3);
    const b = idOf(alice, 'B');
    setStatus(alice, b, 'done');
    setStatus(bob, b, 'paused');
    setStatus(carol, b, 'planned');
    syncAll([alice, bob, carol]);
    expectConverged([alice, bob, carol]);
    expect(['done', 'paused', 'planned']).toContain(listItems(alice).find((i) => i.id === b)!.status);
  });

  it('delete against edit: the card stays deleted everywhere and nothing else is lost', () => {
    const [alice, bob] = replicas(2);
    const c = idOf(alice, 'C');
    deleteItem(alice, c);
    updateItem(bob, c, { activity: 'C omskriven', priority: 2 });
    setStatus(bob, idOf(bob, 'A'), 'done');
    syncAll([alice, bob]);
    expectConverged([alice, bob]);
    expect(readPlainPlan(bob).directions.map((d) => d.items.map((i) => i.activity))).toEqual([['A', 'B'], ['D', 'E']]);
    expect(readPlainPlan(bob).directions[0].items[0].status).toBe('done');
  });

  it('two people adding at the same place both keep their card', () => {
    const [alice, bob] = replicas(2);
    const dir = listDirections(alice)[0].id;
    addItem(alice, { directionId: dir, activity: 'Från Alice' }, idOf(alice, 'A'));
    addItem(bob, { directionId: dir, activity: 'Från Bob' }, idOf(bob, 'A'));
    syncAll([alice, bob]);
    expectConverged([alice, bob]);
    const order = listItems(alice).filter((i) => i.directionId === dir).map((i) => i.activity);
    expect(order.slice(0, 1)).toEqual(['A']);
    expect(order.slice(1, 3).sort()).toEqual(['Från Alice', 'Från Bob']);
    expect(order.slice(3)).toEqual(['B', 'C']);
  });

  it('random interleavings of operations on four replicas converge without duplicates', () => {
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 30; round++) {
      const docs = replicas(4);
      const directions = listDirections(docs[0]).map((d) => d.id);
      const created = new Set(listItems(docs[0]).map((i) => i.id));
      for (let step = 0; step < 40; step++) {
        const doc = docs[rand(docs.length)];
        const items = listItems(doc);
        const target = items[rand(items.length)];
        if (!target) continue;
        switch (rand(6)) {
          case 0: setStatus(doc, target.id, STATUSES[rand(STATUSES.length)]); break;
          case 1: setPriority(doc, target.id, [null, 1, 2, 3][rand(4)] as Priority); break;
          case 2: moveItem(doc, target.id, { directionId: directions[rand(directions.length)], afterId: items[rand(items.length)].id }); break;
          case 3: created.add(addItem(doc, { directionId: directions[rand(directions.length)], activity: `ny ${round}.${step}` })); break;
          case 4: if (rand(3) === 0) deleteItem(doc, target.id); break;
          case 5: updateItem(doc, target.id, { when: `v${step}` }); break;
        }
        if (rand(4) === 0) syncAll([doc, docs[rand(docs.length)]]);
      }
      syncAll(docs);
      expectConverged(docs);
      const ids = listItems(docs[0]).map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(created.has(id)).toBe(true);
    }
  });
});
