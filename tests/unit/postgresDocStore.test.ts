import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanFieldChange } from '../../shared/plan/planTextChanges';
import { createMemoryLogger } from '../../server/logger';
import { StoredRows } from '../../server/sync/StoredRows';
import { ChangeStore, TYPING_RUN_MS, type AuditBatch, type AuditWriter, type StoredChange } from '../../server/store/ChangeStore';
import type { UpdateLog } from '../../server/store/DocStore';
import { openStore } from '../../server/store/openStore';
import { PostgresDocStore } from '../../server/store/PostgresDocStore';
import { openPostgres } from '../../server/store/sql/openPostgres';
import type { PostgresSql } from '../../server/store/sql/PostgresSql';
import { tempDir } from '../helpers/tempDir';
import { TEST_ENGINE, testDatabaseUrl } from '../helpers/testEngine';

// Documents in PostgreSQL shared by several processes: each process here is a pool of
// its own on the same database, as two servers would have.

const open: PostgresSql[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function processes(n: number): Promise<PostgresDocStore[]> {
  const url = (await testDatabaseUrl())!;
  const stores: PostgresDocStore[] = [];
  for (let i = 0; i < n; i++) {
    const db = await openPostgres(url);
    open.push(db);
    stores.push(new PostgresDocStore(db));
  }
  return stores;
}

/** One small Yjs update that sets key to value, made on a fresh client. */
function updateSetting(key: string, value: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

const stateOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  updates.forEach((u) => Y.applyUpdate(doc, u));
  return doc.getMap('m').toJSON();
};

describe.runIf(TEST_ENGINE === 'postgres')('documents in PostgreSQL', () => {
  it('numbers one document’s updates from several processes in one unbroken order', async () => {
    const [a, b] = await processes(2);
    const write = (store: PostgresDocStore, i: number) => store.appendBatch('plan/2025', () => [{ update: updateSetting(`k${i}`, i), userId: null }]);
    const seqs = await Promise.all(Array.from({ length: 40 }, (_, i) => write(i % 2 ? a : b, i)));
    expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const loaded = await a.load('plan/2025');
    expect(loaded.lastId).toBe(40);
    expect(Object.keys(stateOf(loaded.updates))).toHaveLength(40);
    expect(await b.rowsAfter('plan/2025', 38)).toMatchObject({ lastSeq: 40 });
    expect((await b.rowsAfter('plan/2025', 38)).updates).toHaveLength(2);
    expect(await b.rowsAfter('plan/2025', 40)).toEqual({ updates: [], lastSeq: 40 });
    // Another document has its own numbers.
    expect(await a.appendBatch('discussion/2025', () => [{ update: updateSetting('x', 1), userId: null }])).toBe(1);
    // Rows without a head (an installation moved from SQLite): the numbers go on after the largest.
    await open[0].run('DELETE FROM doc_heads');
    expect(await write(b, 40)).toBe(41);
    expect(await write(a, 41)).toBe(42);
  });

  it('numbers a batch of several changes in a row, in its order, between other processes\' changes', async () => {
    const [a, b] = await processes(2);
    const batch = (i: number) => ['x', 'y', 'z'].map((k, j) => ({ update: updateSetting(`${k}${i}`, j), userId: j === 1 ? null : `person-${j}` }));
    const seqs = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a.appendBatch('plan/2025', () => batch(i)) : b.appendBatch('plan/2025', () => [{ update: updateSetting(`s${i}`, i), userId: null }]))),
    );
    // Five batches of three and five single changes: 20 rows numbered without a gap.
    expect(Math.max(...seqs)).toBe(20);
    const rows = await open[0].all<{ seq: number; user_id: string | null; update: Buffer }>('SELECT seq, user_id, "update" FROM doc_updates WHERE doc_name = ? ORDER BY seq', ['plan/2025']);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Each batch's rows sit together, in the batch's order, each with its own author; its number is its last row's.
    for (const [i, last] of seqs.entries()) {
      if (i % 2 === 0) continue;
      const mine = rows.slice(last - 3, last);
      expect(mine.map((r) => Object.keys(stateOf([r.update]))[0])).toEqual([`x${i}`, `y${i}`, `z${i}`]);
      expect(mine.map((r) => r.user_id)).toEqual(['person-0', null, 'person-2']);
    }
  });

  it('stores a change and what its observers staged together, or neither', async () => {
    const [docs] = await processes(1);
    const db = open[0];
    const audit = (field: string) => docs.staged.add((tx) => new ChangeStore(tx).recordAll('2025', [{ itemId: 'i1', changes: [{ field } as never], userId: 'u1', at: 1 }]));
    await docs.appendBatch('plan/2025', () => {
      audit('created');
      return [{ update: updateSetting('a', 1), userId: 'u1' }];
    });
    await expect(
      docs.appendBatch('plan/2025', () => {
        docs.staged.add(async (tx) => {
          await tx.run('INSERT INTO no_such_table VALUES (1)');
        });
        return [{ update: updateSetting('b', 2), userId: 'u1' }];
      }),
    ).rejects.toMatchObject({ code: 'STORAGE_FAILURE' });
    expect(stateOf((await docs.load('plan/2025')).updates)).toEqual({ a: 1 });
    expect(await db.all('SELECT field FROM plan_changes')).toEqual([{ field: 'created' }]);
  });

  it('compacts one document in one process at a time, keeping rows added meanwhile', async () => {
    const [a, b] = await processes(2);
    for (let i = 0; i < 10; i++) await a.appendBatch('plan/2025', () => [{ update: updateSetting(`k${i}`, i), userId: null }]);
    const [first, second] = await Promise.all([a.compactInBackground('plan/2025', 8), b.compactInBackground('plan/2025', 8)]);
    expect([first.rowsBefore, second.rowsBefore].sort((x, y) => x - y)).toEqual([0, 8]);
    const loaded = await b.load('plan/2025');
    expect(loaded.updates).toHaveLength(3);
    expect(loaded.lastId).toBe(10);
    expect(Object.keys(stateOf(loaded.updates))).toHaveLength(10);
    // A process that had seen up to 5 reads the merged row and what came after.
    expect(Object.keys(stateOf((await a.rowsAfter('plan/2025', 5)).updates))).toHaveLength(10);
    expect(await a.appendBatch('plan/2025', () => [{ update: updateSetting('last', 1), userId: null }])).toBe(11);
  });

  it('merges a document once when every process finds it due, the others counting what storage holds', async () => {
    const [a, b] = await processes(2);
    for (let i = 0; i < 10; i++) await a.appendBatch('plan/2025', () => [{ update: updateSetting(`k${i}`, i), userId: null }]);
    const rowsInStorage = async () => (await a.load('plan/2025')).updates.length;
    // Both processes counted the ten rows (one wrote them, the other heard of them); past five they merge.
    const logger = createMemoryLogger();
    const counting = (docs: PostgresDocStore) => new StoredRows('plan/2025', docs, 5, logger, () => new Uint8Array(), 0, 0);
    const [first, second] = [counting(a), counting(b)];
    first.added(10, 10);
    await vi.waitFor(async () => expect(await rowsInStorage()).toBe(1));
    second.added(10, 10);
    await vi.waitFor(() => expect(second.rowsCounted).toBe(1));
    // One change more: two rows in storage, far below five, so nobody merges again.
    await a.appendBatch('plan/2025', () => [{ update: updateSetting('last', 1), userId: null }]);
    first.added(1, 11);
    second.added(1, 11);
    await new Promise((r) => setTimeout(r, 300));
    expect(await rowsInStorage()).toBe(2);
    expect(Object.keys(stateOf((await b.load('plan/2025')).updates))).toHaveLength(11);
    expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
    first.stop();
    second.stop();
  });

  it('writes a change and its audit lines in one statement, with the typing rule giving the same trail as on SQLite', async () => {
    const [docs] = await processes(1);
    const dir = tempDir('planbord-audit-parity-');
    const sqlite = openStore(dir.path);
    const note = (from: string, to: string) => ({ field: 'statusNote', from, to }) as PlanFieldChange;
    const at = 1_000_000;
    const batches: AuditBatch[] = [
      [{ itemId: 'i1', changes: [note('', 'P')], userId: 'anna', at }],
      // Anna types on: her line goes on.
      [{ itemId: 'i1', changes: [note('P', 'På')], userId: 'anna', at: at + 1000 }],
      // Bo in the same field: a line of his own; then Bo again after a typing run: another.
      [{ itemId: 'i1', changes: [note('På', 'På g')], userId: 'bo', at: at + 2000 }],
      [{ itemId: 'i1', changes: [note('På g', 'På gång')], userId: 'bo', at: at + 2000 + TYPING_RUN_MS }],
      // A status and a note in one change: the note follows the status line, so it is a line of its own.
      [{ itemId: 'i1', changes: [{ field: 'status', from: 'planned', to: 'in_progress' } as PlanFieldChange, note('På gång', 'Klart')], userId: 'bo', at: at + 2001 + TYPING_RUN_MS }],
      // Typing without a person (the server), twice in one change and once after: one line.
      [
        { itemId: 'i2', changes: [note('', 'a')], userId: null, at },
        { itemId: 'i2', changes: [note('a', 'ab')], userId: null, at: at + 1 },
      ],
      [{ itemId: 'i2', changes: [note('ab', 'abc')], userId: null, at: at + 2 }],
      // A field that is not typed in never continues: two lines.
      [{ itemId: 'i3', changes: [{ field: 'priority', from: 1, to: 2 } as PlanFieldChange], userId: 'anna', at }],
      [{ itemId: 'i3', changes: [{ field: 'priority', from: 2, to: 3 } as PlanFieldChange], userId: 'anna', at: at + 1 }],
    ];
    const store = async (engine: { docs: UpdateLog; audit: AuditWriter }, batch: AuditBatch, i: number) =>
      engine.docs.appendBatch('plan/2025', () => {
        engine.audit.recordAll('2025', batch);
        return [{ update: updateSetting(`k${i}`, i), userId: null }];
      });
    try {
      for (const [i, batch] of batches.entries()) {
        await store({ docs, audit: docs.audit }, batch, i);
        await store(sqlite, batch, i);
      }
      const trail = async (changes: ChangeStore) => (await changes.forPlan('2025')).map(({ id: _, ...line }: StoredChange) => line);
      const onPostgres = await trail(new ChangeStore(open[0]));
      expect(onPostgres).toEqual(await trail(sqlite.changes as ChangeStore));
      expect(onPostgres.filter((l) => l.itemId === 'i1').map((l) => [l.userId, l.change])).toEqual([
        ['bo', note('På gång', 'Klart')],
        ['bo', { field: 'status', from: 'planned', to: 'in_progress' }],
        ['bo', note('På g', 'På gång')],
        ['bo', note('På', 'På g')],
        ['anna', note('', 'På')],
      ]);
      expect(onPostgres.filter((l) => l.itemId === 'i2').map((l) => l.change)).toEqual([note('', 'abc')]);
      // Every change's row is there, numbered in order.
      expect((await docs.load('plan/2025')).lastId).toBe(batches.length);
    } finally {
      await sqlite.close();
      dir.remove();
    }
  });
});
