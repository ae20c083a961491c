import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setStatus } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { awarenessMsg, handMadeUpdate, openRawSocket, syncStep1, updateMsg } from '../helpers/rawSocket';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { storedDoc, storedRows } from '../helpers/storedDoc';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

let t: TestServer;
let bystander: SyncClient;
let observer: SyncClient;

beforeEach(async () => {
  t = await startTestServer();
  bystander = await connectClient(t.wsUrl);
  observer = await connectClient(t.wsUrl);
});
afterEach(async () => {
  bystander.destroy();
  observer.destroy();
  await t.dispose();
});

const rowCount = () => storedRows(t.server.store);
const storedPlan = async () => listItems(await storedDoc(t.server.store));

/** The bystander, connected all along, can still change the plan and the observer sees it. */
async function othersUnaffected() {
  const item = listItems(bystander.doc).find((i) => i.activity === 'A')!;
  setStatus(bystander.doc, item.id, 'done');
  await waitFor(() => listItems(observer.doc).find((i) => i.activity === 'A')?.status === 'done', {
    what: 'a later change to reach the other client',
  });
}

function bytes(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const p of parts) typeof p === 'number' ? encoding.writeVarUint(encoder, p) : encoding.writeVarUint8Array(encoder, p);
  return encoding.toUint8Array(encoder);
}

const validUpdate = () => handMadeUpdate(Y.encodeStateAsUpdate(bystander.doc), 'title', 'Kapad');

describe('hostile and broken messages', () => {
  it('closes a connection that sends more than 1 MiB with 1009, and nothing else changes', async () => {
    const rows = await rowCount();
    const before = await storedPlan();
    const raw = await openRawSocket(t.wsUrl);
    const huge = new Uint8Array(1024 * 1024 + 16);
    huge.set(updateMsg(new Uint8Array(8)).subarray(0, 3));
    raw.send(huge);
    expect((await raw.closed).code).toBe(1009);
    expect(await rowCount()).toBe(rows);
    expect(await storedPlan()).toEqual(before);
    await othersUnaffected();
  });

  const malformed: [string, () => Uint8Array | string][] = [
    ['an empty message', () => new Uint8Array(0)],
    ['a truncated varint', () => Uint8Array.of(0x80)],
    ['an unknown message type', () => bytes(9, 0)],
    ['an auth message, which only the server sends', () => bytes(2, 0)],
    ['an unknown sync step', () => bytes(0, 7, new Uint8Array(2))],
    ['a length longer than the message', () => Uint8Array.of(0, 2, 100, 1, 2, 3)],
    ['a truncated Yjs update', () => { const u = validUpdate(); return updateMsg(u.subarray(0, u.length >> 1)); }],
    ['garbage as a Yjs update', () => updateMsg(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3, 4, 5))],
    ['garbage as a SyncStep2 update', () => bytes(0, 1, Uint8Array.of(5, 200, 1, 9, 9, 9, 9))],
    ['a broken state vector', () => syncStep1(Uint8Array.of(3, 1))],
    ['awareness that is not JSON', () => awarenessMsg(bytes(1, 77, 1, Uint8Array.from(Buffer.from('{not json'))))],
    ['a text frame', () => 'hello'],
  ];

  it.each(malformed)('closes a connection that sends %s with 4400, and the plan is intact', async (_name, make) => {
    const rows = await rowCount();
    const before = await storedPlan();
    const raw = await openRawSocket(t.wsUrl);
    raw.send(make());
    expect(await raw.closed).toEqual({ code: 4400, reason: 'malformed message' });
    expect(await rowCount()).toBe(rows);
    expect(await storedPlan()).toEqual(before);
    expect(t.logger.entries.some((e) => e.message.startsWith('malformed message'))).toBe(true);
    await othersUnaffected();
  });

  it('accepts a valid hand-made update on a raw socket (the malformed cases fail for their bytes alone)', async () => {
    const raw = await openRawSocket(t.wsUrl);
    raw.send(updateMsg(validUpdate()));
    await waitFor(() => observer.doc.getMap('meta').get('title') === 'Kapad');
    raw.ws.close();
  });
});
