import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { DocPresence, type PresenceHolder } from '../../server/sync/DocPresence';
import { createMemoryLogger } from '../../server/logger';
import { openStore } from '../../server/store/openStore';
import { SharedDoc, type DocConnection } from '../../server/sync/SharedDoc';
import type { BinaryFrame } from '../../server/sync/binaryFrame';
import { quietConnection } from '../helpers/quietConnection';
import { tempDir } from '../helpers/tempDir';
import { waitFor } from '../helpers/waitFor';

// Presence goes out with whatever is sent next, or alone after a short hold: a changed
// entry within a tenth of a second, a renewal (y-protocols clients send their entry
// again unchanged every 15 seconds) within a second. The others still see a change at
// once to the eye and hear of a renewal long before their 30-second timeout, a writer's
// change does not wait for its presence, and a meeting of hundreds is not a socket write
// per person per entry.

// The renewal hold well apart from the changed one: a test that checks a renewal has not
// gone yet after a few changed holds must not race it on a busy machine.
const HOLDS = { changed: 20, renewal: 500 };

/** The entries of an awareness message (type 1): client id, clock and state of each. */
function entries(message: Uint8Array): Array<{ id: number; clock: number; state: unknown }> {
  const outer = decoding.createDecoder(message);
  expect(decoding.readVarUint(outer)).toBe(1);
  const decoder = decoding.createDecoder(decoding.readVarUint8Array(outer));
  const count = decoding.readVarUint(decoder);
  return Array.from({ length: count }, () => ({ id: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: JSON.parse(decoding.readVarString(decoder)) }));
}

/** A browser's presence: `set` changes it, `renew` sends it again unchanged, as y-protocols does. */
function browser(name: string) {
  const awareness = new Awareness(new Y.Doc());
  const holder: PresenceHolder = { userId: name, awarenessIds: null };
  return {
    holder,
    id: awareness.clientID,
    set(state: Record<string, unknown>) {
      awareness.setLocalState({ user: { name }, ...state });
      return encodeAwarenessUpdate(awareness, [awareness.clientID]);
    },
    renew() {
      awareness.setLocalState(awareness.getLocalState());
      return encodeAwarenessUpdate(awareness, [awareness.clientID]);
    },
    leave() {
      removeAwarenessStates(awareness, [awareness.clientID], 'test');
      return encodeAwarenessUpdate(awareness, [awareness.clientID]);
    },
  };
}

const cleanup: Array<() => void> = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

function presence() {
  const sent: Uint8Array[] = [];
  const p = new DocPresence(new Y.Doc(), (m) => sent.push(m), () => true, undefined, HOLDS);
  cleanup.push(() => p.destroy());
  return { p, sent };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('presence held for the next write', () => {
  it('passes a changed presence on after a short hold, and a renewal only after a longer one', async () => {
    const { p, sent } = presence();
    const anna = browser('Anna');
    p.apply(anna.set({ selected: 'card-1' }), anna.holder);
    expect(sent).toHaveLength(0);
    await waitFor(() => sent.length === 1, { what: 'the changed presence', timeoutMs: 2000 });
    const [first] = entries(sent[0]);
    expect(sent.map(entries)).toEqual([[{ id: anna.id, clock: first.clock, state: { user: { name: 'Anna' }, selected: 'card-1' } }]]);

    p.apply(anna.renew(), anna.holder);
    await sleep(HOLDS.changed * 3);
    expect(sent).toHaveLength(1);
    await waitFor(() => sent.length === 2, { what: 'the renewal', timeoutMs: 2000 });
    expect(entries(sent[1])).toEqual([{ id: anna.id, clock: first.clock + 1, state: { user: { name: 'Anna' }, selected: 'card-1' } }]);
  });

  it('sends the renewals held so far with the next changed presence, in one message', async () => {
    const { p, sent } = presence();
    const anna = browser('Anna');
    const bo = browser('Bo');
    p.apply(anna.set({}), anna.holder);
    p.apply(bo.set({}), bo.holder);
    await waitFor(() => sent.length === 1, { what: 'the first presence', timeoutMs: 2000 });
    sent.length = 0;
    p.apply(anna.renew(), anna.holder);
    p.apply(bo.set({ selected: 'card-2' }), bo.holder);
    await sleep(HOLDS.changed * 3);
    expect(sent).toHaveLength(1);
    expect(entries(sent[0]).map((e) => e.id).sort()).toEqual([anna.id, bo.id].sort());
  });

  it('never sends a held renewal of someone who has left as if they were there', async () => {
    const { p, sent } = presence();
    const anna = browser('Anna');
    p.apply(anna.set({}), anna.holder);
    await waitFor(() => sent.length === 1, { what: 'the presence', timeoutMs: 2000 });
    p.apply(anna.renew(), anna.holder);
    p.apply(anna.leave(), anna.holder);
    await sleep(HOLDS.renewal * 2);
    expect(sent.map(entries).map((m) => m.map((e) => e.state))).toEqual([[{ user: { name: 'Anna' } }], [null]]);
  });

  it('sends held renewals with the next stored change, in the same write to each connection', async () => {
    const dir = tempDir('planbord-renewals-');
    const store = openStore(dir.path);
    cleanup.push(() => {
      void store.close().then(() => dir.remove());
    });
    const doc = new SharedDoc('plan/p', { docs: store.docs, logger: createMemoryLogger(), compactThreshold: 500, onUnload: () => {} });
    cleanup.push(() => doc.destroy());
    const frames: BinaryFrame[] = [];
    const reader: DocConnection = { ...quietConnection('reader'), sendFrame: (f) => frames.push(f) };
    const writer = quietConnection('writer');
    doc.connections.add(reader);
    doc.connections.add(writer);
    const anna = browser('Anna');
    doc.applyAwareness(anna.set({}), writer);
    await waitFor(() => frames.length === 1, { what: 'the changed presence, alone', timeoutMs: 2000 });
    frames.length = 0;
    doc.applyAwareness(anna.renew(), writer);

    const client = new Y.Doc();
    let update: Uint8Array | null = null;
    client.on('update', (u: Uint8Array) => (update = u));
    client.getMap('x').set('k', 1);
    expect(frames).toHaveLength(0);
    // A change to a document quiet until now is stored and sent at once, with what is held.
    doc.receiveUpdate(update!, writer, null);
    expect(frames).toHaveLength(1);
    expect(frames[0].payloads.map((m) => m[0])).toEqual([0, 1]);
    expect(entries(frames[0].payloads[1]).map((e) => [e.id, e.state])).toEqual([[anna.id, { user: { name: 'Anna' } }]]);
  });
});
