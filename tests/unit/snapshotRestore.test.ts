import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addItem, deleteItem, moveItem, setPriority, setStatus, updateItem } from '../../shared/plan/itemOps';
import { readBlocks, writeBlocks } from '../../shared/plan/richText';
import { itemHow, listDeletedItems, listDirections, listItems, planItems, planStrategy } from '../../shared/plan/schema';
import { STATUSES } from '../../shared/plan/types';
import { readKeyedPlan } from '../../shared/snapshot/readKeyedPlan';
import { restorePlanContent } from '../../shared/snapshot/restorePlanContent';
import { startPlanFromSnapshot } from '../../shared/snapshot/startPlanFromSnapshot';
import { replicas, syncAll } from '../helpers/planFixture';
import { seeded } from './snapshotFixtures';

const load = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};
const idOf = (doc: Y.Doc, activity: string) => listItems(doc).find((i) => i.activity === activity)!.id;

/** Everything a person sees of a plan, rich text included. */
const content = (doc: Y.Doc) => ({
  plan: readKeyedPlan(doc),
  strategy: readBlocks(planStrategy(doc)),
  how: listItems(doc).map((i) => readBlocks(itemHow(planItems(doc).get(i.id)!))),
});

function editEverything(doc: Y.Doc) {
  const [, second] = listDirections(doc);
  setStatus(doc, idOf(doc, 'A'), 'done');
  setPriority(doc, idOf(doc, 'B'), 2);
  moveItem(doc, idOf(doc, 'C'), { directionId: second.id });
  deleteItem(doc, idOf(doc, 'D'));
  updateItem(doc, idOf(doc, 'E'), { activity: 'E, omskriven', how: 'Helt ny text', who: ['Medlemmar'] });
  addItem(doc, { directionId: second.id, activity: 'Tillagd efter mötet' });
  doc.transact(() => writeBlocks(planStrategy(doc), [{ type: 'paragraph', runs: [{ text: 'Ny strategi' }] }]));
}

describe('restoring a snapshot as a new change', () => {
  it('brings back the snapshot’s content, rich text and item ids included', () => {
    const [doc] = replicas(1);
    const b = idOf(doc, 'B');
    doc.transact(() => writeBlocks(itemHow(planItems(doc).get(b)!), [{ type: 'paragraph', runs: [{ text: 'Fet', bold: true }, { text: ' text' }] }]));
    const snapshot = load(Y.encodeStateAsUpdate(doc));
    editEverything(doc);
    expect(content(doc)).not.toEqual(content(snapshot));
    restorePlanContent(doc, snapshot);
    expect(content(doc)).toEqual(content(snapshot));
    expect(readBlocks(itemHow(planItems(doc).get(b)!))).toEqual([{ type: 'paragraph', runs: [{ text: 'Fet', bold: true }, { text: ' text' }] }]);
    // The item added after the snapshot is deleted the way the board deletes: kept for its comments.
    expect(listDeletedItems(doc).map((i) => i.activity)).toEqual(['Tillagd efter mötet']);
  });

  it('reaches other replicas as an ordinary update, and history only grows', () => {
    const [alice, bob] = replicas(2);
    const snapshot = load(Y.encodeStateAsUpdate(alice));
    editEverything(alice);
    syncAll([alice, bob]);
    const before = Y.decodeStateVector(Y.encodeStateVector(alice));
    restorePlanContent(alice, snapshot);
    const after = Y.decodeStateVector(Y.encodeStateVector(alice));
    for (const [client, clock] of before) expect(after.get(client)!).toBeGreaterThanOrEqual(clock);
    expect(after.get(alice.clientID)!).toBeGreaterThan(before.get(alice.clientID)!);
    syncAll([alice, bob]);
    expect(content(bob)).toEqual(content(snapshot));
  });

  it('writes nothing when the plan already equals the snapshot', () => {
    const [doc] = replicas(1);
    const snapshot = load(Y.encodeStateAsUpdate(doc));
    let updates = 0;
    doc.on('update', () => updates++);
    restorePlanContent(doc, snapshot);
    expect(updates).toBe(0);
  });

  it('can itself be undone by restoring the snapshot taken before it', () => {
    const [doc] = replicas(1);
    const first = load(Y.encodeStateAsUpdate(doc));
    editEverything(doc);
    const beforeRestore = load(Y.encodeStateAsUpdate(doc));
    restorePlanContent(doc, first);
    restorePlanContent(doc, beforeRestore);
    expect(content(doc)).toEqual(content(beforeRestore));
  });

  it('restores after random edits, 50 seeded runs', () => {
    const rng = seeded(99);
    for (let run = 0; run < 50; run++) {
      const [doc] = replicas(1);
      for (let i = 0; i < 5; i++) setStatus(doc, listItems(doc)[i % 5].id, STATUSES[Math.floor(rng() * 5)]);
      const snapshot = load(Y.encodeStateAsUpdate(doc));
      const directions = listDirections(doc);
      for (let step = 0; step < 15; step++) {
        const items = listItems(doc);
        const item = items[Math.floor(rng() * items.length)];
        const roll = rng();
        if (!item || roll < 0.15) addItem(doc, { directionId: directions[Math.floor(rng() * 2)].id, activity: `ny ${step}` });
        else if (roll < 0.3) deleteItem(doc, item.id);
        else if (roll < 0.5) moveItem(doc, item.id, { directionId: directions[Math.floor(rng() * 2)].id, afterId: null });
        else if (roll < 0.7) setStatus(doc, item.id, STATUSES[Math.floor(rng() * 5)]);
        else updateItem(doc, item.id, { how: `ändrad ${step}`, when: `Q${step}` });
      }
      restorePlanContent(doc, snapshot);
      expect(content(doc), `run ${run}`).toEqual(content(snapshot));
    }
  });
});

describe('starting a new year’s plan from a snapshot', () => {
  it('copies the live items under a new title and year, statuses kept', () => {
    const [old] = replicas(1);
    deleteItem(old, idOf(old, 'B'));
    const fresh = new Y.Doc();
    startPlanFromSnapshot(fresh, old, { title: 'Handlingsplan 2026', year: 2026, resetStatuses: false });
    const plan = readKeyedPlan(fresh);
    expect(plan).toMatchObject({ title: 'Handlingsplan 2026', year: 2026 });
    expect(plan.directions.map((d) => d.title)).toEqual(['Förebild och föregångare', 'Pådrivare och opinionsbildare']);
    expect(listItems(fresh).map((i) => [i.activity, i.status])).toEqual(listItems(old).map((i) => [i.activity, i.status]));
    expect(planItems(fresh).size).toBe(4);
    expect(readBlocks(planStrategy(fresh))).toEqual(readBlocks(planStrategy(old)));
  });

  it('or with every status reset', () => {
    const [old] = replicas(1);
    updateItem(old, idOf(old, 'C'), { statusNote: 'Pågår, delvis klart' });
    const fresh = new Y.Doc();
    startPlanFromSnapshot(fresh, old, { title: 'Handlingsplan 2026', year: 2026, resetStatuses: true });
    expect(new Set(listItems(fresh).map((i) => i.status))).toEqual(new Set(['not_started']));
    expect(listItems(fresh).every((i) => i.statusNote === '')).toBe(true);
    expect(listItems(fresh).map((i) => i.priority)).toEqual(listItems(old).map((i) => i.priority));
    // The old plan is untouched.
    expect(listItems(old).find((i) => i.activity === 'C')).toMatchObject({ status: 'in_progress', statusNote: 'Pågår, delvis klart' });
  });
});
