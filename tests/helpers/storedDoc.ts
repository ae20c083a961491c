import * as Y from 'yjs';
import type { Store } from '../../server/store/openStore';

/** The document as storage holds it: what a restart would load. */
export function storedDoc(store: Store, docName = 'plan/2025'): Y.Doc {
  const doc = new Y.Doc();
  for (const update of store.docs.load(docName).updates) Y.applyUpdate(doc, update);
  return doc;
}
