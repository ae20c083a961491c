import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import * as Y from 'yjs';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import { listItems } from '../../shared/plan/schema';
import { openStore } from '../../server/store/openStore';
import { connectEditors, converged, editContinuously, updatesMissingFrom, type EditingClient } from '../helpers/editingClients';
import { runServer, type RunningServer } from '../helpers/runServer';
import { signInFirstAdmin } from '../helpers/signInFirstAdmin';
import { storedDoc } from '../helpers/storedDoc';
import { connectClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

// The server process killed with SIGKILL while three board members edit: whatever any
// of them received from the server must be in the database file, and after a restart
// the three, who reconnect by themselves, must hold the same plan as the server. The
// same while compaction runs after nearly every change, and while snapshots are saved.
// soak/crashSoak.ts runs the same kill in a loop, for longer.

let server: RunningServer | null = null;
let clients: EditingClient[] = [];
afterEach(async () => {
  clients.forEach((c) => c.destroy());
  clients = [];
  await server?.dispose();
  server = null;
});

/** What the database file holds once the process is dead (opened as the next start would). */
async function readAfterCrash(dataDir: string) {
  const store = openStore(dataDir);
  try {
    const { meetings } = store;
    const snapshots = [];
    for (const s of await meetings.snapshots('2025')) snapshots.push({ info: s, content: await meetings.content(s.id), plain: await meetings.plainJson(s.id) });
    return {
      doc: storedDoc(store),
      rows: store.docs.count('plan/2025'),
      integrity: store.db.pragma('integrity_check', { simple: true }),
      snapshots,
    };
  } finally {
    await store.close();
  }
}

/** The plan's rows in the file of a running server (read-only, beside it). */
function storedRows(dataDir: string): number {
  const db = new Database(join(dataDir, 'planbord.sqlite'), { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM doc_updates WHERE doc_name = 'plan/2025'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Saves snapshots one after the other until stopped; returns the ids the server confirmed. */
function saveSnapshotsContinuously(s: RunningServer, headers: { cookie: string; origin: string }) {
  const confirmed: number[] = [];
  let running = true;
  const done = (async () => {
    for (let n = 0; running; n++) {
      try {
        const res = await fetch(`${s.url}/api/plans/2025/snapshots`, {
          method: 'POST',
          headers: { ...headers, [CSRF_HEADER]: CSRF_HEADER_VALUE, 'content-type': 'application/json' },
          body: JSON.stringify({ note: `Ögonblicksbild ${n}` }),
        });
        if (res.status === 201) confirmed.push((await res.json()).id);
      } catch {
        // The server was killed mid-request: this one is not confirmed.
      }
    }
  })();
  return { confirmed, stop: async () => ((running = false), await done) };
}

const variants: { name: string; env: Record<string, string>; snapshots: boolean; compacted?: boolean }[] = [
  { name: 'during bursts of edits', env: {}, snapshots: false },
  { name: 'while compaction runs after nearly every change', env: { COMPACT_THRESHOLD: '2' }, snapshots: false, compacted: true },
  { name: 'while snapshots are being saved', env: {}, snapshots: true },
];

describe('a server killed with SIGKILL', () => {
  it.each(variants)('$name loses nothing anyone received, and everyone converges after the restart', async ({ env, snapshots, compacted }) => {
    server = await runServer({ CLIENT_BUILD: 'skip', ...env });
    const s = server;
    const headers = await signInFirstAdmin(s.url, s.output());
    const wsUrl = `ws://127.0.0.1:${s.port}/ws`;
    clients = await connectEditors(wsUrl, headers);
    const saver = snapshots ? saveSnapshotsContinuously(s, headers) : null;
    const editing = editContinuously(clients, 20250601);

    // Kill once every client has received a good share of the others' changes (and, with
    // compaction, once it has merged rows: it runs on another thread, so it starts late).
    const merging = () => !compacted || storedRows(s.dataDir) < clients.reduce((n, c) => n + c.edits, 0) / 2;
    await waitFor(() => clients.every((c) => c.received.length > 60) && (!saver || saver.confirmed.length > 2) && merging(), {
      what: 'a burst of edits',
      timeoutMs: 20_000,
    });
    expect(await s.stop('SIGKILL')).toBeNull();
    const editsAtKill = clients.map((c) => c.edits);
    const received = clients.flatMap((c) => [...c.received]);
    await saver?.stop();

    const after = await readAfterCrash(s.dataDir);
    expect(after.integrity).toBe('ok');
    // Each client received over sixty changes of the others, each stored as a row; with
    // compaction merging them as they came, most are merged (how many are still single
    // rows at the kill depends on how busy the machine is).
    const sent = editsAtKill.reduce((n, e) => n + e, 0);
    if (compacted) expect(after.rows).toBeLessThan(sent / 2);
    else expect(after.rows).toBeGreaterThan(60);
    expect(updatesMissingFrom(after.doc, received)).toEqual([]);
    for (const id of saver?.confirmed ?? []) expect(after.snapshots.some((x) => x.info.id === id)).toBe(true);
    for (const { info, content, plain } of after.snapshots) {
      // Whole or absent: the state opens, and its plain form counts the same items.
      const doc = new Y.Doc();
      Y.applyUpdate(doc, content!.planState);
      const items = JSON.parse(plain!).directions.reduce((n: number, d: { items: unknown[] }) => n + d.items.length, 0);
      expect(items).toBe(info.itemCount);
      expect(listItems(doc).length).toBe(info.itemCount);
    }

    // Edits made while the server was down are kept by their clients and sent on reconnect.
    await waitFor(() => clients.every((c, i) => !c.provider.wsconnected && c.edits > editsAtKill[i] + 5), {
      what: 'edits while the server is down',
    });
    editing.stop();
    await s.restart();
    const fresh = await connectClient(wsUrl, 'plan/2025', { headers });
    clients.push(Object.assign(fresh, { name: 'server', received: [], edits: 0 }));
    await waitFor(() => clients.every((c) => c.provider.synced) && converged(clients), { what: 'convergence', timeoutMs: 20_000 });
    expect(listItems(fresh.doc)).toEqual(listItems(clients[0].doc));
  }, 90_000);
});
