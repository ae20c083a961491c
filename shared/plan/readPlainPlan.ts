import type * as Y from 'yjs';
import { listDirections, listItems, readMeta } from './schema';
import type { PlainPlan } from './types';

/** The plan's plain form (also the JSON export), in document order. */
export function readPlainPlan(doc: Y.Doc): PlainPlan {
  const { title, year } = readMeta(doc);
  const items = listItems(doc);
  return {
    title,
    year,
    directions: listDirections(doc).map((direction) => ({
      title: direction.title,
      items: items
        .filter((i) => i.directionId === direction.id)
        .map(({ activity, how, who, when, status, statusNote, priority }) => ({ activity, how, who, when, status, statusNote, priority })),
    })),
  };
}
