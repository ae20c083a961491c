import * as Y from 'yjs';
import { listDirections, listItems, readMeta } from '../plan/schema';
import type { PlanDocument } from '../plan/types';
import { writePlanDocument, type PlanIds } from '../plan/writePlanDocument';
import { restorePlanContent } from '../snapshot/restorePlanContent';

/**
 * Which of the plan's directions and items the imported document holds again: a
 * direction of the same title, an item of the same Vad and Hur keeps its id, and with
 * it its comments and history. Each is given once, in order.
 */
function matchingIds(target: Y.Doc, source: PlanDocument): PlanIds {
  const take = <T,>(pool: Map<string, T[]>, key: string) => pool.get(key)?.shift();
  const directions = new Map<string, string[]>();
  for (const d of listDirections(target)) directions.set(d.title, [...(directions.get(d.title) ?? []), d.id]);
  const items = new Map<string, string[]>();
  for (const i of listItems(target)) {
    const key = `${i.activity}\u0000${i.how}`;
    items.set(key, [...(items.get(key) ?? []), i.id]);
  }
  const directionIds = source.plan.directions.map((d) => take(directions, d.title));
  const itemIds = source.plan.directions.map((d) => d.items.map((i) => take(items, `${i.activity}\u0000${i.how}`)));
  return { direction: (d) => directionIds[d], item: (d, i) => itemIds[d][i] };
}

/**
 * Makes the plan's content that of an imported document, as one change on top of the
 * current state (like restoring a snapshot): the plan keeps its title and year, every
 * client receives the change, and directions and items the document holds again keep
 * their ids. Items it no longer holds are deleted the way the board deletes them.
 */
export function replacePlanWith(target: Y.Doc, document: PlanDocument): void {
  const { title, year } = readMeta(target);
  const source = new Y.Doc();
  try {
    writePlanDocument(source, { ...document, plan: { ...document.plan, title, year } }, matchingIds(target, document));
    restorePlanContent(target, source);
  } finally {
    source.destroy();
  }
}
