import type * as Y from 'yjs';
import { readPlanDocument } from '../plan/readPlanDocument';
import { listDirections, listItems } from '../plan/schema';
import type { ExportSource, ItemThreads } from './types';

/**
 * What an export needs from a plan document, live or restored from a snapshot's
 * state: the document and each item's id, so that comments (keyed by item id) find
 * their rows.
 */
export function exportSourceFromDoc(doc: Y.Doc, comments?: ItemThreads[]): ExportSource {
  const items = listItems(doc);
  const itemKeys = listDirections(doc).map((d) => items.filter((i) => i.directionId === d.id).map((i) => i.id));
  return { document: readPlanDocument(doc), itemKeys, comments };
}
