import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { setStatus } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { RateLimit } from '../../server/sync/rateLimit';
import { awarenessMsg, handMadeUpdate, kindOf, openRawSocket, queryAwarenessMsg, syncStep1, updateMsg } from '../helpers/rawSocket';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { storedDoc, storedRows } from '../helpers/storedDoc';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

// Floods and oversized presence on real sockets, with the server's default limits:
// the sender is closed with a clear code, everyone else carries on.

let t: TestServer;
let bystander: SyncClient;
let observer: SyncClient;
const extra: SyncClient[] = [];

beforeEach(async () => {
  t = await startTestServer();
  bystander = await connectClient(t.wsUrl);
  observer = await connectClient(t.wsUrl);
});
afterEach(async () => {
  [bystander, observer, ...extra.splice(0)].forEach((c) => c.destroy());
  await t.dispose();
});

async function othersUnaffected(status: 'done' | 'paused' = 'done') {
  const item = listItems(bystander.doc).find((i) => i.activity === 'B')!;
  setStatus(bystander.doc, item.id, status);
  await waitFor(() => listItems(observer.doc).find((i) => i.activity === 'B')?.status === status, { what: 'a later change to reach the other client' });
}

const presence = (clientID: number, state: Record<string, unknown>) => {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const awareness = new Awareness(doc);
  awareness.setLocalState(state);
  return awarenessMsg(encodeAwarenessUpdate(awareness, [clientID]));
};

describe('message floods', () => {
  it('close the flooding connection with 4429 and a clear reason, and the others carry on', async () => {
    const flood = await openRawSocket(t.wsUrl);
    const rows = await storedRows(t.server.store);
    for (let i = 0; i < 20_000 && flood.ws.readyState === flood.ws.OPEN; i++) flood.send(queryAwarenessMsg());
    expect(await flood.closed).toEqual({ code: 4429, reason: 'too many messages' });
    expect(t.logger.entries.some((e) => e.level === 'warn' && e.message === 'too many messages; connection closed')).toBe(true);
    expect(await storedRows(t.server.store)).toBe(rows);
    await othersUnaffected();
  });

  it('of valid changes are cut off too, keeping what was stored before and the document whole', async () => {
    const flood = await openRawSocket(t.wsUrl);
    const base = Y.encodeStateAsUpdate(bystander.doc);
    const update = handMadeUpdate(base, 'title', 'Översvämning');
    for (let i = 0; i < 20_000 && flood.ws.readyState === flood.ws.OPEN; i++) flood.send(updateMsg(update));
    expect((await flood.closed).code).toBe(4429);
    await waitFor(() => observer.doc.getMap('meta').get('title') === 'Översvämning');
    expect((await storedDoc(t.server.store)).getMap('meta').get('title')).toBe('Översvämning');
    await othersUnaffected('paused');
  });

  it('let a burst of fast typing through: a minute of keystrokes and cursor moves arriving at once', async () => {
    const typist = await connectClient(t.wsUrl);
    extra.push(typist);
    const text = typist.doc.getText('typing');
    const words = 'Kansliet bokar lokal för höstkongressen och skickar ut inbjudan till medlemmarna. ';
    let typed = '';
    // One transaction per keystroke and a cursor move with each, as the editor sends them.
    for (let i = 0; i < 1500; i++) {
      const ch = words[i % words.length];
      text.insert(text.length, ch);
      typed += ch;
      typist.provider.awareness.setLocalStateField('cursor', { anchor: i, head: i });
    }
    await waitFor(() => observer.doc.getText('typing').toString() === typed, { what: 'every keystroke to arrive' });
    expect(typist.provider.wsconnected).toBe(true);
    expect((await storedDoc(t.server.store)).getText('typing').toString()).toBe(typed);
    expect(t.logger.entries.some((e) => e.message.startsWith('too many messages'))).toBe(false);
  });
});

describe('presence', () => {
  it('of a huge state closes that connection as malformed and reaches nobody', async () => {
    const raw = await openRawSocket(t.wsUrl);
    raw.send(presence(4242, { user: { name: 'x'.repeat(200_000) } }));
    expect(await raw.closed).toEqual({ code: 4400, reason: 'malformed message' });
    expect(observer.provider.awareness.getStates().has(4242)).toBe(false);
    await othersUnaffected();
  });

  it('is limited to a few states per connection, and all of them go when it is closed', async () => {
    const raw = await openRawSocket(t.wsUrl);
    for (let id = 1; id <= 8; id++) raw.send(presence(5000 + id, { user: { name: `Gäst ${id}` } }));
    await waitFor(() => observer.provider.awareness.getStates().has(5008), { what: 'eight presence states' });
    raw.send(presence(5009, { user: { name: 'Gäst 9' } }));
    expect((await raw.closed).code).toBe(4400);
    await waitFor(() => ![...observer.provider.awareness.getStates().keys()].some((id) => id > 5000 && id < 5010), {
      what: 'the states to be removed',
    });
    await othersUnaffected();
  });
});

describe('presence from a real client', () => {
  it('may carry many states at once: y-websocket sends back every state it learns, and removes the silent ones together', async () => {
    const crowd = await Promise.all(Array.from({ length: 12 }, () => connectClient(t.wsUrl)));
    extra.push(...crowd);
    const raw = await openRawSocket(t.wsUrl);
    // What a browser sends after it has been told of everyone, and when they fall silent.
    const learnt = new Awareness(new Y.Doc());
    const ids = crowd.map((c) => c.doc.clientID);
    for (const c of crowd) {
      learnt.states.set(c.doc.clientID, c.provider.awareness.getLocalState()!);
      learnt.meta.set(c.doc.clientID, c.provider.awareness.meta.get(c.doc.clientID)!);
    }
    raw.send(awarenessMsg(encodeAwarenessUpdate(learnt, ids)));
    raw.send(awarenessMsg(encodeAwarenessUpdate(learnt, ids, new Map())));
    // Answered only after both were handled: messages are handled in order.
    raw.send(syncStep1(new Uint8Array([0])));
    await waitFor(() => raw.received.some((m) => kindOf(m).join() === '0,1'), { what: 'the answer to SyncStep1' });
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
  });
});

describe('the rate limit', () => {
  it('refills at its steady rate after a burst, counting messages and bytes apart', () => {
    let now = 0;
    const options = { burstMessages: 10, messagesPerSecond: 5, burstBytes: 1000, bytesPerSecond: 100 };
    const messages = new RateLimit(options, () => now);
    for (let i = 0; i < 10; i++) expect(messages.take(1)).toBe(true);
    expect(messages.take(1)).toBe(false);
    now += 1000;
    for (let i = 0; i < 5; i++) expect(messages.take(1)).toBe(true);
    expect(messages.take(1)).toBe(false);

    const bytes = new RateLimit(options, () => now);
    expect(bytes.take(1000)).toBe(true);
    expect(bytes.take(1)).toBe(false);
    now += 500;
    expect(bytes.take(50)).toBe(true);
    expect(bytes.take(1)).toBe(false);
    now += 60_000;
    expect(bytes.take(1000)).toBe(true); // never more than the burst
    expect(bytes.take(1)).toBe(false);
  });
});
