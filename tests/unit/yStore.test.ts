import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createYStore } from '../../client/hooks/createYStore';
import { transactionsOf } from '../../client/hooks/docTransactions';

// The board reads the plan through stores made for React's useSyncExternalStore: React
// reads a snapshot while rendering and subscribes afterwards. A plan that arrives in
// between (its connection opened before the page rendered) must not be missed, or the
// board stays empty although it is connected.

describe('a store over a Y type', () => {
  it('gives a new snapshot at subscription when the document changed since it was read', () => {
    const doc = new Y.Doc();
    const items = doc.getMap<string>('items');
    const store = createYStore(items, () => [...items.keys()]);
    expect(store.getSnapshot()).toEqual([]); // the render
    items.set('a', 'Höstkongress'); // the plan arrives
    const changes: number[] = [];
    store.subscribe(() => changes.push(1)); // the subscription, after the render
    expect(store.getSnapshot()).toEqual(['a']); // what React compares with the rendered one
  });

  it('keeps one snapshot between changes and tells subscribers of each change', () => {
    const doc = new Y.Doc();
    const items = doc.getMap<string>('items');
    const store = createYStore(items, () => [...items.keys()]);
    let told = 0;
    const stop = store.subscribe(() => told++);
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    items.set('a', 'Höstkongress');
    expect(told).toBe(1);
    expect(store.getSnapshot()).toEqual(['a']);
    stop();
    items.set('b', 'Klimatveckan');
    expect(told).toBe(1);
  });

  it('counts a document’s transactions from the first question on, subscribed or not', () => {
    const doc = new Y.Doc();
    const count = transactionsOf(doc);
    doc.getMap('m').set('x', 1);
    doc.getMap('m').set('y', 2);
    expect(transactionsOf(doc).n).toBe(count.n);
    expect(count.n).toBe(2);
  });
});
