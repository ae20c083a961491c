import type * as Y from 'yjs';
import type { Sql } from '../store/sql/Sql';

/**
 * What meetings need of the live documents (the sync server's registry provides it):
 * read one as it is now, and change one as the server on a person's behalf, stored
 * before any client sees the change and then sent to every client.
 */
export interface LiveDocs {
  read<T>(docName: string, read: (doc: Y.Doc) => T): T;
  /** `alsoStore` writes what must be stored with the change, in the change's transaction. */
  change(docName: string, userId: string | null, change: (doc: Y.Doc) => void, alsoStore?: (tx: Sql) => Promise<void>): void | Promise<void>;
}
