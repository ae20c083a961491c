import type * as Y from 'yjs';

const counts = new WeakMap<Y.Doc, { n: number }>();

/**
 * How many transactions the document has seen since the page first asked, counted
 * whether or not a component is subscribed: a render can tell that the document changed
 * between reading it and subscribing to it (a plan arriving over a connection opened
 * before the page rendered).
 */
export function transactionsOf(doc: Y.Doc): { readonly n: number } {
  let count = counts.get(doc);
  if (!count) {
    const created = { n: 0 };
    doc.on('afterTransaction', () => void created.n++);
    counts.set(doc, created);
    count = created;
  }
  return count;
}
