import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import { listItems } from '../../shared/plan/schema';
import { openStore } from '../../server/store/openStore';
import { runServer, type RunningServer } from '../helpers/runServer';
import { signInFirstAdmin } from '../helpers/signInFirstAdmin';
import { storedDoc } from '../helpers/storedDoc';
import { connectClient, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';
import { syncFixture, type Person, type SyncFixture } from './authSyncFixture';
import { sqliteStore } from '../helpers/sqliteStore';

// A full disk and a read-only database, on the real server with real sign-in. The
// faults are SQLite's own: max_page_count makes SQLite answer SQLITE_FULL ("database
// or disk is full") exactly as a full file system does, and query_only makes it answer
// SQLITE_READONLY as a read-only file or mount does. Both can be lifted on the open
// connection, which a real fault needs an operator for.

let f: SyncFixture;
const clients: SyncClient[] = [];
beforeEach(async () => (f = await syncFixture()));
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await f.close();
});

const connect = async (who: Person) => {
  const c = await connectClient(f.wsBase, 'plan/2025', { headers: who.headers });
  clients.push(c);
  return c;
};
const version = (c: SyncClient) => c.doc.getMap('meta').get('version');
const db = () => sqliteStore(f.server.store).db;
const logged = (pattern: RegExp) => f.logger.entries.filter((e) => pattern.test(e.message));

/**
 * Changes the plan's version, each change larger than the last could be, until the
 * database refuses one: the writer is told with 4503. Returns the last version the
 * reader received (what is stored) and the refused one.
 */
async function writeUntilRefused(
  writer: SyncClient,
  reader: SyncClient,
  closes: { code: number; reason: string }[],
  { tries, bytes }: { tries: number; bytes: number },
): Promise<{ stored: string; refused: string }> {
  let stored = String(version(reader));
  const refusedYet = () => closes.some((c) => c.code === 4503);
  for (let i = 0; !refusedYet(); i++) {
    if (i === tries) throw new Error('the database never refused a change');
    writer.doc.getMap('meta').set('version', `v${i} ${'x'.repeat(bytes)}`);
    await waitFor(() => refusedYet() || String(version(reader)).startsWith(`v${i} `), { what: `change ${i}` });
    if (String(version(reader)).startsWith(`v${i} `)) stored = String(version(reader));
  }
  expect(closes.find((c) => c.code === 4503)?.reason).toBe('storage unavailable, change not saved');
  return { stored, refused: String(version(writer)) };
}

/** Fills the file to its limit with throwaway rows, halving their size until not one byte more fits. */
function fillDisk(): void {
  db().exec('CREATE TABLE disk_filler (b BLOB)');
  db().pragma(`max_page_count = ${db().pragma('page_count', { simple: true })}`);
  const insert = db().prepare('INSERT INTO disk_filler VALUES (?)');
  for (let size = 4096; size >= 1; ) {
    try {
      insert.run(Buffer.alloc(size));
    } catch {
      size >>= 1;
    }
  }
}

const faults = [
  {
    name: 'a full disk',
    hint: /the disk is full/,
    begin: fillDisk,
    end: () => {
      db().pragma('max_page_count = 1073741823');
      db().exec('DROP TABLE disk_filler');
    },
  },
  {
    name: 'a read-only database',
    hint: /read-only/,
    begin: () => db().pragma('query_only = ON'),
    end: () => db().pragma('query_only = OFF'),
  },
];

describe.each(faults)('$name', ({ hint, begin, end }) => {
  it('refuses changes with a clear message to the sender and in the log, keeps serving reads, loses nothing and recovers', async () => {
    const board = await f.person('styrelse', 'Anna Berg');
    const kansli = await f.person('kansli');
    const forum = await f.person('tjanstepersonforum');
    const [writer, reader] = [await connect(board), await connect(kansli)];
    const closes: { code: number; reason: string }[] = [];
    writer.provider.on('connection-close', (e) => e && closes.push({ code: e.code, reason: e.reason }));
    // Sessions last seen a while ago: the next request would refresh them, which is a write.
    db().prepare('UPDATE sessions SET last_seen_at = last_seen_at - 120000').run();
    const itemsBefore = listItems(reader.doc);

    begin();
    const { stored, refused } = await writeUntilRefused(writer, reader, closes, { tries: 3, bytes: 1500 });
    const faultLines = logged(/^the database refuses changes/);
    expect(faultLines).toHaveLength(1);
    expect(faultLines[0].message).toMatch(hint);
    expect(faultLines[0].level).toBe('error');

    // Reading goes on: the plan over a new websocket and over HTTP, for a forum member too.
    const late = await connect(forum);
    expect(version(late)).toBe(stored);
    expect(listItems(late.doc)).toEqual(itemsBefore);
    const plans = await f.http('GET', '/api/plans', kansli);
    expect(plans.status).toBe(200);
    expect((await plans.json()).plans.map((p: { id: string }) => p.id)).toEqual(['2025']);

    // Changes over HTTP are refused with a clear message, and nothing of them is kept.
    const snapshot = await f.http('POST', '/api/plans/2025/snapshots', board, { note: 'Före mötet' });
    expect(snapshot.status).toBe(503);
    expect((await snapshot.json()).error).toMatchObject({ code: 'STORAGE_FAILURE', message: expect.stringMatching(/kan inte spara/) });
    const history = await f.http('GET', '/api/plans/2025/snapshots', board);
    expect(history.status).toBe(200);
    expect((await history.json()).snapshots).toEqual([]);

    // The refused change reached nobody and is not stored; everything before it is.
    expect(version(reader)).toBe(stored);
    expect((await storedDoc(f.server.store)).getMap('meta').get('version')).toBe(stored);
    expect(listItems(await storedDoc(f.server.store))).toEqual(itemsBefore);
    expect(f.server.sync.storage.failing).toBe(true);

    end();
    // The writer reconnects by itself and offers the refused change again.
    await waitFor(() => version(reader) === refused, { what: 'the refused change after recovery', timeoutMs: 15_000 });
    expect((await storedDoc(f.server.store)).getMap('meta').get('version')).toBe(refused);
    expect(version(late)).toBe(refused);
    expect(logged(/^the database takes changes again/)).toHaveLength(1);
    expect(f.server.sync.storage.failing).toBe(false);
    expect(db().pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

// A disk I/O error from the operating system itself: the server's process gets a file
// size limit (as systemd's LimitFSIZE= sets one) just above its database files, so the
// next write past it fails with EFBIG, which SQLite reports as SQLITE_IOERR_WRITE
// ("disk I/O error"). Raising the limit again is what an operator's fix looks like.
describe('a disk I/O error', () => {
  let server: RunningServer;
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    await server?.dispose();
  });

  const limitFileSize = (bytes: number | 'unlimited') => execFileSync('prlimit', ['--pid', String(server.pid()), `--fsize=${bytes}:unlimited`]);

  it('refuses changes with 4503 and 503, keeps the server up and serving, says so in the log, and recovers', async () => {
    server = await runServer();
    const headers = await signInFirstAdmin(server.url, server.output());
    const open = async () => {
      const c = await connectClient(`ws://127.0.0.1:${server.port}/ws`, 'plan/2025', { headers });
      clients.push(c);
      return c;
    };
    const [writer, reader] = [await open(), await open()];
    const closes: { code: number; reason: string }[] = [];
    writer.provider.on('connection-close', (e) => e && closes.push({ code: e.code, reason: e.reason }));
    const readerCloses: number[] = [];
    reader.provider.on('connection-close', (e) => readerCloses.push(e?.code ?? 0));
    const file = join(server.dataDir, 'planbord.sqlite');
    const size = (name: string) => statSync(name, { throwIfNoEntry: false })?.size ?? 0;

    limitFileSize(Math.max(size(file), size(`${file}-wal`)) + 1);
    const { stored, refused } = await writeUntilRefused(writer, reader, closes, { tries: 20, bytes: 20_000 });
    await waitFor(() => /the database refuses changes \(the disk reported an input\/output error\)/.test(server.output()), { what: 'the log line' });

    // The server is up and serves the plan; a change over HTTP is refused with 503.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(version(await open())).toBe(stored);
    const snapshot = await fetch(`${server.url}/api/plans/2025/snapshots`, {
      method: 'POST',
      headers: { ...headers, [CSRF_HEADER]: CSRF_HEADER_VALUE, 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'Före mötet' }),
    });
    expect(snapshot.status).toBe(503);
    expect((await snapshot.json()).error.code).toBe('STORAGE_FAILURE');
    expect(version(reader)).toBe(stored);

    // The writer's browser offers the refused change again on each reconnect; only the
    // writer is told, the others on the plan stay connected throughout.
    await waitFor(() => closes.filter((c) => c.code === 4503).length >= 3, { what: 'the change refused again', timeoutMs: 20_000 });
    expect(readerCloses).toEqual([]);
    expect(reader.provider.wsconnected).toBe(true);
    expect(version(reader)).toBe(stored);
    expect(version(await open())).toBe(stored);

    // The limit lifted, the writer's refused change arrives by itself.
    limitFileSize('unlimited');
    await waitFor(() => version(reader) === refused, { what: 'the refused change after recovery', timeoutMs: 20_000 });
    await waitFor(() => /the database takes changes again/.test(server.output()), { what: 'the recovery line' });
    // The reader, never disconnected, edits on its open connection.
    reader.doc.getMap('meta').set('note', 'från läsaren');
    await waitFor(() => writer.doc.getMap('meta').get('note') === 'från läsaren', { what: "the reader's edit" });
    expect(readerCloses).toEqual([]);
    clients.splice(0).forEach((c) => c.destroy());
    expect(await server.stop()).toBe(0);
    const store = openStore(server.dataDir);
    try {
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((await storedDoc(store)).getMap('meta').get('version')).toBe(refused);
    } finally {
      store.close();
    }
  }, 60_000);
});
