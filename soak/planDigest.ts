import { createHash } from 'node:crypto';
import * as Y from 'yjs';

/** The document's structs and deletions as a short string, for comparing documents held by different processes. */
export const planDigest = (doc: Y.Doc) => createHash('sha1').update(Y.encodeSnapshot(Y.snapshot(doc))).digest('hex');
