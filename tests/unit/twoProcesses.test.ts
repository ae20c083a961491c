import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toDocx } from '../../server/export/toDocx';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/types';
import { updateItem } from '../../shared/plan/itemOps';
import { readPlainPlan } from '../../shared/plan/readPlainPlan';
import { listItems } from '../../shared/plan/schema';
import { PostgresDocStore } from '../../server/store/PostgresDocStore';
import { connectPostgres } from '../../server/store/sql/PostgresSql';
import { connectEditors, converged, editContinuously, updatesMissingFrom, type EditingClient } from '../helpers/editingClients';
import { planbord } from '../helpers/planbordCli';
import { smallPlan } from '../helpers/planFixture';
import { runServer, type RunningServer } from '../helpers/runServer';
import { signInFirstAdmin } from '../helpers/signInFirstAdmin';
import { startRedis, type TestRedis } from '../helpers/startRedis';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { tempDir } from '../helpers/tempDir';
import { TEST_ENGINE, testDatabaseUrl } from '../helpers/testEngine';
import { waitFor } from '../helpers/waitFor';

// Two `npm start` processes on one PostgreSQL database and one Redis, as behind a
// proxy: people on either edit one plan live, a session made on one is valid on the
// other, a process killed mid-burst loses nothing the other's clients received, and
// after Redis was away the processes catch up from the database.

const run = TEST_ENGINE === 'postgres' ? describe : describe.skip;

run('two processes on one PostgreSQL and one Redis', () => {
  let databaseUrl: string;
  let redis: TestRedis;
  let a: RunningServer;
  let b: RunningServer;
  let headers: { cookie: string; origin: string };
  const clients: SyncClient[] = [];
  const env = () => ({ CLIENT_BUILD: 'skip', DATABASE_URL: databaseUrl, REDIS_URL: redis.url });
  const wsOf = (s: RunningServer) => `ws://localhost:${s.port}/ws`;
  /** A board member's client on process `s`, with the session made on process A. */
  const onProcess = async (s: RunningServer, docName = 'plan/2025') => {
    const client = await connectClient(wsOf(s), docName, { headers: { cookie: headers.cookie, origin: s.url } });
    clients.push(client);
    return client;
  };
  const when = (client: SyncClient, activity: string) => listItems(client.doc).find((i) => i.activity === activity)?.when;

  beforeAll(async () => {
    databaseUrl = (await testDatabaseUrl())!;
    redis = await startRedis();
    a = await runServer(env());
    await waitFor(() => a.output().includes('#invitation='), { what: 'the first sign-in link', timeoutMs: 30_000 });
    headers = await signInFirstAdmin(a.url, a.output());
    b = await runServer(env());
  }, 120_000);

  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await Promise.all([a?.dispose(), b?.dispose()]);
    await redis?.stop();
  });

  it('accepts on one process the session made on the other', async () => {
    const me = await fetch(`${b.url}/api/me`, { headers: { cookie: headers.cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).role).toBe('kansli');
    expect((await fetch(`${b.url}/api/me`)).status).toBe(401);
  });

  it('brings an edit made through one process to the clients of the other, with who is on the plan', async () => {
    const onA = await onProcess(a);
    const onB = await onProcess(b);
    const item = listItems(onA.doc)[0];
    updateItem(onA.doc, item.id, { when: 'Via process A' });
    await waitFor(() => when(onB, item.activity) === 'Via process A', { what: 'the edit on the other process' });
    updateItem(onB.doc, item.id, { when: 'Och tillbaka via B' });
    await waitFor(() => when(onA, item.activity) === 'Och tillbaka via B', { what: 'the answer back' });
    onA.provider.awareness.setLocalStateField('cursor', { itemId: item.id });
    await waitFor(() => onB.provider.awareness.getStates().get(onA.doc.clientID)?.cursor?.itemId === item.id, { what: 'the presence on the other process' });
  });

  it('sends a plan replaced from the command line to the clients of both processes at once, and makes new plans there', async () => {
    const onA = await onProcess(a);
    const onB = await onProcess(b);
    const work = tempDir('planbord-two-cli-');
    try {
      const file = join(work.path, 'plan.docx');
      writeFileSync(file, await toDocx({ document: smallPlan() }, DEFAULT_EXPORT_OPTIONS, { date: new Date() }));
      const cli = (env: Record<string, string>, ...args: string[]) => planbord({ cwd: work.path, dataDir: work.path, env }, ...args);
      const withoutRedis = await cli({ DATABASE_URL: databaseUrl }, 'plan', 'replace', '2025', '--from', file);
      expect(withoutRedis.code).toBe(2);
      expect(withoutRedis.stderr).toMatch(/REDIS_URL/);
      const items = smallPlan().plan.directions.flatMap((d) => d.items).length;
      expect(listItems(onA.doc).length).not.toBe(items);

      const replaced = await cli({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url }, 'plan', 'replace', '2025', '--from', file, '--json');
      expect(replaced.code).toBe(0);
      expect(JSON.parse(replaced.stdout)).toMatchObject({ id: '2025', items });
      for (const client of [onA, onB]) await waitFor(() => listItems(client.doc).length === items, { what: 'the replaced plan on both processes' });
      expect(readPlainPlan(onB.doc)).toEqual(smallPlan().plan);

      // A new plan, served by either process; the plans listed; the snapshot the replacement stored first.
      const made = await cli({ DATABASE_URL: databaseUrl }, 'plan', 'create', '--from', file, '--year', '2027', '--json');
      expect(JSON.parse(made.stdout)).toMatchObject({ id: '2027', items });
      expect(listItems((await onProcess(b, 'plan/2027')).doc)).toHaveLength(items);
      const list = await cli({ DATABASE_URL: databaseUrl }, 'plan', 'list', '--json');
      expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: '2027', items }), expect.objectContaining({ id: '2025', items })]);
      const snapshots = JSON.parse((await cli({ DATABASE_URL: databaseUrl }, 'snapshot', 'list', '--json')).stdout);
      expect(snapshots[0]).toMatchObject({ planId: '2025', reason: 'before_import', note: 'Före import av plan.docx' });
      const diff = await cli({ DATABASE_URL: databaseUrl }, 'snapshot', 'diff', String(snapshots[0].id), 'current', '--json');
      expect(JSON.parse(diff.stdout).items.added).toHaveLength(items);
    } finally {
      work.remove();
    }
  }, 120_000);

  it('catches up from the database after Redis was away, so everyone converges again', async () => {
    const onA = await onProcess(a);
    const onB = await onProcess(b);
    const item = listItems(onA.doc)[1];
    const health = async (s: RunningServer) => (await fetch(`${s.url}/api/health`)).json();
    expect(await health(a)).toMatchObject({ ok: true, database: 'ok', redis: 'ok' });
    await redis.stop();
    // Each process still serves its own people, and says what is missing.
    await waitFor(async () => (await health(a)).redis === 'unavailable', { what: 'the health check to tell Redis is away' });
    expect(await health(b)).toMatchObject({ ok: true, database: 'ok' });
    updateItem(onA.doc, item.id, { when: 'Medan Redis var borta' });
    // The change is stored and reaches the clients of its own process meanwhile.
    const sameProcess = await onProcess(a);
    await waitFor(() => when(sameProcess, item.activity) === 'Medan Redis var borta', { what: 'the change on its own process' });
    await redis.start();
    await waitFor(() => when(onB, item.activity) === 'Medan Redis var borta', { what: 'the change on the other process after Redis is back', timeoutMs: 30_000 });
    expect((await health(b)).redis).toBe('ok');
    updateItem(onB.doc, item.id, { when: 'Efter Redis' });
    await waitFor(() => when(onA, item.activity) === 'Efter Redis', { what: 'a new change after Redis is back' });
  }, 60_000);

  it('loses nothing the clients of one process received when the other is killed in a burst of edits', async () => {
    const editors: EditingClient[] = await connectEditors(wsOf(a), { cookie: headers.cookie, origin: a.url }, 2);
    const [watcher] = await connectEditors(wsOf(b), { cookie: headers.cookie, origin: b.url }, 1);
    const editing = editContinuously(editors, 20251207);
    try {
      await waitFor(() => watcher.received.length > 40, { what: 'a burst of edits at the other process', timeoutMs: 30_000 });
      expect(await a.stop('SIGKILL')).toBeNull();
    } finally {
      editing.stop();
      // Their edits would be sent again on reconnecting: what counts is what was stored.
      editors.forEach((c) => c.destroy());
    }
    const received = [...watcher.received];
    const db = connectPostgres(databaseUrl);
    try {
      const stored = new Y.Doc();
      for (const u of (await new PostgresDocStore(db).load('plan/2025')).updates) Y.applyUpdate(stored, u);
      expect(updatesMissingFrom(stored, received)).toEqual([]);
    } finally {
      await db.close();
    }
    // The killed process starts again and serves what the other process's clients hold.
    await a.restart();
    const fresh = await onProcess(a);
    await waitFor(() => converged([fresh, watcher]), { what: 'the restarted process and the other to agree' });
    watcher.destroy();
  }, 120_000);
});
