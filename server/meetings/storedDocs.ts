import * as Y from 'yjs';
import type { DocStore } from '../store/DocStore';
import type { LiveDocs } from './LiveDocs';
import { MeetingError } from './MeetingError';

/**
 * Documents read straight from their stored rows, for the command line, which runs
 * beside the server and must not change a document the server holds in memory. Every
 * update is stored before it is broadcast, so the rows are the plan as everyone sees it.
 */
export function storedDocs(docs: Pick<DocStore, 'load'>): LiveDocs {
  return {
    read(name, read) {
      const doc = new Y.Doc();
      doc.transact(() => docs.load(name).updates.forEach((u) => Y.applyUpdate(doc, u)));
      try {
        return read(doc);
      } finally {
        doc.destroy();
      }
    },
    change(name) {
      throw new MeetingError('INVALID_INPUT', `${name} can only be changed through the running server`);
    },
  };
}
