import * as Y from 'yjs';
import { recordPlanChanges } from '../audit/recordPlanChanges';
import { createMemoryLogger } from '../logger';
import { appendRows } from '../store/appendRows';
import { stagedAudit } from '../store/ChangeStore';
import type { UpdateLog } from '../store/DocStore';
import type { Database } from '../store/sql/Sql';
import { StagedWrites } from '../store/StagedWrites';
import { parseDocName } from '../sync/docName';
import { LOAD_ORIGIN, ServerOrigin } from '../sync/SharedDoc';
import type { LiveDocs } from './LiveDocs';

/** Documents read from their stored rows, and the rows they were read from. */
export interface StoredDocs extends LiveDocs {
  /**
   * Reads the documents named from storage, for `read` to find: a database server
   * answers asynchronously, and `read` answers at once. The SQLite file needs none.
   */
  readFirst(...names: string[]): Promise<void>;
}

/** A change stored from here, for the running servers to hear of: its row's number (its id on SQLite). */
export type AnnounceStored = (docName: string, seq: number, update: Uint8Array) => void | Promise<void>;

function docOf(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)), LOAD_ORIGIN);
  return doc;
}

/**
 * Documents read straight from their stored rows, for the command line, which runs
 * beside the server. Every update is stored before it is broadcast, so the rows are
 * the plan as everyone sees it. A change is stored as one new row, in one transaction
 * with its lines in the audit trail (when `audit`) and what `alsoStore` writes. A
 * running server on the SQLite file notices the row and sends it to everyone on the
 * document (server/sync/ForeignRows.ts); on PostgreSQL `announce` tells the running
 * processes (through Redis). A document changed here is read afterwards with its change.
 */
export function storedDocs(store: { docs: Pick<UpdateLog, 'load'>; sql: Database }, audit = false, now = Date.now, announce?: AnnounceStored): StoredDocs {
  const read = new Map<string, Uint8Array[]>();
  const rowsOf = (name: string): Uint8Array[] => {
    const known = read.get(name);
    if (known) return known;
    const stored = store.docs.load(name);
    if (stored instanceof Promise) {
      stored.catch(() => {});
      throw new Error(`${name} must be read from storage first (readFirst)`);
    }
    return stored.updates;
  };
  const readFirst = async (...names: string[]) => {
    for (const name of names) if (!read.has(name)) read.set(name, (await store.docs.load(name)).updates);
  };
  return {
    readFirst,
    read(name, reader) {
      const doc = docOf(rowsOf(name));
      try {
        return reader(doc);
      } finally {
        doc.destroy();
      }
    },
    async change(name, userId, change, alsoStore) {
      await readFirst(name);
      const rows = rowsOf(name);
      const doc = docOf(rows);
      const staged = new StagedWrites();
      const docName = parseDocName(name);
      if (audit && docName?.kind === 'plan') recordPlanChanges({ doc }, docName.planId, stagedAudit(staged), createMemoryLogger(), now);
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      try {
        doc.transact(() => change(doc), new ServerOrigin(userId));
      } finally {
        doc.destroy();
      }
      const update = updates.length === 0 ? null : updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
      const seq = await store.sql.transaction(async (tx) => {
        const stored = update ? await appendRows(tx, name, [{ update, userId }], now()) : 0;
        for (const write of staged.take()) await write(tx);
        await alsoStore?.(tx);
        return stored;
      });
      if (!update) return;
      read.set(name, [...rows, update]);
      await announce?.(name, seq, update);
    },
  };
}
