import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedDocs } from '../../server/meetings/storedDocs';
import { openStore, type Store } from '../../server/store/openStore';
import { updateItem } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

// A change another process stores (the command line) reaches the people on the plan
// through the running server, also when one of them changes the plan right after it.

describe('updates stored by another process', () => {
  let server: TestServer;
  let other: Store;
  let a: SyncClient;
  let b: SyncClient;
  beforeAll(async () => {
    server = await startTestServer();
    other = openStore(server.dataDir);
    a = await connectClient(server.wsUrl);
    b = await connectClient(server.wsUrl);
  });
  afterAll(async () => {
    a.destroy();
    b.destroy();
    await other.close();
    await server.dispose();
  });

  const item = (c: SyncClient, activity: string) => listItems(c.doc).find((i) => i.activity === activity)!;

  it('sends a row stored elsewhere to everyone, and one of their own right after it too', async () => {
    const [first, second] = listItems(a.doc);
    // Stored by the other connection, then at once a change of a person's own.
    await storedDocs(other, true).change('plan/2025', null, (doc) => updateItem(doc, first.id, { when: 'Från kommandoraden' }));
    updateItem(a.doc, second.id, { when: 'Från tavlan' });
    await waitFor(() => item(b, first.activity).when === 'Från kommandoraden' && item(b, second.activity).when === 'Från tavlan', { what: 'both changes at the other person' });
    await waitFor(() => item(a, first.activity).when === 'Från kommandoraden', { what: 'the stored change at its own author' });
    const late = await connectClient(server.wsUrl);
    expect([item(late, first.activity).when, item(late, second.activity).when]).toEqual(['Från kommandoraden', 'Från tavlan']);
    late.destroy();
    // The server applied the row as it applies stored rows: its audit line is the other process's, written once.
    const lines = (await other.changes.between('2025', 0, Date.now() + 1000)).filter((c) => c.itemId === first.id);
    expect(lines).toHaveLength(1);
  });
});
