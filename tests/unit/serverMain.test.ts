import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setStatus } from '../../shared/plan/itemOps';
import { listDirections, listItems } from '../../shared/plan/schema';
import { openStore } from '../../server/store/openStore';
import { runServer, type RunningServer } from '../helpers/runServer';
import { signInFirstAdmin } from '../helpers/signInFirstAdmin';
import { storedDoc } from '../helpers/storedDoc';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { tempDir } from '../helpers/tempDir';
import { waitFor } from '../helpers/waitFor';

// The process as `npm start` runs it: node --import tsx server/main.ts.

let server: RunningServer | null = null;
const clients: SyncClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await server?.dispose();
  server = null;
});

const start = () => runServer({ CLIENT_BUILD: 'skip', HOST: '127.0.0.1' });
// Signed in through the first-start link, so these connections pass the real sign-in.
const sessions = new Map<RunningServer, Promise<Record<string, string>>>();
const connect = async (s: RunningServer) => {
  if (!sessions.has(s)) sessions.set(s, signInFirstAdmin(s.url, s.output()));
  const c = await connectClient(`ws://127.0.0.1:${s.port}/ws`, 'plan/2025', { headers: await sessions.get(s)! });
  clients.push(c);
  return c;
};
const readStored = async (dataDir: string) => {
  const store = openStore(dataDir);
  try {
    const doc = storedDoc(store);
    return { plans: await store.plans.list(), items: listItems(doc), directions: listDirections(doc), rows: store.docs.count('plan/2025') };
  } finally {
    await store.close();
  }
};

describe('the server process', () => {
  it('imports the 2025 plan on first start, says where the database is and what to open, and never imports twice', async () => {
    server = await start();
    const log = server.output();
    expect(log).toContain(join(server.dataDir, 'planbord.sqlite'));
    expect(log).toContain(`open http://localhost:${server.port}`);
    const client = await connect(server);
    expect(listDirections(client.doc)).toHaveLength(3);
    const items = listItems(client.doc);
    expect(items).toHaveLength(37);
    expect(new Set(listDirections(client.doc).map((d) => items.filter((i) => i.directionId === d.id).length))).toEqual(
      new Set([11, 12, 14]),
    );
    const plans = await (await fetch(`${server.url}/api/plans`, { headers: { cookie: (await sessions.get(server)!).cookie } })).json();
    expect(plans).toEqual({ plans: [{ id: '2025', title: 'Verksamhetsplan 2025', year: 2025 }] });
    clients.splice(0).forEach((c) => c.destroy());
    await server.restart();
    expect(server.output()).not.toMatch(/imported the first plan[\s\S]*imported the first plan/);
    expect((await readStored(server.dataDir)).plans).toHaveLength(1);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('stores every change and exits 0 on %s', async (signal) => {
    server = await start();
    const [a, b] = [await connect(server), await connect(server)];
    const target = listItems(a.doc)[5];
    setStatus(a.doc, target.id, 'done');
    a.doc.getMap('meta').set('version', `stopped by ${signal}`);
    await waitFor(() => b.doc.getMap('meta').get('version') === `stopped by ${signal}`);
    expect(await server.stop(signal)).toBe(0);
    expect(server.output()).toContain('every change is stored');
    // Closed cleanly: the write-ahead log is folded into the database file.
    const wal = join(server.dataDir, 'planbord.sqlite-wal');
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const stored = await readStored(server.dataDir);
    expect(stored.items.find((i) => i.id === target.id)?.status).toBe('done');
    expect(stored.items).toHaveLength(37);
  });

  it('refuses to start on a file that is not a database, says why, and leaves the file alone', () => {
    const dir = tempDir();
    try {
      const file = join(dir.path, 'planbord.sqlite');
      writeFileSync(file, 'Verksamhetsplan 2025 (not a database)\n');
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: { ...process.env, PORT: '0', DATA_DIR: dir.path, CLIENT_BUILD: 'skip' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(file);
      expect(run.stderr).toMatch(/not a usable Planbord database/);
      expect(readFileSync(file, 'utf8')).toBe('Verksamhetsplan 2025 (not a database)\n');
    } finally {
      dir.remove();
    }
  });
});
