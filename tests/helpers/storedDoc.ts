import * as Y from 'yjs';
import type { StoredDoc } from '../../server/store/DocStore';
import type { ServerStore, Store } from '../../server/store/openStore';

function docOf({ updates }: StoredDoc): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

/** The document as storage holds it: what a restart would load (at once on SQLite, as a Promise on either engine). */
export function storedDoc(store: Pick<Store, 'docs'>, docName?: string): Y.Doc;
export function storedDoc(store: Pick<ServerStore, 'docs'>, docName?: string): Y.Doc | Promise<Y.Doc>;
export function storedDoc(store: Pick<ServerStore, 'docs'>, docName = 'plan/2025'): Y.Doc | Promise<Y.Doc> {
  const stored = store.docs.load(docName);
  return stored instanceof Promise ? stored.then(docOf) : docOf(stored);
}

/** How many update rows storage holds for the document. */
export async function storedRows(store: Pick<ServerStore, 'sql'>, docName = 'plan/2025'): Promise<number> {
  const row = await store.sql.get<{ n: number | string }>('SELECT count(*) AS n FROM doc_updates WHERE doc_name = ?', [docName]);
  return Number(row!.n);
}

/** Who made the newest stored change of the document (null for the server itself). */
export async function newestAuthor(store: Pick<ServerStore, 'sql'>, docName = 'plan/2025'): Promise<string | null | undefined> {
  const order = store.sql.dialect === 'postgres' ? 'seq' : 'id';
  const row = await store.sql.get<{ user_id: string | null }>(`SELECT user_id FROM doc_updates WHERE doc_name = ? ORDER BY ${order} DESC LIMIT 1`, [docName]);
  return row?.user_id;
}
