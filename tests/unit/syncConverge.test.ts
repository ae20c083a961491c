import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listItems } from '../../shared/plan/schema';
import { setPriority, setStatus } from '../../shared/plan/itemOps';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { storedDoc } from '../helpers/storedDoc';
import { TEST_ENGINE } from '../helpers/testEngine';
import { waitFor } from '../helpers/waitFor';

let t: TestServer;
const clients: SyncClient[] = [];
const connect = async (docName?: string) => {
  const c = await connectClient(t.wsUrl, docName);
  clients.push(c);
  return c;
};
const itemNamed = (c: SyncClient, activity: string) => listItems(c.doc).find((i) => i.activity === activity)!;

beforeEach(async () => {
  t = await startTestServer({ sync: { keepLoadedMs: 0 } });
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await t.dispose();
});

describe('sync between clients', () => {
  it('gives a joining client the whole plan', async () => {
    const a = await connect();
    expect(listItems(a.doc).map((i) => i.activity).sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('brings two clients to the same plan after concurrent changes', async () => {
    const [a, b] = [await connect(), await connect()];
    setStatus(a.doc, itemNamed(a, 'A').id, 'done');
    setPriority(b.doc, itemNamed(b, 'B').id, 2);
    await waitFor(() => itemNamed(b, 'A').status === 'done' && itemNamed(a, 'B').priority === 2, { what: 'both changes everywhere' });
    expect(listItems(a.doc)).toEqual(listItems(b.doc));
  });

  it('has stored a change by the time any other client receives it', async () => {
    const [a, b] = [await connect(), await connect()];
    setStatus(a.doc, itemNamed(a, 'D').id, 'paused');
    await waitFor(() => itemNamed(b, 'D').status === 'paused');
    const stored = listItems(await storedDoc(t.server.store)).find((i) => i.activity === 'D');
    expect(stored?.status).toBe('paused');
  });

  it('keeps a change across a server restart', async () => {
    const [a, b] = [await connect(), await connect()];
    setStatus(a.doc, itemNamed(a, 'C').id, 'done');
    await waitFor(() => itemNamed(b, 'C').status === 'done');
    clients.splice(0).forEach((c) => c.destroy());
    await t.restart();
    const fresh = await connect();
    expect(itemNamed(fresh, 'C').status).toBe('done');
  });

  // On PostgreSQL every plan's documents stay loaded (docs/deploy.md): the unloading is SQLite's.
  const unloading = it.runIf(TEST_ENGINE === 'sqlite');

  unloading('reads the plans at start, and keeps a document a while after its last client leaves', async () => {
    await t.dispose();
    t = await startTestServer({ sync: { keepLoadedMs: 500 } });
    await waitFor(() => t.server.sync.stats().documents === 1, { what: 'the plan to be read at start' });
    const a = await connect();
    setPriority(a.doc, itemNamed(a, 'E').id, 3);
    clients.splice(0).forEach((c) => c.destroy());
    await waitFor(() => t.server.sync.stats().connections === 0, { what: 'the client to leave' });
    // Back within the time: the same document, with the change.
    const b = await connect();
    expect(itemNamed(b, 'E').priority).toBe(3);
    expect(t.server.sync.stats()).toEqual({ documents: 1, connections: 1 });
    clients.splice(0).forEach((c) => c.destroy());
    await waitFor(() => t.server.sync.stats().connections === 0, { what: 'the client to leave' });
    expect(t.server.sync.stats().documents).toBe(1);
    await waitFor(() => t.server.sync.stats().documents === 0, { what: 'the document to be let go' });
  });

  unloading('unloads a document when its last client leaves and loads it again with its content', async () => {
    const a = await connect();
    const b = await connect();
    setPriority(a.doc, itemNamed(a, 'E').id, 3);
    await waitFor(() => itemNamed(b, 'E').priority === 3);
    expect(t.server.sync.stats()).toEqual({ documents: 1, connections: 2 });
    clients.splice(0).forEach((c) => c.destroy());
    await waitFor(() => t.server.sync.stats().documents === 0, { what: 'the document to unload' });
    const c = await connect();
    expect(itemNamed(c, 'E').priority).toBe(3);
    expect(t.server.sync.stats()).toEqual({ documents: 1, connections: 1 });
  });

  it('gives every one of many clients joining at once the whole plan', async () => {
    const joined = await Promise.all(Array.from({ length: 25 }, () => connect()));
    for (const c of joined) expect(listItems(c.doc)).toHaveLength(5);
    setStatus(joined[0].doc, itemNamed(joined[0], 'A').id, 'planned');
    await waitFor(() => joined.every((c) => itemNamed(c, 'A').status === 'planned'), { what: 'the change on every client' });
  });

  it('delivers changes of every size intact (each websocket length encoding)', async () => {
    const [a, b] = [await connect(), await connect()];
    for (const size of [10, 125, 126, 65_535, 65_536, 300_000]) {
      const text = 'x'.repeat(size - 1) + String(size % 10);
      a.doc.getMap('meta').set('focusNote', text);
      await waitFor(() => b.doc.getMap('meta').get('focusNote') === text, { what: `a change of ${size} characters` });
    }
  });

  it('shows who is online and forgets a client that leaves', async () => {
    const a = await connect();
    const b = await connect();
    a.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    await waitFor(() => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Anna'));
    a.destroy();
    await waitFor(() => ![...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Anna'), {
      what: 'Anna to go offline',
    });
  });

  it('syncs edits a client made while disconnected once it reconnects', async () => {
    const [a, b] = [await connect(), await connect()];
    a.provider.disconnect();
    setStatus(a.doc, itemNamed(a, 'B').id, 'in_progress');
    expect(itemNamed(b, 'B').status).toBe('not_started');
    a.provider.connect();
    await waitFor(() => itemNamed(b, 'B').status === 'in_progress', { what: 'the offline edit to arrive' });
  });
});
