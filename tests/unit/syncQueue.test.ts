import { afterEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { createMemoryLogger } from '../../server/logger';
import type { UpdateLog, UpdateRow } from '../../server/store/DocStore';
import { openStore, type Store } from '../../server/store/openStore';
import type { BinaryFrame } from '../../server/sync/binaryFrame';
import { SharedDoc, type DocConnection } from '../../server/sync/SharedDoc';
import { tempDir } from '../helpers/tempDir';
import { waitFor } from '../helpers/waitFor';

// The order of a document's changes while a write is in flight: storage whose commit
// answers later (as a database server's would) holds the queue, and nothing is sent on
// (nor given to a joining client) before its commit. The rows go to a real SQLite file;
// only the answer is held back until the test releases it.

class LaterCommits implements UpdateLog {
  readonly held: Array<() => void> = [];
  constructor(private readonly store: Store) {}
  get staged() {
    return this.store.docs.staged;
  }
  load = (name: string) => this.store.docs.load(name);
  compact: UpdateLog['compact'] = (name, live) => this.store.docs.compact(name, live);
  appendBatch(name: string, stage: () => UpdateRow[]): Promise<number> {
    const id = this.store.docs.appendBatch(name, stage);
    return new Promise((resolve, reject) => this.held.push(() => Promise.resolve(id).then(resolve, reject)));
  }
}

/** A connection that keeps what it was sent, as the Yjs updates inside. */
function receiver(): DocConnection & { updates: Uint8Array[] } {
  const updates: Uint8Array[] = [];
  const keep = (message: Uint8Array) => {
    const d = decoding.createDecoder(message);
    if (decoding.readVarUint(d) !== 0) return; // presence
    decoding.readVarUint(d); // sync step or update
    updates.push(decoding.readVarUint8Array(d));
  };
  return {
    userId: null,
    canWrite: false,
    awarenessIds: null,
    updates,
    send: keep,
    sendFrame: (frame: BinaryFrame) => frame.payloads.forEach(keep),
    close: () => {},
    changeStored: () => {},
    changeRefused: () => {},
    movedTo: () => {},
  };
}

const dir = tempDir('planbord-queue-');
afterEach(() => dir.remove());
const turn = () => new Promise((r) => setImmediate(r));
const valuesOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  const seen: unknown[] = [];
  doc.getMap('meta').observe(() => seen.push(doc.getMap('meta').get('version')));
  updates.forEach((u) => Y.applyUpdate(doc, u));
  return seen;
};

describe('a document whose storage commits later', () => {
  it('sends each change on only after its commit, in the order they came (a server change too), and answers a joining client after the commit', async () => {
    const store = openStore(dir.path);
    const log = new LaterCommits(store);
    const doc = new SharedDoc('plan/2025', { docs: log, logger: createMemoryLogger(), compactThreshold: 1000, onUnload: () => {} });
    const [writer, reader, joining] = [receiver(), receiver(), receiver()];
    doc.addConnection(writer);
    doc.addConnection(reader);

    const editor = new Y.Doc();
    const updates: Uint8Array[] = [];
    editor.on('update', (u: Uint8Array) => updates.push(u));
    for (const version of ['v1', 'v2', 'v3']) editor.getMap('meta').set('version', version);

    doc.receiveUpdate(updates[0], writer, null);
    await turn();
    expect(log.held).toHaveLength(1);
    doc.receiveUpdate(updates[1], writer, null);
    doc.receiveUpdate(updates[2], writer, null);
    doc.answerSyncStep1(joining, Y.encodeStateVector(new Y.Doc()));
    // A change the server makes meanwhile (a comment) comes after them.
    const serverChange = doc.changeAsServer((d) => d.getMap('meta').set('version', 'v4'), null);
    await turn();
    // The first write is in flight: nothing sent, the others wait behind it.
    expect(reader.updates).toEqual([]);
    expect(joining.updates).toEqual([]);
    expect(log.held).toHaveLength(1);

    log.held.shift()!();
    await waitFor(() => reader.updates.length === 1, { what: 'the first change' });
    expect(valuesOf(joining.updates)).toEqual(['v1']);
    await waitFor(() => log.held.length === 1, { what: 'the next write' });
    expect(reader.updates).toHaveLength(1);
    log.held.shift()!();
    await waitFor(() => reader.updates.length === 3, { what: 'the others' });
    expect(valuesOf(reader.updates)).toEqual(['v1', 'v2', 'v3']);
    await waitFor(() => log.held.length === 1, { what: "the server's change" });
    log.held.shift()!();
    await serverChange;
    expect(valuesOf(reader.updates)).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(writer.updates).toHaveLength(1); // the server's change only, not its own
    expect(store.docs.count('plan/2025')).toBe(4);
    doc.destroy();
    store.close();
  });
});
