import * as Y from 'yjs';
import { keysAfter } from './orderKey';
import { newId } from './newId';
import { plainTextToBlocks, writeBlocks } from './richText';
import { planDirections, planFocus, planItems, planMeta, planPreamble, planStrategy, type ItemMap } from './schema';
import type { PlanDocument } from './types';

/** Ids for the directions and items written; new ones where it gives none. */
export interface PlanIds {
  direction(d: number): string | undefined;
  item(d: number, i: number): string | undefined;
}

/** Fills an empty plan document from an imported plan, in one transaction. */
export function writePlanDocument(doc: Y.Doc, source: PlanDocument, ids?: PlanIds): void {
  doc.transact(() => {
    const meta = planMeta(doc);
    meta.set('title', source.plan.title);
    meta.set('year', source.plan.year);
    meta.set('organisation', source.organisation);
    meta.set('version', source.version);
    writeBlocks(planPreamble(doc), source.preamble.length ? [{ type: 'paragraph', runs: source.preamble }] : []);
    writeBlocks(planStrategy(doc), source.strategy);
    writeBlocks(planFocus(doc), source.focus);
    const directionKeys = keysAfter(null, source.plan.directions.length);
    source.plan.directions.forEach((direction, d) => {
      const directionId = ids?.direction(d) ?? newId();
      const dir = new Y.Map<unknown>();
      dir.set('title', direction.title);
      dir.set('order', directionKeys[d]);
      planDirections(doc).set(directionId, dir);
      const itemKeys = keysAfter(null, direction.items.length);
      direction.items.forEach((plain, i) => {
        const map: ItemMap = new Y.Map();
        const how = new Y.XmlFragment();
        map.set('directionId', directionId);
        map.set('activity', plain.activity);
        map.set('how', how);
        map.set('who', plain.who);
        map.set('when', plain.when);
        map.set('status', plain.status);
        map.set('statusNote', plain.statusNote);
        map.set('priority', plain.priority);
        map.set('order', itemKeys[i]);
        planItems(doc).set(ids?.item(d, i) ?? newId(), map);
        writeBlocks(how, plain.howRich ?? plainTextToBlocks(plain.how));
      });
    });
  });
}
