import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listItems } from '../../shared/plan/schema';
import { connectEditors, editContinuously, updatesMissingFrom, type EditingClient } from '../helpers/editingClients';
import { runServer, type RunningServer } from '../helpers/runServer';
import { signInFirstAdmin } from '../helpers/signInFirstAdmin';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { tempDir } from '../helpers/tempDir';
import { waitFor } from '../helpers/waitFor';

// `planbord backup` beside a running server with three people editing, and the restore
// RELIABILITY.md describes: stop the server, put the copy in place as planbord.sqlite
// (with no -wal or -shm file beside it), start the server.

const run = promisify(execFile);
const servers: RunningServer[] = [];
const cleanups: (() => void)[] = [];
let clients: (EditingClient | SyncClient)[] = [];
afterEach(async () => {
  clients.forEach((c) => c.destroy());
  clients = [];
  for (const s of servers.splice(0)) await s.dispose();
  cleanups.splice(0).forEach((f) => f());
});

/** The command as an operator types it, as its own process (so the editing goes on meanwhile). */
const backup = (dataDir: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'backup', ...args], { env: { ...process.env, DATA_DIR: dataDir } }).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
  );

function readFile(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const doc = new Y.Doc();
    const rows = db.prepare("SELECT id, \"update\" FROM doc_updates WHERE doc_name = 'plan/2025' ORDER BY id").raw().all() as [number, Buffer][];
    rows.forEach(([, u]) => Y.applyUpdate(doc, u));
    return { doc, ids: rows.map(([id]) => id), journal: db.pragma('journal_mode', { simple: true }) };
  } finally {
    db.close();
  }
}

describe('planbord backup', () => {
  it('copies the database consistently while people edit, and the copy restores into a working server', async () => {
    // No compaction during this test: the copy's rows are compared with the server's one by one.
    const s = await runServer({ CLIENT_BUILD: 'skip', COMPACT_THRESHOLD: '1000000' });
    servers.push(s);
    const headers = await signInFirstAdmin(s.url, s.output());
    const editors = await connectEditors(`ws://127.0.0.1:${s.port}/ws`, headers);
    clients.push(...editors);
    const editing = editContinuously(editors, 77);
    await waitFor(() => editors.every((c) => c.received.length > 30), { what: 'editing under way' });

    const out = tempDir('planbord-backup-');
    cleanups.push(out.remove);
    const file = join(out.path, 'planbord-backup.sqlite');
    const receivedBefore = editors.flatMap((c) => [...c.received]);
    const result = await backup(s.dataDir, '--out', file);
    const receivedAfter = editors.map((c) => c.received.length);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Wrote .*planbord-backup\.sqlite: 1 plan\(s\)/);
    await waitFor(() => editors.every((c, i) => c.received.length > receivedAfter[i] + 10), { what: 'editing to go on after the backup' });
    editing.stop();

    // One file, whole, holding every change anyone had received before it began...
    expect(readdirSync(out.path)).toEqual(['planbord-backup.sqlite']);
    const copy = readFile(file);
    expect(copy.journal).toBe('delete');
    expect(updatesMissingFrom(copy.doc, receivedBefore)).toEqual([]);
    // ...and taken at one moment: its rows are exactly the server's rows up to its newest.
    await waitFor(() => editors.every((c) => c.provider.synced));
    const live = readFile(join(s.dataDir, 'planbord.sqlite'));
    const newest = copy.ids[copy.ids.length - 1];
    expect(live.ids.filter((id) => id <= newest)).toEqual(copy.ids);
    expect(live.ids.length).toBeGreaterThan(copy.ids.length);

    // Restore after losing the server: the copy as planbord.sqlite in a fresh data folder.
    clients.forEach((c) => c.destroy());
    clients = [];
    await s.stop('SIGKILL');
    const restoredDir = tempDir('planbord-restored-');
    cleanups.push(restoredDir.remove);
    copyFileSync(file, join(restoredDir.path, 'planbord.sqlite'));
    const restored = await runServer({ CLIENT_BUILD: 'skip', DATA_DIR: restoredDir.path });
    servers.push(restored);
    // The sessions are in the copy too: the same browser is still signed in.
    const reader = await connectClient(`ws://127.0.0.1:${restored.port}/ws`, 'plan/2025', { headers: { ...headers, origin: restored.url } });
    clients.push(reader);
    expect(listItems(reader.doc)).toEqual(listItems(copy.doc));
    expect(restored.output()).not.toMatch(/imported the first plan/);
    reader.doc.getMap('meta').set('version', 'Efter återställningen');
    const second = await connectClient(`ws://127.0.0.1:${restored.port}/ws`, 'plan/2025', { headers: { ...headers, origin: restored.url } });
    clients.push(second);
    await waitFor(() => second.doc.getMap('meta').get('version') === 'Efter återställningen');
  }, 90_000);

  it('never overwrites a file, says what is missing, and never creates a database', async () => {
    const data = tempDir('planbord-data-');
    const out = tempDir('planbord-backup-');
    cleanups.push(data.remove, out.remove);
    const existing = join(out.path, 'gammal.sqlite');
    writeFileSync(existing, 'last week’s backup');
    const refused = await backup(data.path, '--out', existing);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/exists already/);
    const missing = await backup(data.path);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--out is missing/);
    const nowhere = await backup(data.path, '--out', join(out.path, 'no', 'such', 'folder.sqlite'));
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/does not exist/);
    expect(existsSync(join(out.path, 'no'))).toBe(false);
    // A DATA_DIR without a database is a mistake, not an empty installation to copy.
    const empty = await backup(data.path, '--out', join(out.path, 'ny.sqlite'));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/no database in/);
    expect(readdirSync(data.path)).toEqual([]);
    expect(readdirSync(out.path)).toEqual(['gammal.sqlite']);
  }, 60_000);
});
