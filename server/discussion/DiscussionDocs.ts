import type * as Y from 'yjs';
import type { Sql } from '../store/sql/Sql';

/**
 * What the discussion needs of the live documents: read one as it is now, and change
 * one as the server on a person's behalf, stored before any client sees the change.
 * The sync server's document registry provides both (see liveDiscussionDocs).
 */
export interface DiscussionDocs {
  read<T>(docName: string, read: (doc: Y.Doc) => T): T;
  /** `alsoStore` writes what must be stored with the change, in the change's transaction. */
  change(docName: string, userId: string, change: (doc: Y.Doc) => void, alsoStore?: (tx: Sql) => Promise<void>): void | Promise<void>;
}

/** The people a comment may mention, and the names of everyone who took part. */
export interface DiscussionPeople {
  /** The names of the active people, who can be mentioned, by id. */
  mentionNames(): Promise<Map<string, string>>;
  /** The name of anyone, also a deactivated person, or null. */
  nameOf(id: string): Promise<string | null>;
  mentionable(): Promise<Array<{ id: string; name: string; organisation: string }>>;
}
