import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ConnectionGrant } from '../../server/sync/Connection';
import { handMadeUpdate, kindOf, openRawSocket, queryAwarenessMsg, syncStep1, syncStep2, updateMsg, upgradeStatus } from '../helpers/rawSocket';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { storedDoc, storedRows } from '../helpers/storedDoc';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

// A stand-in for sign-in: the query string says who connects. The real hook reads the
// session cookie; what matters here is what the sync server does with the decision.
function authorizeByQuery(req: { url?: string }): ConnectionGrant {
  const params = new URL(req.url ?? '/', 'http://x').searchParams;
  if (params.get('as') === 'nobody') throw Object.assign(new Error('not signed in'), { status: 401, code: 'NOT_SIGNED_IN' });
  if (params.get('as') === 'forum') return { user: { id: 'u-forum', name: 'Forum' }, canWrite: false };
  const who = params.get('as') ?? 'board';
  return { user: { id: `u-${who}`, name: who }, canWrite: true };
}

let t: TestServer;
let writer: SyncClient;

beforeEach(async () => {
  t = await startTestServer({ sync: { authorize: authorizeByQuery } });
  writer = await connectClient(t.wsUrl);
});
afterEach(async () => {
  writer.destroy();
  await t.dispose();
});

const rowCount = () => storedRows(t.server.store);

describe('read-only connections', () => {
  it.each([
    ['Update', updateMsg],
    ['SyncStep2', syncStep2],
  ])('drop a hand-made change sent as %s: not stored, not sent to anyone', async (_name, wrap) => {
    const rows = await rowCount();
    const forum = await openRawSocket(t.wsUrl, 'plan/2025?as=forum');
    forum.send(wrap(handMadeUpdate(Y.encodeStateAsUpdate(writer.doc), 'title', 'Forum was here')));
    // One socket's messages are handled in order: once the awareness query is answered,
    // the forged change has been handled too.
    const before = forum.received.length;
    forum.send(queryAwarenessMsg());
    await waitFor(() => forum.received.slice(before).some((m) => kindOf(m)[0] === 1), { what: 'the awareness answer' });
    expect(await rowCount()).toBe(rows);
    writer.doc.getMap('meta').set('version', 'Version 3');
    await waitFor(async () => (await rowCount()) === rows + 1, { what: 'the writer change to be stored' });
    const second = await connectClient(t.wsUrl);
    expect(second.doc.getMap('meta').get('version')).toBe('Version 3');
    expect(second.doc.getMap('meta').get('title')).not.toBe('Forum was here');
    expect(writer.doc.getMap('meta').get('title')).not.toBe('Forum was here');
    expect((await storedDoc(t.server.store)).getMap('meta').get('title')).not.toBe('Forum was here');
    expect(forum.ws.readyState).toBe(forum.ws.OPEN);
    second.destroy();
    forum.ws.close();
  });

  it('still read the plan and receive every change live', async () => {
    const forum = await openRawSocket(t.wsUrl, 'plan/2025?as=forum');
    forum.send(syncStep1(Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => forum.received.some((m) => kindOf(m).join() === '0,1'), { what: 'the whole plan' });
    // Never asked for their state: only writers get the server's SyncStep1.
    expect(forum.received.some((m) => kindOf(m).join() === '0,0')).toBe(false);
    const count = forum.received.length;
    writer.doc.getMap('meta').set('version', 'Version 4');
    await waitFor(() => forum.received.slice(count).some((m) => kindOf(m).join() === '0,2'), { what: 'the live update' });
    forum.ws.close();
  });

  it('turns read-only at once when the connection loses the right to write', async () => {
    const board = await connectClient(t.wsUrl, 'plan/2025?as=demoted');
    for (const conn of t.server.sync.connections()) if (conn.user?.id === 'u-demoted') conn.canWrite = false;
    const rows = await rowCount();
    board.doc.getMap('meta').set('title', 'after demotion');
    writer.doc.getMap('meta').set('version', 'marker');
    await waitFor(() => board.doc.getMap('meta').get('version') === 'marker');
    expect(await rowCount()).toBe(rows + 1);
    expect(writer.doc.getMap('meta').get('title')).not.toBe('after demotion');
    board.destroy();
  });
});

describe('refused upgrades', () => {
  it('answers 401 before any websocket message when the hook refuses', async () => {
    expect(await upgradeStatus(`${t.wsUrl}/plan/2025?as=nobody`)).toBe(401);
  });

  it('answers 404 for a document that does not exist or a path that is not a document', async () => {
    const loaded = t.server.sync.stats().documents;
    expect(await upgradeStatus(`${t.wsUrl}/plan/1999`)).toBe(404);
    expect(await upgradeStatus(`${t.wsUrl}/plan/../../etc/passwd`)).toBe(404);
    expect(await upgradeStatus(`${t.wsUrl}/secrets`)).toBe(404);
    expect(await upgradeStatus(`ws://127.0.0.1:${t.server.port}/other`)).toBe(404);
    expect(t.server.sync.stats().documents).toBe(loaded);
  });
});
