import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { AccessEvents } from '../../server/auth/AccessEvents';
import { DocFeed } from '../../server/fanout/DocFeed';
import { RedisFanout } from '../../server/fanout/RedisFanout';
import { decodeFanoutMessage, encodeFanoutMessage } from '../../server/fanout/fanoutMessage';
import { createMemoryLogger } from '../../server/logger';
import { PostgresDocStore } from '../../server/store/PostgresDocStore';
import { openPostgres } from '../../server/store/sql/openPostgres';
import { startRedis, type TestRedis } from '../helpers/startRedis';
import { TEST_ENGINE, testDatabaseUrl } from '../helpers/testEngine';
import { waitFor } from '../helpers/waitFor';

// Processes passing changes through a real redis-server. Each "process" here is a
// RedisFanout (and, with PostgreSQL, a pool and a document feed) of its own.

const cleanup: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

async function redis(): Promise<TestRedis> {
  const r = await startRedis();
  cleanup.push(() => r.stop());
  return r;
}

async function fanout(url: string): Promise<RedisFanout> {
  const f = new RedisFanout(url, createMemoryLogger());
  await f.start();
  cleanup.push(() => f.close());
  return f;
}

describe('messages between processes', () => {
  it('decode as they were encoded, and anything else is no message', () => {
    const updates = { kind: 'updates' as const, sender: 'p1', firstSeq: 4, lastSeq: 5, updates: [new Uint8Array([1, 2]), new Uint8Array([3])] };
    expect(decodeFanoutMessage(encodeFanoutMessage(updates))).toEqual(updates);
    const presence = { kind: 'presence' as const, sender: 'p2', update: new Uint8Array([9]) };
    expect(decodeFanoutMessage(encodeFanoutMessage(presence))).toEqual(presence);
    expect(decodeFanoutMessage(new Uint8Array([7, 1, 65]))).toBeNull();
    expect(decodeFanoutMessage(new TextEncoder().encode('hello'))).toBeNull();
  });

  it('reach the other processes that have the document loaded, and never come back to their sender', async () => {
    const r = await redis();
    const [a, b, c] = [await fanout(r.url), await fanout(r.url), await fanout(r.url)];
    const heard = { a: [] as unknown[], b: [] as unknown[], c: [] as unknown[] };
    a.subscribe('plan/2025', (m) => heard.a.push(m));
    b.subscribe('plan/2025', (m) => heard.b.push(m));
    c.subscribe('plan/2026', (m) => heard.c.push(m));
    const access: string[] = [];
    b.onAccessChanged((id) => access.push(id));
    a.onAccessChanged((id) => access.push(`own ${id}`));
    await waitFor(async () => {
      a.publishPresence('plan/2025', new Uint8Array([1]));
      return heard.b.length > 0;
    }, { what: 'the subscriptions' });
    const updates = (list: unknown[]) => list.filter((m) => (m as { kind: string }).kind === 'updates');
    a.publishUpdates('plan/2025', 1, 1, [new Uint8Array([42])]);
    a.publishAccessChanged('u-1');
    await waitFor(() => updates(heard.b).length === 1 && access.length === 1, { what: 'the update and the access change' });
    expect(updates(heard.b)[0]).toMatchObject({ kind: 'updates', sender: a.processId, firstSeq: 1, updates: [new Uint8Array([42])] });
    expect(access).toEqual(['u-1']);
    expect(heard.a).toEqual([]);
    expect(heard.c).toEqual([]);
  });

  it('tell the people’s connections on every process when someone’s access changes', async () => {
    const r = await redis();
    const [a, b] = [await fanout(r.url), await fanout(r.url)];
    const [here, there] = [new AccessEvents(), new AccessEvents()];
    here.relayThrough(a.accessRelay);
    there.relayThrough(b.accessRelay);
    const heard: string[] = [];
    here.on('changed', (id) => heard.push(`here ${id}`));
    there.on('changed', (id) => heard.push(`there ${id}`));
    here.emit('changed', 'u-deactivated');
    await waitFor(() => heard.includes('there u-deactivated'), { what: 'the other process' });
    expect(heard).toEqual(['here u-deactivated', 'there u-deactivated']);
  });

  it('say when Redis is back after it went away, and carry messages again', async () => {
    const r = await redis();
    const [a, b] = [await fanout(r.url), await fanout(r.url)];
    let reconnected = 0;
    b.onReconnected(() => reconnected++);
    const heard: unknown[] = [];
    b.subscribe('plan/2025', (m) => heard.push(m));
    await r.stop();
    await r.start();
    await waitFor(() => reconnected > 0, { what: 'the reconnection', timeoutMs: 15_000 });
    await waitFor(async () => {
      a.publishUpdates('plan/2025', 1, 1, [new Uint8Array([1])]);
      return heard.length > 0;
    }, { what: 'a message after the restart', timeoutMs: 15_000 });
  });
});

describe.runIf(TEST_ENGINE === 'postgres')('a document fed by another process', () => {
  /** A process: its own pool, store, fan-out and a feed of plan/2025 into a Y.Doc. */
  async function process(url: string, redisUrl: string) {
    const db = await openPostgres(url);
    cleanup.push(() => db.close());
    const store = new PostgresDocStore(db);
    const f = await fanout(redisUrl);
    const doc = new Y.Doc();
    const loaded = await store.load('plan/2025');
    loaded.updates.forEach((u) => Y.applyUpdate(doc, u));
    const feed = new DocFeed('plan/2025', loaded.lastId, {
      store,
      fanout: f,
      target: { applyStored: (updates) => updates.forEach((u) => Y.applyUpdate(doc, u)), applyPresence: () => {} },
      logger: createMemoryLogger(),
      holeWaitMs: 50,
    });
    cleanup.push(() => feed.close());
    /** Commits one change, as a client's edit on this process would be. */
    const edit = async (key: string, value: number, tell = true) => {
      const before = Y.encodeStateVector(doc);
      doc.getMap('m').set(key, value);
      const update = Y.encodeStateAsUpdate(doc, before);
      const seq = await store.appendBatch('plan/2025', () => [{ update, userId: null }]);
      if (tell) feed.committed(seq, seq, [update]);
      return seq;
    };
    return { store, feed, doc, edit, f };
  }

  it('gets every change of the other, and reads from the database what a lost message carried', async () => {
    const r = await redis();
    const url = (await testDatabaseUrl())!;
    const a = await process(url, r.url);
    const b = await process(url, r.url);
    await waitFor(async () => {
      await a.edit('warm', 1);
      return b.doc.getMap('m').get('warm') === 1;
    }, { what: 'the subscription' });
    await a.edit('one', 1);
    await waitFor(() => b.doc.getMap('m').get('one') === 1, { what: 'the change' });
    // A message that never went out (the process lost its Redis connection right then):
    await a.edit('lost', 2, false);
    await a.edit('next', 3);
    await waitFor(() => b.doc.getMap('m').get('lost') === 2 && b.doc.getMap('m').get('next') === 3, { what: 'the lost change' });
    const head = (await a.store.load('plan/2025')).lastId;
    await waitFor(() => b.feed.seenUpTo === head && a.feed.seenUpTo === head, { what: 'no hole left in either' });
    // Both edit at once: each ends with the other's changes, and no hole stays.
    await Promise.all([...Array.from({ length: 10 }, (_, i) => a.edit(`a${i}`, i)), ...Array.from({ length: 10 }, (_, i) => b.edit(`b${i}`, i))]);
    const sorted = (doc: Y.Doc) => JSON.stringify(Object.entries(doc.getMap('m').toJSON()).sort());
    await waitFor(() => sorted(a.doc) === sorted(b.doc) && a.feed.seenUpTo === b.feed.seenUpTo, { what: 'the two to converge' });
    expect(a.feed.seenUpTo).toBe((await a.store.load('plan/2025')).lastId);
  });

  it('reads what it missed while Redis was away once Redis is back', async () => {
    const r = await redis();
    const url = (await testDatabaseUrl())!;
    const a = await process(url, r.url);
    const b = await process(url, r.url);
    b.f.onReconnected(() => void b.feed.catchUp());
    await r.stop();
    await a.edit('while-away', 7);
    await r.start();
    await waitFor(() => b.doc.getMap('m').get('while-away') === 7, { what: 'the change made while Redis was away', timeoutMs: 15_000 });
  });
});
