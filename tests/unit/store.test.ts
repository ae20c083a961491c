import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyMigrations, readMigrations } from '../../server/store/applyMigrations';
import { openDatabase } from '../../server/store/openDatabase';
import { openStore, type Store } from '../../server/store/openStore';
import { tempDir } from '../helpers/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function freshStore(): { store: Store; dir: string } {
  const dir = tempDir();
  const store = openStore(dir.path);
  cleanups.push(() => {
    store.close();
    dir.remove();
  });
  return { store, dir: dir.path };
}

/** Updates that build up a small document, one per change, as a client would send them. */
function changes(n: number): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getMap('items').set(`k${i % 7}`, `value ${i}`);
  return { updates, doc };
}

function rebuild(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  updates.forEach((u) => Y.applyUpdate(doc, u));
  return doc;
}

describe('openDatabase', () => {
  it('creates the file in WAL mode with foreign keys on and every migration recorded', async () => {
    const { store } = freshStore();
    expect(existsSync(store.file)).toBe(true);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    const recorded = store.db.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all();
    expect(recorded).toEqual(readMigrations().map((m) => m.name));
  });

  it('applies only new migrations on the next start, and a failing one changes nothing', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    openDatabase(dir.path).close();
    const db = new Database(join(dir.path, 'planbord.sqlite'));
    cleanups.push(() => db.close());
    expect(applyMigrations(db)).toEqual([]);
    const extra = [
      ...readMigrations(),
      { version: 900, name: '900_good.sql', sql: 'CREATE TABLE good (x INTEGER);' },
      { version: 901, name: '901_bad.sql', sql: 'CREATE TABLE broken (;' },
    ];
    expect(() => applyMigrations(db, extra)).toThrow(/901_bad\.sql/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).not.toContain('good');
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBeLessThan(900);
  });

  it('refuses a file that is not SQLite instead of starting an empty database over it', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const file = join(dir.path, 'planbord.sqlite');
    writeFileSync(file, 'these are my plans, not a database\n'.repeat(200));
    expect(() => openDatabase(dir.path)).toThrow(expect.objectContaining({ code: 'DATABASE_CORRUPT' }));
  });

  it('refuses an empty file: a database that lost its content never quietly starts over', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const file = join(dir.path, 'planbord.sqlite');
    openDatabase(dir.path).close();
    writeFileSync(file, '');
    expect(() => openDatabase(dir.path)).toThrow(
      expect.objectContaining({ code: 'DATABASE_CORRUPT', message: expect.stringContaining(`${file} is not a usable Planbord database (the file is empty)`) }),
    );
    expect(readFileSync(file)).toHaveLength(0);
    expect(readdirSync(dir.path)).toEqual(['planbord.sqlite']);
  });

  it('never leaves an empty database behind when the first start stops half-way, and makes it again on the next', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    // What a first start killed between creating its file and writing to it leaves.
    writeFileSync(join(dir.path, 'planbord.sqlite.new'), '');
    writeFileSync(join(dir.path, 'planbord.sqlite.new-wal'), '');
    const db = openDatabase(dir.path);
    cleanups.push(() => db.close());
    expect(db.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all()).toEqual(readMigrations().map((m) => m.name));
    expect(readdirSync(dir.path).filter((name) => name.includes('.new'))).toEqual([]);
    expect(readFileSync(join(dir.path, 'planbord.sqlite')).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  });

  it('refuses a SQLite file whose pages are damaged', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const store = openStore(dir.path);
    const { updates } = changes(400);
    updates.forEach((u) => store.docs.append('plan/2025', Buffer.concat([u, Buffer.alloc(900, 7)]), null));
    store.close();
    const file = join(dir.path, 'planbord.sqlite');
    const db = new Database(file);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const bytes = readFileSync(file);
    bytes.fill(0xff, pageSize * 2, pageSize * 4);
    writeFileSync(file, bytes);
    expect(() => openDatabase(dir.path)).toThrow(expect.objectContaining({ code: 'DATABASE_CORRUPT' }));
  });

  it('creates the data folder when it does not exist', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const nested = join(dir.path, 'a', 'b');
    openDatabase(nested).close();
    expect(existsSync(join(nested, 'planbord.sqlite'))).toBe(true);
  });
});

describe('DocStore', () => {
  it('loads exactly the updates appended, in order, per document', async () => {
    const { store } = freshStore();
    const a = changes(5);
    const b = changes(3);
    a.updates.forEach((u) => store.docs.append('plan/a', u, 'user-1'));
    b.updates.forEach((u) => store.docs.append('plan/b', u, null));
    const loaded = store.docs.load('plan/a');
    expect(loaded.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(
      a.updates.map((u) => Buffer.from(u).toString('hex')),
    );
    expect(rebuild(loaded.updates).getMap('items').toJSON()).toEqual(a.doc.getMap('items').toJSON());
    expect(store.docs.load('plan/none')).toEqual({ updates: [], lastId: 0 });
    const row = store.db.prepare("SELECT user_id, created_at FROM doc_updates WHERE doc_name = 'plan/a' LIMIT 1").get() as {
      user_id: string;
      created_at: number;
    };
    expect(row.user_id).toBe('user-1');
    expect(Math.abs(row.created_at - Date.now())).toBeLessThan(60_000);
  });

  it('compacts a document into one row holding the same content, leaving other documents alone', async () => {
    const { store } = freshStore();
    const a = changes(50);
    a.updates.forEach((u) => store.docs.append('plan/a', u, 'user-1'));
    store.docs.append('plan/b', changes(2).updates[0], null);
    const result = store.docs.compact('plan/a');
    expect(result).toMatchObject({ rowsBefore: 50, usedLiveState: false });
    expect(store.docs.count('plan/a')).toBe(1);
    expect(store.docs.count('plan/b')).toBe(1);
    expect(rebuild(store.docs.load('plan/a').updates).getMap('items').toJSON()).toEqual(a.doc.getMap('items').toJSON());
  });

  it('stores a live state only when the rows are exactly those it was built from', async () => {
    const { store } = freshStore();
    const a = changes(10);
    let lastId = 0;
    a.updates.forEach((u) => (lastId = store.docs.append('plan/a', u, null)));
    // Another writer adds a row the live document never saw: its state must not replace it.
    const foreign = new Y.Doc();
    Y.applyUpdate(foreign, Y.encodeStateAsUpdate(a.doc));
    const extra: Uint8Array[] = [];
    foreign.on('update', (u: Uint8Array) => extra.push(u));
    foreign.getMap('items').set('foreign', 'kept');
    store.docs.append('plan/a', extra[0], null);
    const live = { state: Y.encodeStateAsUpdate(a.doc), rowCount: 10, lastId };
    expect(store.docs.compact('plan/a', live).usedLiveState).toBe(false);
    const merged = rebuild(store.docs.load('plan/a').updates).getMap('items').toJSON();
    expect(merged.foreign).toBe('kept');
    expect(merged.k3).toBe(a.doc.getMap('items').get('k3'));
  });

  it('keeps a row appended after a compaction began out of the merged row', async () => {
    const { store } = freshStore();
    const a = changes(20);
    a.updates.slice(0, 19).forEach((u) => store.docs.append('plan/a', u, null));
    const { lastId } = store.docs.compact('plan/a');
    store.docs.append('plan/a', a.updates[19], null);
    const rows = store.db.prepare("SELECT id FROM doc_updates WHERE doc_name = 'plan/a' ORDER BY id").pluck().all();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe(lastId);
    expect(rebuild(store.docs.load('plan/a').updates).getMap('items').toJSON()).toEqual(a.doc.getMap('items').toJSON());
  });

  it('reports a failed append as a STORAGE_FAILURE and stores nothing', async () => {
    const { store } = freshStore();
    store.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() => store.docs.append('plan/a', changes(1).updates[0], null)).toThrow(
      expect.objectContaining({ code: 'STORAGE_FAILURE' }),
    );
    store.db.exec('DROP TRIGGER refuse');
    expect(store.docs.count('plan/a')).toBe(0);
  });

  it('keeps every appended row across closing and reopening the file', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const a = changes(30);
    const first = openStore(dir.path);
    a.updates.forEach((u) => first.docs.append('plan/a', u, null));
    first.close();
    const second = openStore(dir.path);
    cleanups.push(() => second.close());
    expect(second.docs.count('plan/a')).toBe(30);
    expect(rebuild(second.docs.load('plan/a').updates).getMap('items').toJSON()).toEqual(a.doc.getMap('items').toJSON());
  });
});

describe('PlanStore', () => {
  it('creates, lists and gets plans, and refuses a second plan with the same id', async () => {
    const { store } = freshStore();
    await store.plans.create({ id: '2025', title: 'Verksamhetsplan 2025', year: 2025 });
    await store.plans.create({ id: '2026', title: 'Verksamhetsplan 2026', year: 2026 });
    expect((await store.plans.list()).map((p) => p.id)).toEqual(['2026', '2025']);
    expect(await store.plans.get('2025')).toMatchObject({ title: 'Verksamhetsplan 2025', year: 2025 });
    expect(await store.plans.get('1999')).toBeUndefined();
    await expect(store.plans.create({ id: '2025', title: 'again', year: 2025 })).rejects.toThrow(
      expect.objectContaining({ code: 'PLAN_EXISTS' }),
    );
  });

  it('refuses ids that could not be part of a document name', async () => {
    const { store } = freshStore();
    await expect(store.plans.create({ id: '../x', title: 't', year: 2025 })).rejects.toThrow();
    await expect(store.plans.create({ id: 'Plan 2025', title: 't', year: 2025 })).rejects.toThrow();
    expect(await store.plans.list()).toEqual([]);
  });
});
