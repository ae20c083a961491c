import Database from 'better-sqlite3';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { updateItem } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { STATUSES } from '../../shared/plan/types';
import { recordPlanChanges } from '../../server/audit/recordPlanChanges';
import { createMemoryLogger } from '../../server/logger';
import { seedFirstPlan, shippedSeedPlan } from '../../server/seedFirstPlan';
import { openInstallationStore, type ServerStore } from '../../server/store/openStore';
import { planDocName } from '../../server/sync/docName';
import { SharedDoc } from '../../server/sync/SharedDoc';
import { quietConnection } from '../helpers/quietConnection';
import { tempDir } from '../helpers/tempDir';
import { TEST_ENGINE, testDatabaseUrl } from '../helpers/testEngine';

// The audit trail when many changes arrive within one turn of the event loop and are
// stored together: each change still gets its own lines, in order, under the person who
// made it, and a run of typing is still one line whether its keystrokes came in one
// turn or over several. On SQLite, and on PostgreSQL with TEST_ENGINE=postgres, where a
// change and its lines are written in one statement that applies the typing rule itself.

const dir = tempDir('planbord-audit-turns-');
let store: ServerStore;
/** Changes handed to the server, and those it has stored. */
let sent = 0;
let stored = 0;
let doc: SharedDoc;
afterEach(async () => {
  doc?.destroy();
  await store?.close();
  dir.remove();
});

/** A person on the board: their own copy of the plan, whose changes go to the server as one update each. */
function person(userId: string, plan: Uint8Array) {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, plan);
  const conn = { ...quietConnection(userId), changeStored: () => void stored++ };
  return {
    copy,
    conn,
    /** Makes a change and hands it to the server (stored at the end of the turn). */
    edit(change: (doc: Y.Doc) => void) {
      let update: Uint8Array | null = null;
      const keep = (u: Uint8Array) => (update = u);
      copy.on('update', keep);
      change(copy);
      copy.off('update', keep);
      if (update) {
        sent++;
        doc.receiveUpdate(update, conn, null);
      }
    },
  };
}

async function openPlan() {
  store = await openInstallationStore(await testDatabaseUrl(), dir.path);
  sent = stored = 0;
  await seedFirstPlan(store, shippedSeedPlan);
  doc = new SharedDoc(planDocName('2025'), { docs: store.docs, stored: await store.docs.load(planDocName('2025')), logger: createMemoryLogger(), compactThreshold: 10_000, onUnload: () => {} });
  recordPlanChanges(doc, '2025', store.audit, createMemoryLogger());
  const plan = Y.encodeStateAsUpdate(doc.doc);
  const [anna, bo] = [person('anna', plan), person('bo', plan)];
  doc.connections.add(anna.conn);
  doc.connections.add(bo.conn);
  return { anna, bo, items: listItems(doc.doc) };
}

/** The end of the turn, when what came in it is stored together, and that storing done. */
async function settled() {
  await new Promise((resolve) => setImmediate(resolve));
  await vi.waitFor(() => expect(stored).toBe(sent));
}

async function lines(itemId: string) {
  return (await store.changes.forItem('2025', itemId, 1000)).reverse().map((c) => [c.userId, c.change]);
}

describe('the audit trail of changes stored together', () => {
  it('keeps every change of one turn as its own line, in order, under the person who made it', async () => {
    const { anna, bo, items } = await openPlan();
    // Cards without a status note: a note that only names the old status goes with it, a line of its own.
    const [first, second] = items.filter((i) => i.statusNote === '');
    const before = first.status;
    const [s1, s2] = STATUSES.filter((s) => s !== before);
    anna.edit((d) => updateItem(d, first.id, { status: s1 }));
    const priority = first.priority === 1 ? 2 : 1;
    bo.edit((d) => updateItem(d, first.id, { priority }));
    anna.edit((d) => updateItem(d, first.id, { status: s2 }));
    // Many more in the same turn, on another card: more than one transaction holds.
    const statuses = Array.from({ length: 70 }, (_, i) => STATUSES[(STATUSES.indexOf(second.status) + 1 + i) % STATUSES.length]);
    for (const status of statuses) bo.edit((d) => updateItem(d, second.id, { status }));
    await settled();

    expect(await lines(first.id)).toEqual([
      ['anna', { field: 'status', from: before, to: s1 }],
      ['bo', { field: 'priority', from: first.priority, to: priority }],
      ['anna', { field: 'status', from: s1, to: s2 }],
    ]);
    const secondLines = await lines(second.id);
    expect(secondLines).toHaveLength(70);
    expect(secondLines.map(([, c]) => (c as { to: string }).to)).toEqual(statuses);
    expect(secondLines.every(([user]) => user === 'bo')).toBe(true);
  });

  it('keeps a run of typing as one line across turns, and starts a new one when someone else changes the card in between', async () => {
    const { anna, bo, items } = await openPlan();
    const card = items[0];
    for (const note of ['P', 'På', 'På g']) anna.edit((d) => updateItem(d, card.id, { statusNote: note }));
    await settled();
    anna.edit((d) => updateItem(d, card.id, { statusNote: 'På gång' }));
    await settled();
    expect(await lines(card.id)).toEqual([['anna', { field: 'statusNote', from: card.statusNote, to: 'På gång' }]]);

    // In one turn: Anna types on, Bo changes the priority, Anna types again.
    anna.edit((d) => updateItem(d, card.id, { statusNote: 'På gång nu' }));
    const priority = card.priority === 2 ? 3 : 2;
    bo.edit((d) => updateItem(d, card.id, { priority }));
    anna.edit((d) => updateItem(d, card.id, { statusNote: 'På gång nu!' }));
    await settled();
    expect(await lines(card.id)).toEqual([
      ['anna', { field: 'statusNote', from: card.statusNote, to: 'På gång nu' }],
      ['bo', { field: 'priority', from: card.priority, to: priority }],
      ['anna', { field: 'statusNote', from: 'På gång nu', to: 'På gång nu!' }],
    ]);
  });

  // The server remembers each card's latest line rather than reading it back for every
  // keystroke; lines written past it must not be continued over.
  it.skipIf(TEST_ENGINE !== 'sqlite')('starts a new line after a line written by another program or another part of the server', async () => {
    const { anna, items } = await openPlan();
    const card = items[0];
    anna.edit((d) => updateItem(d, card.id, { statusNote: 'Ny' }));
    await settled();
    // The command line, on its own connection to the file, notes a change of the same card.
    const other = new Database(join(dir.path, 'planbord.sqlite'));
    const line = (to: string) => [JSON.stringify({ field: 'statusNote', from: 'Ny', to }), Date.now()];
    other.prepare("INSERT INTO plan_changes (plan_id, item_id, field, change, user_id, at) VALUES ('2025', ?, 'statusNote', ?, NULL, ?)").run(card.id, ...line('Nyss'));
    other.close();
    anna.edit((d) => updateItem(d, card.id, { statusNote: 'Nytt' }));
    await settled();
    // The server itself, through its other statements.
    await store.sql.run("INSERT INTO plan_changes (plan_id, item_id, field, change, user_id, at) VALUES ('2025', ?, 'statusNote', ?, NULL, ?)", [card.id, ...line('Nu')]);
    anna.edit((d) => updateItem(d, card.id, { statusNote: 'Nytt!' }));
    await settled();
    anna.edit((d) => updateItem(d, card.id, { statusNote: 'Nytt!!' }));
    await settled();

    expect(await lines(card.id)).toEqual([
      ['anna', { field: 'statusNote', from: card.statusNote, to: 'Ny' }],
      [null, { field: 'statusNote', from: 'Ny', to: 'Nyss' }],
      ['anna', { field: 'statusNote', from: 'Ny', to: 'Nytt' }],
      [null, { field: 'statusNote', from: 'Ny', to: 'Nu' }],
      ['anna', { field: 'statusNote', from: 'Nytt', to: 'Nytt!!' }],
    ]);
  });
});
