import * as Y from 'yjs';
import { recordPlanChanges } from '../audit/recordPlanChanges';
import { createMemoryLogger } from '../logger';
import { appendRows } from '../store/appendRows';
import { stagedAudit } from '../store/ChangeStore';
import type { DocStore } from '../store/DocStore';
import type { Database } from '../store/sql/Sql';
import { StagedWrites } from '../store/StagedWrites';
import { parseDocName } from '../sync/docName';
import { LOAD_ORIGIN, ServerOrigin } from '../sync/SharedDoc';
import type { LiveDocs } from './LiveDocs';

function load(docs: Pick<DocStore, 'load'>, name: string): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => docs.load(name).updates.forEach((u) => Y.applyUpdate(doc, u)), LOAD_ORIGIN);
  return doc;
}

/**
 * Documents read straight from their stored rows, for the command line, which runs
 * beside the server. Every update is stored before it is broadcast, so the rows are
 * the plan as everyone sees it. A change is stored as one new row, in one transaction
 * with its lines in the audit trail (when `audit`) and what `alsoStore` writes; a
 * running server notices the row and sends it to everyone on the document
 * (server/sync/ForeignRows.ts).
 */
export function storedDocs(store: { docs: Pick<DocStore, 'load'>; sql: Database }, audit = false, now = Date.now): LiveDocs {
  return {
    read(name, read) {
      const doc = load(store.docs, name);
      try {
        return read(doc);
      } finally {
        doc.destroy();
      }
    },
    async change(name, userId, change, alsoStore) {
      const doc = load(store.docs, name);
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
      await store.sql.transaction(async (tx) => {
        if (updates.length) await appendRows(tx, name, [{ update: updates.length === 1 ? updates[0] : Y.mergeUpdates(updates), userId }], now());
        for (const write of staged.take()) await write(tx);
        await alsoStore?.(tx);
      });
    },
  };
}
