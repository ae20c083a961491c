import * as Y from 'yjs';
import { recordPlanChanges } from '../audit/recordPlanChanges';
import { createMemoryLogger } from '../logger';
import type { ChangeStore } from '../store/ChangeStore';
import type { DocStore } from '../store/DocStore';
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
 * the plan as everyone sees it. A change is stored as one new row with its lines in
 * the audit trail, inside the caller's transaction; a running server notices the row
 * and sends it to everyone on the document (server/sync/ForeignRows.ts).
 */
export function storedDocs(docs: Pick<DocStore, 'load' | 'append'>, changes?: Pick<ChangeStore, 'recordAll'>): LiveDocs {
  return {
    read(name, read) {
      const doc = load(docs, name);
      try {
        return read(doc);
      } finally {
        doc.destroy();
      }
    },
    change(name, userId, change) {
      const doc = load(docs, name);
      const docName = parseDocName(name);
      if (changes && docName?.kind === 'plan') recordPlanChanges({ doc }, docName.planId, changes, createMemoryLogger());
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      try {
        doc.transact(() => change(doc), new ServerOrigin(userId));
        if (updates.length) docs.append(name, updates.length === 1 ? updates[0] : Y.mergeUpdates(updates), userId);
      } finally {
        doc.destroy();
      }
    },
  };
}
