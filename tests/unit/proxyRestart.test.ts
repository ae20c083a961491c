import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { PostgresDocStore } from '../../server/store/PostgresDocStore';
import { connectPostgres } from '../../server/store/sql/PostgresSql';
import { connectEditors, converged, editContinuously, updatesMissingFrom, type EditingClient } from '../helpers/editingClients';
import { freePort, runServer, type RunningServer } from '../helpers/runServer';
import { signInFirstAdmin } from '../helpers/signInFirstAdmin';
import { NGINX_SITE, startNginx, type TestNginx } from '../helpers/startNginx';
import { startRedis, type TestRedis } from '../helpers/startRedis';
import { TEST_ENGINE, testDatabaseUrl } from '../helpers/testEngine';
import { waitFor } from '../helpers/waitFor';

// A planned restart behind a real proxy: Debian's nginx with the site configuration
// docs/deploy.md shows, two `npm start` processes on one PostgreSQL and one Redis.
// The people on the process that is stopped (SIGTERM) are sent to the other one by the
// proxy, at their first attempt (while the stopping process still waits for a laptop
// that went to sleep to answer its goodbye), and nothing any of them had is lost.

describe('docs/deploy.md', () => {
  it('quotes the nginx site the tests run behind, word for word', () => {
    expect(readFileSync('docs/deploy.md', 'utf8')).toContain('```nginx\n' + readFileSync(NGINX_SITE, 'utf8') + '```');
  });
});

const run = TEST_ENGINE === 'postgres' ? describe : describe.skip;

run('a process stopped behind nginx', () => {
  let databaseUrl: string;
  let redis: TestRedis;
  let nginx: TestNginx;
  let a: RunningServer;
  let b: RunningServer | null = null;
  let clients: EditingClient[] = [];
  /** A laptop that went to sleep on the plan: connected, reading nothing, answering nothing. */
  let asleep: WebSocket;
  const env = () => ({ CLIENT_BUILD: 'skip', DATABASE_URL: databaseUrl, REDIS_URL: redis.url, PUBLIC_ORIGIN: nginx.url, TRUST_PROXY: '1' });
  const connections = async (s: RunningServer) => (await (await fetch(`${s.url}/api/health`)).json()).sync.connections as number;

  beforeAll(async () => {
    databaseUrl = (await testDatabaseUrl())!;
    redis = await startRedis();
    const [portA, portB] = [await freePort(), await freePort()];
    nginx = await startNginx([portA, portB]);
    a = await runServer(env(), { port: portA });
    await waitFor(() => a.output().includes('#invitation='), { what: 'the first sign-in link', timeoutMs: 30_000 });
    const headers = await signInFirstAdmin(nginx.url, a.output());
    // Only the first process is up: the proxy sends everyone to it.
    clients = await connectEditors(`${nginx.url.replace('http', 'ws')}/ws`, headers, 4);
    asleep = new WebSocket(`${nginx.url.replace('http', 'ws')}/ws/plan/2025`, { headers });
    await new Promise((resolve) => asleep.once('open', resolve));
    (asleep as unknown as { _socket: { pause(): void } })._socket.pause();
    await waitFor(async () => (await connections(a)) === 5, { what: 'everyone on the first process' });
    b = await runServer(env(), { port: portB });
  }, 120_000);

  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    asleep?.terminate();
    await Promise.all([a?.dispose(), b?.dispose()]);
    await nginx?.stop();
    await redis?.stop();
  });

  it('moves everyone to the other process at once during edits, and loses nothing anyone had', async () => {
    const closes = clients.map((c) => {
      const codes: number[] = [];
      c.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
      return codes;
    });
    const editing = editContinuously(clients, 20251207);
    try {
      await waitFor(() => clients.every((c) => c.received.length > 20), { what: 'a burst of edits on the first process', timeoutMs: 30_000 });
      expect(await a.stop('SIGTERM')).toBe(0);
      await waitFor(() => clients.every((c) => c.provider.wsconnected && c.provider.synced), { what: 'everyone back through the proxy', timeoutMs: 30_000 });
      expect(await connections(b!)).toBe(4);
      const seen = clients.map((c) => c.received.length);
      await waitFor(() => clients.every((c, i) => c.received.length > seen[i] + 20), { what: 'edits going on through the second process', timeoutMs: 30_000 });
    } finally {
      editing.stop();
    }
    await waitFor(() => converged(clients), { what: 'everyone to agree', timeoutMs: 30_000 });
    // Each was closed once, with "going away", and got in again at its first attempt.
    expect(closes).toEqual(clients.map(() => [1001]));
    const db = connectPostgres(databaseUrl);
    try {
      const stored = new Y.Doc();
      for (const u of (await new PostgresDocStore(db).load('plan/2025')).updates) Y.applyUpdate(stored, u);
      // Every update anyone received is stored, and so is every edit anyone made.
      expect(updatesMissingFrom(stored, clients.flatMap((c) => c.received))).toEqual([]);
      expect(updatesMissingFrom(stored, clients.map((c) => Y.encodeStateAsUpdate(c.doc)))).toEqual([]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
