import Database from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/runCli';
import { readMigrations } from '../../server/store/applyMigrations';
import { openStore } from '../../server/store/openStore';
import { PeopleStore } from '../../server/store/PeopleStore';
import { PostgresDocStore } from '../../server/store/PostgresDocStore';
import { bindStores } from '../../server/store/openStore';
import { connectPostgres } from '../../server/store/sql/PostgresSql';
import { storedDoc } from '../helpers/storedDoc';
import { tempDir } from '../helpers/tempDir';
import { TEST_ENGINE, testDatabaseUrl } from '../helpers/testEngine';
import * as Y from 'yjs';

// An installation made by Planbord 0.1.0 (tests/fixtures/planbord-0.1.0.sqlite: a plan
// with an edit and its audit line, two people, a session, an invitation, a failed
// sign-in, a meeting opened and closed with its two snapshots, read state) opened by
// this version on SQLite, and moved into PostgreSQL.

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'planbord-0.1.0.sqlite');
const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function installation(): string {
  const dir = tempDir('planbord-old-');
  dirs.push(dir);
  copyFileSync(FIXTURE, join(dir.path, 'planbord.sqlite'));
  return dir.path;
}

describe('an installation made by 0.1.0', () => {
  it('opens on SQLite with everything in it, applying only the migrations it lacks', async () => {
    const dataDir = installation();
    const recorded = 'SELECT version, name, applied_at FROM schema_migrations ORDER BY version';
    // Read from the copy, so that the fixture itself is never opened.
    const old = new Database(join(dataDir, 'planbord.sqlite'));
    const before = old.prepare(recorded).all();
    old.close();
    const store = openStore(dataDir);
    try {
      const applied = store.db.prepare(recorded).all() as { version: number }[];
      expect(applied.map((m) => m.version)).toEqual(readMigrations().map((m) => m.version));
      // 001–007 are the records made back then: nothing was applied twice.
      expect(applied.slice(0, 7)).toEqual(before);
      const people = new PeopleStore(store.sql);
      expect((await people.listUsers()).map((u) => u.email)).toEqual(['kansli@example.org', 'styr@example.org']);
      expect(await people.findSession('a'.repeat(64))).toMatchObject({ userId: 'u-kansli' });
      const [meeting] = await store.meetings.meetings('2025');
      expect(meeting).toMatchObject({ title: 'Strategimöte november', closedAt: expect.any(Number) });
      expect((await store.meetings.snapshots('2025')).map((s) => s.reason)).toEqual(['closing', 'before_meeting']);
      expect((await store.changes.forPlan('2025')).map((c) => c.change)).toEqual([{ field: 'activity', from: 'A', to: 'A, ändrad med å ä ö' }]);
      const doc = storedDoc(store);
      expect([...doc.getMap('items').values()].some((i) => (i as Y.Map<unknown>).get('activity') === 'A, ändrad med å ä ö')).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe.runIf(TEST_ENGINE === 'postgres')('planbord migrate --to postgres://…', () => {
  const run = async (dataDir: string, ...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['migrate', ...args], { ...process.env, DATA_DIR: dataDir }, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err: err.join('\n') };
  };

  it('copies every table, checks each by digest, and leaves the SQLite file as it was', async () => {
    const dataDir = installation();
    const before = readFileSync(join(dataDir, 'planbord.sqlite'));
    const url = (await testDatabaseUrl({ empty: true }))!;
    const moved = await run(dataDir, '--to', url);
    expect(moved.err).toMatch(/every table matches by digest/);
    expect(moved.code).toBe(0);
    expect(moved.out.map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual(
      expect.arrayContaining(['users 2', 'sessions 1', 'sign_in_links 1', 'sign_in_failures 1', 'meetings 1', 'snapshots 2', 'plan_changes 1', 'discussion_reads 1', 'news_seen 1']),
    );
    expect(readFileSync(join(dataDir, 'planbord.sqlite')).equals(before)).toBe(true);

    const pg = connectPostgres(url);
    try {
      const stores = bindStores(pg, Date.now);
      const people = new PeopleStore(pg);
      expect(await people.findSession('a'.repeat(64))).toMatchObject({ userId: 'u-kansli' });
      expect((await stores.meetings.snapshots('2025')).map((s) => s.reason)).toEqual(['closing', 'before_meeting']);
      // The document, numbered in its order, and the next change follows on.
      const docs = new PostgresDocStore(pg);
      const loaded = await docs.load('plan/2025');
      expect(loaded.lastId).toBe(loaded.updates.length);
      const doc = new Y.Doc();
      loaded.updates.forEach((u) => Y.applyUpdate(doc, u));
      expect([...doc.getMap('items').values()].some((i) => (i as Y.Map<unknown>).get('activity') === 'A, ändrad med å ä ö')).toBe(true);
      expect(await docs.appendBatch('plan/2025', () => [{ update: Y.encodeStateAsUpdate(new Y.Doc()), userId: null }])).toBe(loaded.lastId + 1);
      // New rows get new ids after the copied ones.
      const meeting = await stores.meetings.createMeeting({ planId: '2025', title: 'Nästa', date: '2026-12-01', kind: 'styrelsemote', createdBy: null });
      expect(meeting.id).toBe(2);
    } finally {
      await pg.close();
    }

    // Into a database that already holds data: refused, nothing changed.
    const again = await run(dataDir, '--to', url);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already holds Planbord data/);
  });

  it('refuses an address that is not PostgreSQL, and a folder without a database', async () => {
    expect((await run(installation(), '--to', 'mysql://x')).code).toBe(2);
    const empty = tempDir('planbord-empty-');
    dirs.push(empty);
    const none = await run(empty.path, '--to', 'postgres://127.0.0.1:1/x');
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no database/);
  });
});
