import * as decoding from 'lib0/decoding';
import * as prng from 'lib0/prng';
import { messageSync, type WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addItem, updateItem } from '../../shared/plan/itemOps';
import { STATUSES } from '../../shared/plan/types';
import { listDirections, listItems } from '../../shared/plan/schema';
import { connectClient, type SyncClient } from './syncClient';

// Board members editing one plan as fast as their clients allow, each remembering every
// update it received from the server: after a crash, those are what must be stored.

export interface EditingClient extends SyncClient {
  name: string;
  /** Every update that came from the server (its answers to sync and its broadcasts). */
  received: Uint8Array[];
  edits: number;
}

/**
 * Keeps the update of every SyncStep2 and Update message, as the server sent it. (The
 * document's own update events would not do: they also hold what this client's pending
 * changes did to the received ones, e.g. a concurrent value for the same field.)
 */
export function recordReceived(provider: WebsocketProvider, received: Uint8Array[]): void {
  const handleSync = provider.messageHandlers[messageSync];
  provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, messageType) => {
    const peek = decoding.clone(decoder);
    if (decoding.readVarUint(peek) !== 0) received.push(decoding.readVarUint8Array(peek));
    handleSync(encoder, decoder, p, emitSynced, messageType);
  };
}

export async function connectEditors(wsUrl: string, headers: Record<string, string>, count = 3, docName = 'plan/2025'): Promise<EditingClient[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const received: Uint8Array[] = [];
      const client = await connectClient(wsUrl, docName, { headers, beforeConnect: (p) => recordReceived(p, received) });
      return Object.assign(client, { name: `Ledamot ${i + 1}`, received, edits: 0 });
    }),
  );
}

/**
 * One change of the kind people make on the board: a status, a priority, a text, now
 * and then a new card (unless `newCards` is false, for a plan that should not grow).
 */
export function randomEdit(client: EditingClient, gen: prng.PRNG, newCards = true): void {
  const items = listItems(client.doc);
  if (items.length === 0) return;
  const item = prng.oneOf(gen, items);
  const n = ++client.edits;
  switch (prng.int32(gen, newCards ? 0 : 1, 9)) {
    case 0:
      addItem(client.doc, { directionId: prng.oneOf(gen, listDirections(client.doc)).id, activity: `${client.name}: nytt kort ${n}` });
      return;
    case 1:
    case 2:
      updateItem(client.doc, item.id, { statusNote: `${client.name} ändrade ${n}` });
      return;
    case 3:
      updateItem(client.doc, item.id, { how: `${item.activity} – ${client.name}, ändring ${n}` });
      return;
    case 4:
    case 5:
      updateItem(client.doc, item.id, { priority: prng.oneOf(gen, [1, 2, 3, null] as const) });
      return;
    default:
      updateItem(client.doc, item.id, { status: prng.oneOf(gen, [...STATUSES]) });
  }
}

/**
 * Every client edits in a loop, one change per turn of the event loop, until stop() is
 * called; edits go on while a client is disconnected, as they do in a browser.
 */
export function editContinuously(clients: EditingClient[], seed: number): { stop(): void } {
  const gen = prng.create(seed);
  let running = true;
  const loop = (client: EditingClient) => {
    if (!running) return;
    randomEdit(client, gen);
    setTimeout(() => loop(client), prng.int32(gen, 0, 3));
  };
  clients.forEach(loop);
  return { stop: () => void (running = false) };
}

/**
 * The updates among `updates` that hold something `stored` does not: applied to a copy
 * of it, each such update would add a struct or a deletion (or wait for a missing one).
 */
export function updatesMissingFrom(stored: Y.Doc, updates: Uint8Array[]): Uint8Array[] {
  const base = Y.encodeStateAsUpdate(stored);
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, base);
  const before = Y.snapshot(copy);
  for (const u of updates) Y.applyUpdate(copy, u);
  const complete = () => copy.store.pendingStructs === null && copy.store.pendingDs === null;
  if (Y.equalSnapshots(before, Y.snapshot(copy)) && complete()) return [];
  // Something is missing: find which, one update at a time.
  return updates.filter((u) => {
    const one = new Y.Doc({ gc: false });
    Y.applyUpdate(one, base);
    const snap = Y.snapshot(one);
    Y.applyUpdate(one, u);
    return !Y.equalSnapshots(snap, Y.snapshot(one)) || one.store.pendingStructs !== null || one.store.pendingDs !== null;
  });
}

/** All clients hold the same document (the same structs and deletions). */
export function converged(clients: SyncClient[]): boolean {
  const [first, ...rest] = clients.map((c) => Y.snapshot(c.doc));
  return rest.every((s) => Y.equalSnapshots(first, s));
}
