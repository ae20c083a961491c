import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { PlanUndo } from '../../client/undo/PlanUndo';
import { addItem, deleteItem, moveItem, setPriority, setStatus, updateItem } from '../../shared/plan/itemOps';
import { readPlainText } from '../../shared/plan/richText';
import { itemHow, listDirections, listItems, planFocus, planItems } from '../../shared/plan/schema';
import { replicas, syncAll } from '../helpers/planFixture';

// Undo is per person: each browser's PlanUndo takes back only what that browser did.
// Two replicas are wired by hand the way the websocket provider wires a browser to
// the server: every update goes across at once, applied under the provider's origin.

const FROM_SERVER = Symbol('websocket provider');

function linkedPair() {
  const [alice, bob] = replicas(2);
  const forward = (from: Y.Doc, to: Y.Doc) =>
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_SERVER) Y.applyUpdate(to, update, FROM_SERVER);
    });
  forward(alice, bob);
  forward(bob, alice);
  return { alice, bob, aliceUndo: new PlanUndo(alice), bobUndo: new PlanUndo(bob) };
}

const itemIn = (doc: Y.Doc, activity: string) => listItems(doc).find((i) => i.activity === activity)!;
const idOf = (doc: Y.Doc, activity: string) => itemIn(doc, activity).id;

/** The first paragraph's text of an item's Hur, where an editor would type. */
function howText(doc: Y.Doc, id: string): Y.XmlText {
  const paragraph = itemHow(planItems(doc).get(id)!).get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** Typing as the Tiptap binding does it: under the sync plugin's origin. */
function type(doc: Y.Doc, id: string, at: 'start' | 'end', text: string) {
  doc.transact(() => {
    const target = howText(doc, id);
    target.insert(at === 'start' ? 0 : target.length, text);
  }, ySyncPluginKey);
}

describe('undo takes back only this person’s changes', () => {
  it('a status change is undone and redone in both replicas; the other person’s change stays', () => {
    const { alice, bob, aliceUndo } = linkedPair();
    const a = idOf(alice, 'A');
    const b = idOf(alice, 'B');
    aliceUndo.change(() => setStatus(alice, a, 'done'));
    setStatus(bob, b, 'paused');
    expect(itemIn(bob, 'A').status).toBe('done');

    expect(aliceUndo.undo()).toBe(true);
    expect(itemIn(alice, 'A').status).toBe('not_started');
    expect(itemIn(bob, 'A').status).toBe('not_started');
    expect(itemIn(bob, 'B').status).toBe('paused');
    expect(aliceUndo.getSnapshot()).toEqual({ canUndo: false, canRedo: true });

    expect(aliceUndo.redo()).toBe(true);
    expect(itemIn(bob, 'A').status).toBe('done');
  });

  it('a priority change is undone while another field of the same card, set by the other person, stays', () => {
    const { alice, bob, aliceUndo, bobUndo } = linkedPair();
    const a = idOf(alice, 'A');
    aliceUndo.change(() => setPriority(alice, a, 3));
    bobUndo.change(() => setStatus(bob, a, 'in_progress'));

    aliceUndo.undo();
    expect(itemIn(bob, 'A')).toMatchObject({ priority: 1, status: 'in_progress' });
    expect(bobUndo.getSnapshot().canUndo).toBe(true);
  });

  it('an undo does not overwrite a value the other person set afterwards', () => {
    const { alice, bob, aliceUndo } = linkedPair();
    const c = idOf(alice, 'C');
    aliceUndo.change(() => setStatus(alice, c, 'done'));
    setStatus(bob, c, 'paused');
    aliceUndo.undo();
    expect(itemIn(alice, 'C').status).toBe('paused');
    expect(itemIn(bob, 'C').status).toBe('paused');
  });

  it('a move to another direction and column is undone to where the card was', () => {
    const { alice, bob, aliceUndo } = linkedPair();
    const [, second] = listDirections(alice);
    const before = itemIn(alice, 'A');
    aliceUndo.change(() => moveItem(alice, before.id, { directionId: second.id, status: 'planned' }));
    expect(itemIn(bob, 'A').directionId).toBe(second.id);

    aliceUndo.undo();
    expect(itemIn(bob, 'A')).toMatchObject({ directionId: before.directionId, status: before.status, order: before.order });
    expect(listItems(bob).map((i) => i.activity)).toEqual(listItems(alice).map((i) => i.activity));
  });

  it('an added item disappears on undo and comes back whole, under its id, on redo', () => {
    const { alice, bob, aliceUndo } = linkedPair();
    const [first] = listDirections(alice);
    const id = aliceUndo.change(() => addItem(alice, { directionId: first.id, activity: 'Ny', how: 'Rad ett\nRad två', priority: 2 }));
    expect(itemIn(bob, 'Ny').id).toBe(id);

    aliceUndo.undo();
    expect(listItems(bob).some((i) => i.activity === 'Ny')).toBe(false);
    aliceUndo.redo();
    expect(itemIn(bob, 'Ny')).toMatchObject({ id, how: 'Rad ett\nRad två', priority: 2 });
  });

  it('a deleted item comes back on undo; what the other person edited meanwhile stays', () => {
    const { alice, bob, aliceUndo } = linkedPair();
    const d = idOf(alice, 'D');
    aliceUndo.change(() => deleteItem(alice, d));
    updateItem(bob, idOf(bob, 'E'), { when: 'Hösten' });
    expect(listItems(bob).some((i) => i.id === d)).toBe(false);

    aliceUndo.undo();
    expect(listItems(bob).find((i) => i.id === d)).toMatchObject({ activity: 'D', how: 'Hur för D' });
    expect(itemIn(bob, 'E').when).toBe('Hösten');
  });

  it('text typed by both into the same Hur: an undo removes only this person’s words', () => {
    const { alice, bob, aliceUndo, bobUndo } = linkedPair();
    aliceUndo.trackOrigin(ySyncPluginKey);
    bobUndo.trackOrigin(ySyncPluginKey);
    const e = idOf(alice, 'E');
    type(alice, e, 'start', 'Alice skriver. ');
    type(bob, e, 'end', ' Bo skriver.');
    const how = () => readPlainText(itemHow(planItems(bob).get(e)!));
    expect(how()).toBe('Alice skriver. Hur för E Bo skriver.');

    aliceUndo.undo();
    expect(how()).toBe('Hur för E Bo skriver.');
    expect(readPlainText(itemHow(planItems(alice).get(e)!))).toBe('Hur för E Bo skriver.');
    bobUndo.undo();
    expect(how()).toBe('Hur för E');
    aliceUndo.redo();
    expect(how()).toBe('Alice skriver. Hur för E');
  });

  it('text and board operations share one history, each board operation its own step', () => {
    const { alice, aliceUndo } = linkedPair();
    aliceUndo.trackOrigin(ySyncPluginKey);
    const b = idOf(alice, 'B');
    type(alice, b, 'end', ' och mer');
    aliceUndo.change(() => setStatus(alice, b, 'done'));
    aliceUndo.change(() => setPriority(alice, b, 2));

    aliceUndo.undo();
    expect(itemIn(alice, 'B')).toMatchObject({ status: 'done', priority: null, how: 'Hur för B och mer' });
    aliceUndo.undo();
    expect(itemIn(alice, 'B')).toMatchObject({ status: 'not_started', how: 'Hur för B och mer' });
    aliceUndo.undo();
    expect(itemIn(alice, 'B').how).toBe('Hur för B');
    expect(aliceUndo.undo()).toBe(false);
  });

  it('the focus text is in the same history', () => {
    const { alice, bob, aliceUndo } = linkedPair();
    aliceUndo.trackOrigin(ySyncPluginKey);
    alice.transact(() => ((planFocus(alice).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Nytt: '), ySyncPluginKey);
    expect(readPlainText(planFocus(bob))).toBe('Nytt: Fokus');
    aliceUndo.undo();
    expect(readPlainText(planFocus(bob))).toBe('Fokus');
  });

  it('changes that arrive from elsewhere never enter this person’s history', () => {
    const [alice, bob] = replicas(2);
    const aliceUndo = new PlanUndo(alice);
    aliceUndo.trackOrigin(ySyncPluginKey);
    const a = idOf(bob, 'A');
    setStatus(bob, a, 'done');
    bob.transact(() => howText(bob, a).insert(0, 'Bo: '), ySyncPluginKey);
    // Applied without any origin, as a test or a cache might: still not Alice's.
    syncAll([alice, bob]);
    expect(itemIn(alice, 'A')).toMatchObject({ status: 'done', how: 'Bo: Hur för A' });
    expect(aliceUndo.getSnapshot().canUndo).toBe(false);
    expect(aliceUndo.undo()).toBe(false);
    expect(itemIn(alice, 'A').status).toBe('done');
  });
});
