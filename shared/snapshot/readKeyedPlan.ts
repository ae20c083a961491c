import type * as Y from 'yjs';
import { readPlanText } from '../plan/planTextChanges';
import { listDirections, listItems, readMeta } from '../plan/schema';
import type { KeyedPlan, KeyedThread } from './KeyedPlan';

/**
 * The plan's plain form with ids, in document order: what a snapshot stores as JSON
 * and what comparisons read. `threads` comes from the plan's discussion document,
 * read by its own reader; a plan without one has none.
 */
export function readKeyedPlan(doc: Y.Doc, threads: KeyedThread[] = []): KeyedPlan {
  const { title, year } = readMeta(doc);
  const items = listItems(doc);
  return {
    title,
    year,
    strategy: readPlanText(doc, 'strategy'),
    focus: readPlanText(doc, 'focus'),
    directions: listDirections(doc).map((direction) => ({
      id: direction.id,
      title: direction.title,
      order: direction.order,
      items: items
        .filter((i) => i.directionId === direction.id)
        // An item view is a keyed item plus its direction, which the nesting already says.
        .map(({ directionId: _direction, ...item }) => item),
    })),
    threads,
  };
}
