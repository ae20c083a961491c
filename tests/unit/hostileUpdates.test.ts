import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setStatus } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { openRawSocket, updateMsg } from '../helpers/rawSocket';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { storedDoc, storedRows } from '../helpers/storedDoc';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';
import { sqliteStore } from '../helpers/sqliteStore';

// Yjs updates that decode but would break the document, found by the fuzzer
// (tests/unit/fuzzSync.test.ts with other seeds): the server must refuse them before
// they reach memory or storage, and never replace stored rows by a state that does not load.

let t: TestServer;
let bystander: SyncClient;
let observer: SyncClient;
const dropped: number[] = [];
beforeEach(async () => {
  t = await startTestServer();
  bystander = await connectClient(t.wsUrl);
  observer = await connectClient(t.wsUrl);
  for (const c of [bystander, observer]) c.provider.on('connection-close', (e) => dropped.push(e?.code ?? 0));
});
afterEach(async () => {
  bystander.destroy();
  observer.destroy();
  dropped.length = 0;
  await t.dispose();
});

/** One text item (Yjs update format 1) whose right neighbour is an item of its own client made after it. */
function itemPointingAhead(client: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0); // its clock
  encoding.writeUint8(e, 4 | 0x40); // string content, with a right origin
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 5); // the right origin: the same client, a later clock
  encoding.writeVarString(e, 'x');
  encoding.writeVarUint(e, 0); // no deletions
  return encoding.toUint8Array(e);
}

describe('updates that decode but would break the document', () => {
  it('an item pointing ahead of itself is refused as malformed, and nobody else notices', async () => {
    const rows = await storedRows(t.server.store);
    const raw = await openRawSocket(t.wsUrl);
    raw.send(updateMsg(itemPointingAhead(4711)));
    expect(await raw.closed).toEqual({ code: 4400, reason: 'malformed message' });
    expect(await storedRows(t.server.store)).toBe(rows);
    const item = listItems(bystander.doc)[0];
    setStatus(bystander.doc, item.id, 'paused');
    await waitFor(() => listItems(observer.doc)[0].status === 'paused');
    expect(dropped).toEqual([]);
    expect(t.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('a merged state that would not load never replaces the rows it was made from', async () => {
    const { docs } = sqliteStore(t.server.store);
    setStatus(bystander.doc, listItems(bystander.doc)[1].id, 'done');
    await waitFor(() => listItems(observer.doc)[1].status === 'done');
    const before = docs.load('plan/2025');
    const unreadable = Y.mergeUpdates([itemPointingAhead(4711)]);
    expect(() => docs.compact('plan/2025', { state: unreadable, rowCount: before.updates.length, lastId: before.lastId })).toThrow(
      expect.objectContaining({ code: 'MERGE_FAILED' }),
    );
    expect(docs.load('plan/2025')).toEqual(before);
    expect(listItems(await storedDoc(t.server.store))).toEqual(listItems(bystander.doc));
  });
});
