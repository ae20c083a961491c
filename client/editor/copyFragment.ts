import * as Y from 'yjs';

/** Copies rich text written outside the plan (a new item's Hur) into the plan, inside the caller's transaction. */
export function copyFragment(from: Y.XmlFragment, to: Y.XmlFragment): void {
  const nodes = from.toArray().filter((n): n is Y.XmlElement | Y.XmlText => n instanceof Y.XmlElement || n instanceof Y.XmlText);
  if (to.length > 0) to.delete(0, to.length);
  to.insert(0, nodes.map((n) => n.clone()));
}
