import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { listItems } from '../../shared/plan/schema';
import { LightClient, type Target } from './LightClient';
import { updateMessage } from './messages';

// Puts a plan into a server the way a client would: one connection sends the whole
// document as an update and stays connected, so the server keeps the document loaded
// for the scenario that follows (as it would with people on the board).

/** Joins as a fresh client, applies the plan to a Y.Doc and counts its live items. */
export async function fetchPlan(target: Target): Promise<{ ms: number; items: number; bytes: number }> {
  const client = new LightClient(target, undefined, true);
  try {
    await client.ready();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, client.plan!);
    const items = listItems(doc).length;
    doc.destroy();
    return { ms: performance.now() - client.startedAt, items, bytes: client.planBytes };
  } finally {
    await client.close();
  }
}

export async function seedPlan(target: Target, plan: Uint8Array, expectedItems: number): Promise<LightClient> {
  const seeder = new LightClient(target);
  await seeder.ready();
  const before = await fetchPlan(target);
  if (before.items === 0) seeder.send(updateMessage(plan));
  else if (before.items !== expectedItems) throw new Error(`the server already holds another plan (${before.items} items)`);
  const deadline = performance.now() + 30_000;
  for (;;) {
    const now = await fetchPlan(target);
    if (now.items === expectedItems) return seeder;
    if (performance.now() > deadline) throw new Error(`the seeded plan shows ${now.items} items, not ${expectedItems}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
