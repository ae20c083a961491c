import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { setPriority, setStatus } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { openRawSocket } from '../helpers/rawSocket';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { appendRows } from '../../server/store/appendRows';
import { refuseWrites } from '../helpers/refuseWrites';
import { newestAuthor, storedDoc, storedRows } from '../helpers/storedDoc';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

let t: TestServer;
const clients: SyncClient[] = [];
const connect = async () => {
  const c = await connectClient(t.wsUrl);
  clients.push(c);
  return c;
};
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await t.dispose();
});

const item = (c: SyncClient, activity: string) => listItems(c.doc).find((i) => i.activity === activity)!;
const failWrites = () => refuseWrites(t.server.store.sql, 'doc_updates');
/** The close codes a client's connection ends with from now on. */
const closesOf = (c: SyncClient) => {
  const codes: number[] = [];
  c.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
  return codes;
};

describe('storage of a live document', () => {
  it('compacts past the threshold while clients edit, losing nothing', async () => {
    t = await startTestServer({ sync: { compactThreshold: 5 } });
    const [a, b] = [await connect(), await connect()];
    const statuses = ['planned', 'in_progress', 'paused', 'done', 'not_started'] as const;
    for (let i = 0; i < 40; i++) setPriority(a.doc, item(a, 'ABCDE'[i % 5]).id, ((i % 3) + 1) as 1 | 2 | 3);
    for (let i = 0; i < 5; i++) setStatus(b.doc, item(b, 'ABCDE'[i]).id, statuses[i]);
    await waitFor(() => JSON.stringify(listItems(a.doc)) === JSON.stringify(listItems(b.doc)), { what: 'convergence' });
    await waitFor(async () => (await storedRows(t.server.store)) <= 6, { what: 'compaction' });
    expect(listItems(await storedDoc(t.server.store))).toEqual(listItems(a.doc));
    const expected = listItems(a.doc);
    clients.splice(0).forEach((c) => c.destroy());
    await t.restart();
    expect(listItems((await connect()).doc)).toEqual(expected);
  });

  it('compacts a document that has too many rows when it loads', async () => {
    t = await startTestServer({ sync: { compactThreshold: 5 } });
    // Rows left by a server that stopped before it compacted them.
    const base = await storedDoc(t.server.store);
    const rows: Uint8Array[] = [];
    base.on('update', (u: Uint8Array) => rows.push(u));
    for (let i = 0; i < 12; i++) base.getMap('meta').set('version', `Version ${i + 3}`);
    await t.server.store.sql.transaction((tx) => appendRows(tx, 'plan/2025', rows.map((update) => ({ update, userId: null })), Date.now()));
    expect(await storedRows(t.server.store)).toBe(13);
    await t.restart();
    await waitFor(async () => (await storedRows(t.server.store)) === 1, { what: 'compaction at load' });
    const a = await connect();
    expect(a.doc.getMap('meta').get('version')).toBe('Version 14');
    expect((await storedDoc(t.server.store)).getMap('meta').get('version')).toBe('Version 14');
  });

  it('refuses a change the database cannot store: nobody gets it, the others stay connected, and it arrives once storage is back', async () => {
    t = await startTestServer();
    const [a, b] = [await connect(), await connect()];
    const [closes, othersCloses] = [closesOf(a), closesOf(b)];
    const heal = await failWrites();
    setStatus(a.doc, item(a, 'A').id, 'done');
    await waitFor(() => closes.includes(4503), { what: 'the writer to be told' });
    expect(t.logger.entries.some((e) => e.level === 'error' && /could not store/.test(e.message))).toBe(true);
    const reader = await connect();
    expect(item(reader, 'A').status).toBe('not_started');
    expect(item(b, 'A').status).toBe('not_started');
    expect(listItems(await storedDoc(t.server.store)).find((i) => i.activity === 'A')?.status).toBe('not_started');
    await heal();
    await waitFor(() => item(b, 'A').status === 'done', { what: 'the change after recovery', timeoutMs: 15_000 });
    expect(listItems(await storedDoc(t.server.store)).find((i) => i.activity === 'A')?.status).toBe('done');
    // Only the editor whose change was refused was disconnected.
    expect(othersCloses).toEqual([]);
    expect(b.provider.wsconnected).toBe(true);
  });

  it('closes a client that stops reading once its backlog passes the limit, and the others carry on', async () => {
    const limit = 256 * 1024;
    t = await startTestServer({ sync: { maxBacklogBytes: limit } });
    const [a, b] = [await connect(), await connect()];
    const stalled = await openRawSocket(t.wsUrl);
    const stalledSocket = (stalled.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    stalledSocket.pause();
    // What the server holds unsent for each socket it has had on the document, the closed one included.
    const serverSockets = new Set<WebSocket>();
    const backlog = () => {
      for (const c of t.server.sync.getDoc('plan/2025').connections) serverSockets.add((c as unknown as { ws: WebSocket }).ws);
      return Math.max(...[...serverSockets].map((ws) => ws.bufferedAmount));
    };
    let mostHeld = 0;
    const big = 'x'.repeat(800_000);
    const change = async (i: number) => {
      a.doc.getMap('meta').set('focusNote', `${i}${big}`);
      await waitFor(() => String(b.doc.getMap('meta').get('focusNote')).startsWith(`${i}x`), { what: `change ${i}` });
      mostHeld = Math.max(mostHeld, backlog());
    };
    let i = 0;
    for (; !t.logger.entries.some((e) => /stopped reading/.test(e.message)); i++) {
      if (i === 60) throw new Error('the stalled client was never closed');
      await change(i);
    }
    await waitFor(() => t.server.sync.stats().connections === 2, { what: 'the stalled connection to go', timeoutMs: 40_000 });
    // Nothing more is queued for it while the others go on editing.
    const heldAtClose = backlog();
    for (const end = i + 5; i < end; i++) await change(i);
    expect(backlog()).toBe(heldAtClose);
    // At most one message past the limit was ever held for it.
    expect(mostHeld).toBeGreaterThan(limit);
    expect(mostHeld).toBeLessThan(limit + big.length + 64 * 1024);
    // Once it reads again, it finds the close code at the end of its backlog.
    stalledSocket.resume();
    expect(await stalled.closed).toEqual({ code: 4508, reason: 'client not reading' });
  });

  it('stores and sends a change the server makes itself, with its author', async () => {
    t = await startTestServer();
    const a = await connect();
    await t.server.sync.getDoc('plan/2025').changeAsServer((doc) => doc.getMap('meta').set('version', 'Version 3'), 'user-7');
    await waitFor(() => a.doc.getMap('meta').get('version') === 'Version 3');
    expect(await newestAuthor(t.server.store)).toBe('user-7');
  });

  it('drops a server change the database refuses and reloads the document from storage, keeping everyone connected', async () => {
    t = await startTestServer();
    const a = await connect();
    const closes = closesOf(a);
    const heal = await failWrites();
    await expect(
      Promise.resolve().then(() => t.server.sync.getDoc('plan/2025').changeAsServer((doc) => doc.getMap('meta').set('version', 'lost'), null)),
    ).rejects.toMatchObject({ code: 'STORAGE_FAILURE' });
    // (On a database server the document is read again asynchronously.)
    expect((await t.server.sync.loadDoc('plan/2025')).doc.getMap('meta').get('version')).toBe('Version 2');
    await heal();
    const fresh = await connect();
    expect(fresh.doc.getMap('meta').get('version')).toBe('Version 2');
    expect(a.doc.getMap('meta').get('version')).not.toBe('lost');
    // The open connection carries on: its edit reaches the newcomer.
    a.doc.getMap('meta').set('version', 'Version 3');
    await waitFor(() => fresh.doc.getMap('meta').get('version') === 'Version 3', { what: 'the edit after the refusal' });
    expect(closes).toEqual([]);
  });
});
