import type * as Y from 'yjs';

/**
 * What meetings need of the live documents (the sync server's registry provides it):
 * read one as it is now, and change one as the server on a person's behalf, stored
 * before any client sees the change and then sent to every client.
 */
export interface LiveDocs {
  read<T>(docName: string, read: (doc: Y.Doc) => T): T;
  change(docName: string, userId: string, change: (doc: Y.Doc) => void): void | Promise<void>;
}
