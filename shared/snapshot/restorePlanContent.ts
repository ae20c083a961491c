import * as Y from 'yjs';
import { readBlocks, writeBlocks } from '../plan/richText';
import { planDirections, planFocus, planItems, planMeta, planPreamble, planStrategy, type ItemMap } from '../plan/schema';

// Makes a plan document's content equal to another's (a snapshot's), as ordinary
// changes on top of the current state: history is never rewritten, every client
// receives the restore like any other edit, and restoring another snapshot undoes it.
// Only what differs is written, so the change is as small as the difference and
// concurrent edits of untouched items are not overwritten.

const ITEM_FIELDS = ['directionId', 'activity', 'who', 'when', 'status', 'statusNote', 'priority', 'order'] as const;
const META_FIELDS = ['title', 'year', 'organisation', 'version'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function setIfChanged(target: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === undefined) {
    if (target.has(key)) target.delete(key);
  } else if (!same(target.get(key), value)) target.set(key, value);
}

function copyRichText(target: Y.XmlFragment, source: Y.XmlFragment): void {
  const blocks = readBlocks(source);
  if (!same(readBlocks(target), blocks)) writeBlocks(target, blocks);
}

function howOf(map: ItemMap): Y.XmlFragment {
  const how = map.get('how');
  if (how instanceof Y.XmlFragment) return how;
  const fresh = new Y.XmlFragment();
  map.set('how', fresh);
  return fresh;
}

function restoreItems(target: Y.Doc, source: Y.Doc): void {
  const targetItems = planItems(target);
  const sourceItems = planItems(source);
  sourceItems.forEach((from, id) => {
    if (from.get('deleted') === true) return;
    let to = targetItems.get(id);
    if (!to) {
      to = new Y.Map();
      targetItems.set(id, to);
    }
    if (to.has('deleted')) to.delete('deleted');
    for (const key of ITEM_FIELDS) setIfChanged(to, key, from.get(key));
    const how = from.get('how');
    copyRichText(howOf(to), how instanceof Y.XmlFragment ? how : new Y.XmlFragment());
  });
  targetItems.forEach((to, id) => {
    const from = sourceItems.get(id);
    const live = from !== undefined && from.get('deleted') !== true;
    // Deleted the way the board deletes: the map stays, so its comments keep their item.
    if (!live && to.get('deleted') !== true) to.set('deleted', true);
  });
}

function restoreDirections(target: Y.Doc, source: Y.Doc): void {
  const targetDirections = planDirections(target);
  const sourceDirections = planDirections(source);
  sourceDirections.forEach((from, id) => {
    let to = targetDirections.get(id);
    if (!to) {
      to = new Y.Map();
      targetDirections.set(id, to);
    }
    setIfChanged(to, 'title', from.get('title'));
    setIfChanged(to, 'order', from.get('order'));
  });
  // Only directions the snapshot did not have; their items were deleted or moved above.
  for (const id of [...targetDirections.keys()]) if (!sourceDirections.has(id)) targetDirections.delete(id);
}

/** Changes `target` in one transaction until its content equals `source`'s. */
export function restorePlanContent(target: Y.Doc, source: Y.Doc): void {
  target.transact(() => {
    const meta = planMeta(target);
    for (const key of META_FIELDS) setIfChanged(meta, key, planMeta(source).get(key));
    copyRichText(planPreamble(target), planPreamble(source));
    copyRichText(planStrategy(target), planStrategy(source));
    copyRichText(planFocus(target), planFocus(source));
    restoreDirections(target, source);
    restoreItems(target, source);
  });
}
