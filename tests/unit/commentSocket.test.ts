import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { discussionComments, listThreads } from '../../shared/discussion/schema';
import { syncStep1Message, syncStep2Message, updateMessage } from '../../server/sync/encodeMessage';
import { commentServer, PLAN, type CommentServer, type Person } from './commentServer';

// No client may write the discussion document, whatever its role: the server drops
// Update and SyncStep2 from every connection to it, so a hand-made comment reaches
// neither storage nor the other readers. Comments come only through the HTTP API.

interface Client {
  doc: Y.Doc;
  /** Sync message types received, in order (0 step 1, 1 step 2, 2 update). */
  received: number[];
  send(message: Uint8Array): void;
  /** Asks for the server's state and waits for the answer: everything sent before is handled by then. */
  roundTrip(): Promise<void>;
  close(): void;
}

let s: CommentServer;
beforeEach(async () => {
  s = await commentServer();
});
afterEach(() => s.close());

async function connect(person: Person): Promise<Client> {
  const ws = new WebSocket(`${s.origin.replace('http', 'ws')}/ws/discussion/${PLAN}`, { headers: { cookie: person.cookie, origin: s.origin } });
  const doc = new Y.Doc();
  const received: number[] = [];
  let waiting: (() => void) | null = null;
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== 0) return; // awareness and auth messages
    const type = decoding.readVarUint(decoder);
    received.push(type);
    if (type === 1 || type === 2) Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
    if (type === 1 && waiting) {
      const done = waiting;
      waiting = null;
      done();
    }
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const client: Client = {
    doc,
    received,
    send: (m) => ws.send(m),
    roundTrip: () =>
      new Promise<void>((resolve) => {
        waiting = resolve;
        ws.send(syncStep1Message(Y.encodeStateVector(doc)));
      }),
    close: () => ws.close(),
  };
  await client.roundTrip();
  return client;
}

/** A comment made on a copy of what the client has: valid Yjs, never sent through the API. */
function forgedComment(client: Client, authorName: string): Uint8Array {
  const before = Y.encodeStateVector(client.doc);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
  const comment = new Y.Map<unknown>();
  comment.set('threadId', listThreads(copy)[0]?.id ?? 'forged');
  comment.set('authorName', authorName);
  comment.set('body', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'förfalskad' }] }] });
  discussionComments(copy).set('forged', comment);
  return Y.encodeStateAsUpdate(copy, before);
}

describe('the discussion document over the websocket', () => {
  it.each(['tjanstepersonforum', 'styrelse', 'kansli'] as const)('drops a %s client’s Update and SyncStep2, so nothing is stored or passed on', async (role) => {
    await s.send('POST', `${PLAN}/items/${s.items.A}/threads`, await s.person('styrelse'), { body: 'Riktig kommentar' });
    const attacker = await connect(await s.person(role));
    const reader = await connect(await s.person('tjanstepersonforum'));
    expect(listThreads(attacker.doc)).toHaveLength(1);
    const rows = s.store.docs.count(`discussion/${PLAN}`);
    const readerSaw = reader.received.length;

    attacker.send(updateMessage(forgedComment(attacker, 'Ordföranden')));
    attacker.send(syncStep2Message(forgedComment(attacker, 'Kansliet')));
    await attacker.roundTrip();
    await reader.roundTrip();

    expect(discussionComments(s.discussion()).has('forged')).toBe(false);
    expect(s.store.docs.count(`discussion/${PLAN}`)).toBe(rows);
    // The reader got only the answer to its own question, and has no forged comment.
    expect(reader.received.slice(readerSaw)).toEqual([1]);
    expect(discussionComments(reader.doc).has('forged')).toBe(false);
    attacker.close();
    reader.close();
  });

  it('brings a comment written through the API to every reader at once', async () => {
    const reader = await connect(await s.person('styrelse'));
    await s.send('POST', `${PLAN}/items/${s.items.A}/threads`, await s.person('tjanstepersonforum', 'Frida'), { body: 'Ny tanke' });
    await reader.roundTrip();
    expect(reader.received).toContain(2);
    expect(listThreads(reader.doc)[0].comments[0].authorName).toBe('Frida');
    reader.close();
  });

  it('refuses a connection without a session before any message', async () => {
    const ws = new WebSocket(`${s.origin.replace('http', 'ws')}/ws/discussion/${PLAN}`, { headers: { origin: s.origin } });
    const status = await new Promise<number>((resolve) => ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(401);
  });
});
