import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { ROLES } from '../../shared/auth/roles';
import { awarenessMsg, handMadeUpdate, kindOf, presenceEntryMsg, syncStep2, updateMsg } from '../helpers/rawSocket';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { newestAuthor, storedRows } from '../helpers/storedDoc';
import { waitFor } from '../helpers/waitFor';
import { syncFixture, type SyncFixture } from './authSyncFixture';

let f: SyncFixture;
const clients: SyncClient[] = [];
beforeEach(async () => (f = await syncFixture()));
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await f.close();
});

/** Hand-made updates start from an empty document: they only add a key to the plan's meta map. */
const base = () => Y.encodeStateAsUpdate(new Y.Doc());
async function observer(): Promise<SyncClient> {
  const c = await connectClient(f.wsBase, 'plan/2025', { headers: (await f.person('kansli', 'Observatör')).headers });
  clients.push(c);
  return c;
}

describe('the plan over the websocket, per role', () => {
  it('lets board and secretariat change the plan and drops every change from the forum, Update and SyncStep2 alike', async () => {
    const watch = await observer();
    const rowsBefore = await storedRows(f.server.store);
    const sent: Record<string, string[]> = {};
    // One after the other, each waiting until the server has handled its messages, so
    // that what the observer receives comes in this order.
    for (const role of ['tjanstepersonforum', 'styrelse', 'kansli'] as const) {
      const sock = await f.raw((await f.person(role)).headers);
      await waitFor(() => sock.received.some((m) => kindOf(m).join() === '0,1'), { what: 'the plan' });
      sent[role] = [`${role}-update`, `${role}-step2`];
      sock.send(updateMsg(handMadeUpdate(base(), sent[role][0], 'x')));
      sock.send(syncStep2(handMadeUpdate(base(), sent[role][1], 'x')));
      await sock.barrier();
      expect(sock.ws.readyState).toBe(sock.ws.OPEN);
    }
    await waitFor(() => watch.doc.getMap('meta').has('kansli-step2'), { what: 'the secretariat’s change' });
    const seen = [...watch.doc.getMap('meta').keys()];
    const stored = [...(await f.storedMeta()).keys()];
    for (const key of [...sent.styrelse, ...sent.kansli]) {
      expect(seen).toContain(key);
      expect(stored).toContain(key);
    }
    for (const key of sent.tjanstepersonforum) {
      expect(seen).not.toContain(key);
      expect(stored).not.toContain(key);
    }
    expect(await storedRows(f.server.store)).toBe(rowsBefore + 4);
  });

  it('gives every role the whole plan to read, and the forum sees board changes live', async () => {
    const readers = await Promise.all(ROLES.map(async (role) => {
      const c = await connectClient(f.wsBase, 'plan/2025', { headers: (await f.person(role)).headers });
      clients.push(c);
      return c;
    }));
    for (const r of readers) expect(r.doc.getMap('items').size).toBe(5);
    readers[0].doc.getMap('meta').set('title', 'Ändrad av styrelsen');
    await waitFor(() => readers[1].doc.getMap('meta').get('title') === 'Ändrad av styrelsen', { what: 'the forum to see it' });
  });

  it('records who made each stored change', async () => {
    const board = await f.person('styrelse', 'Anna Berg');
    const sock = await f.raw(board.headers);
    sock.send(updateMsg(handMadeUpdate(base(), 'who', 'Anna')));
    await sock.barrier();
    // The answer to the barrier may come before the commit on a database server.
    await waitFor(async () => (await newestAuthor(f.server.store)) === board.id, { what: 'the change stored with its author' });
  });
});

describe('websocket upgrades', () => {
  it('are refused with 401 without a valid session, before any Yjs message', async () => {
    expect(await f.upgradeStatus({ origin: f.origin })).toBe(401);
    expect(await f.upgradeStatus({ origin: f.origin, cookie: `planbord_session=${'A'.repeat(43)}` })).toBe(401);
  });

  it('are refused with 403 from another origin, even with a valid session', async () => {
    const { headers } = await f.person('kansli');
    for (const origin of ['https://evil.example', f.origin.replace('localhost', '127.0.0.1'), 'null']) {
      expect(await f.upgradeStatus({ ...headers, origin })).toBe(403);
    }
    expect(await f.upgradeStatus({ cookie: headers.cookie })).toBe(403);
  });

  it('are refused with 401 once the session has been idle too long', async () => {
    const board = await f.person('styrelse');
    await f.server.store.sql.run('UPDATE sessions SET last_seen_at = last_seen_at - ? WHERE user_id = ?', [9 * 3600_000, board.id]);
    expect(await f.upgradeStatus(board.headers)).toBe(401);
  });
});

describe('a change of access while connected', () => {
  it('cuts off a person who is deactivated, at once', async () => {
    const kansli = await f.person('kansli');
    const board = await f.person('styrelse');
    const sock = await f.raw(board.headers);
    const res = await f.http('PATCH', `/api/users/${board.id}`, kansli, { active: false });
    expect(res.status).toBe(200);
    expect((await sock.closed).code).toBe(4401);
    expect(await f.upgradeStatus(board.headers)).toBe(401);
  });

  it('makes a board member moved to the forum read-only on the open connection', async () => {
    const kansli = await f.person('kansli');
    const board = await f.person('styrelse');
    const watch = await observer();
    const sock = await f.raw(board.headers);
    sock.send(updateMsg(handMadeUpdate(base(), 'before', 'x')));
    await sock.barrier();
    expect((await f.http('PATCH', `/api/users/${board.id}`, kansli, { role: 'tjanstepersonforum' })).status).toBe(200);
    sock.send(updateMsg(handMadeUpdate(base(), 'after', 'x')));
    sock.send(syncStep2(handMadeUpdate(base(), 'after-step2', 'x')));
    await sock.barrier();
    const marker = await f.raw(kansli.headers);
    marker.send(updateMsg(handMadeUpdate(base(), 'marker', 'x')));
    await waitFor(() => watch.doc.getMap('meta').has('marker'), { what: 'the marker' });
    expect(watch.doc.getMap('meta').has('before')).toBe(true);
    expect(watch.doc.getMap('meta').has('after')).toBe(false);
    expect(watch.doc.getMap('meta').has('after-step2')).toBe(false);
    expect((await f.storedMeta()).has('after')).toBe(false);
    // Still connected, still reading: the marker reached the demoted member too.
    await waitFor(() => sock.received.length > 0 && sock.ws.readyState === sock.ws.OPEN);
  });

  it('closes the connections of the session that signs out, not those of the person’s other browser', async () => {
    const board = await f.person('styrelse');
    const other = await f.secondSession(board);
    const [a, b] = [await f.raw(board.headers), await f.raw(other.headers)];
    expect((await f.http('POST', '/api/auth/sign-out', board)).status).toBe(204);
    expect((await a.closed).code).toBe(4401);
    await b.barrier();
    expect(b.ws.readyState).toBe(b.ws.OPEN);
  });
});

describe('presence', () => {
  it('shows the name of the session, not the name a client claims', async () => {
    const watch = await observer();
    const forum = await f.person('tjanstepersonforum', 'Eva Lind');
    const sock = await f.raw(forum.headers);
    const claim = new Awareness(new Y.Doc());
    claim.setLocalState({ user: { name: 'Ordföranden', color: '#1f5fa8' } });
    sock.send(awarenessMsg(encodeAwarenessUpdate(claim, [claim.clientID])));
    const state = await waitFor(() => watch.provider.awareness.getStates().get(claim.clientID), { what: 'the presence state' });
    expect(state.user).toEqual({ name: 'Eva Lind', id: forum.id, color: '#1f5fa8' });
  });

  it('lets nobody replace or remove another person’s presence, while each still sets and removes their own', async () => {
    const annaPerson = await f.person('styrelse', 'Anna Berg');
    const anna = await connectClient(f.wsBase, 'plan/2025', { headers: annaPerson.headers });
    clients.push(anna);
    anna.provider.awareness.setLocalStateField('cursor', { card: 'c1' });
    const watch = await observer();
    const annaId = anna.provider.awareness.clientID;
    await waitFor(() => watch.provider.awareness.getStates().get(annaId)?.cursor, { what: 'Anna online' });
    const annaBefore = anna.provider.awareness.getLocalState();

    const forum = await f.person('tjanstepersonforum', 'Eva Lind');
    const sock = await f.raw(forum.headers);
    const clock = anna.provider.awareness.meta.get(annaId)!.clock;
    const forged = presenceEntryMsg;
    // Replace Anna's state, then remove it: both with her client id and a higher clock.
    sock.send(forged(annaId, clock + 10, { cursor: { card: 'forged' }, user: { color: '#000000' } }));
    sock.send(forged(annaId, clock + 20, null));
    // Eva's own presence, sent after: once the watcher has it, the forged ones would have arrived.
    const evaId = 424242;
    sock.send(forged(evaId, 1, { cursor: { card: 'c2' } }));
    await waitFor(() => watch.provider.awareness.getStates().get(evaId), { what: 'Eva online' });

    expect(watch.provider.awareness.getStates().get(annaId)?.cursor).toEqual({ card: 'c1' });
    expect(anna.provider.awareness.getLocalState()).toEqual(annaBefore);
    expect(anna.provider.awareness.getStates().get(evaId)?.user).toEqual({ id: forum.id, name: 'Eva Lind' });

    // Eva removes her own presence; Anna's stays.
    sock.send(forged(evaId, 2, null));
    await waitFor(() => !watch.provider.awareness.getStates().has(evaId), { what: 'Eva gone' });
    expect(watch.provider.awareness.getStates().get(annaId)?.cursor).toEqual({ card: 'c1' });

    // Anna's browser reconnecting (same person, new connection, same client id) before
    // the server has noticed the old connection is gone carries her presence on.
    const again = await f.raw((await f.secondSession(annaPerson)).headers);
    again.send(forged(annaId, clock + 30, { cursor: { card: 'c3' } }));
    await waitFor(() => watch.provider.awareness.getStates().get(annaId)?.cursor?.card === 'c3', { what: 'Anna on her new connection' });
  });
});
