import type { UpdateRow } from './DocStore';
import type { Sql } from './sql/Sql';

// Keys of the advisory locks on a document in PostgreSQL: one namespace for appending
// to it, one for compacting it, each with the document's name hashed.
export const APPEND_LOCK = 1;
export const COMPACT_LOCK = 2;

/**
 * Appends a document's rows through `tx` (a transaction), for writers outside the sync
 * server: the command line, the first start. Returns the newest row's id on SQLite, its
 * sequence number on PostgreSQL, where each document's rows are numbered under a lock
 * on the document, so several processes append in one order (see PostgresDocStore).
 */
export async function appendRows(tx: Sql, docName: string, rows: UpdateRow[], at: number): Promise<number> {
  if (rows.length === 0) return 0;
  if (tx.dialect === 'sqlite') {
    let lastId = 0;
    for (const row of rows) {
      const inserted = await tx.get<{ id: number }>('INSERT INTO doc_updates (doc_name, "update", user_id, created_at) VALUES (?, ?, ?, ?) RETURNING id', [
        docName,
        row.update,
        row.userId,
        at,
      ]);
      lastId = inserted!.id;
    }
    return lastId;
  }
  await tx.get('SELECT pg_advisory_xact_lock(?, hashtext(?))', [APPEND_LOCK, docName]);
  // The newest number and the rows after it in one statement, taken after the lock (each
  // statement reads what was committed when it began): every statement is a round trip
  // to the database server, and this path is in front of every change sent on.
  const values = rows.map((_, i) => `(?::bytea, ?::text, ${i + 1})`).join(', ');
  const numbered = await tx.all<{ seq: number }>(
    'INSERT INTO doc_updates (doc_name, "update", user_id, created_at, seq) ' +
      `SELECT ?::text, v.u, v.uid, ?::bigint, h.head + v.n FROM (VALUES ${values}) AS v (u, uid, n), ` +
      '(SELECT coalesce(max(seq), 0) AS head FROM doc_updates WHERE doc_name = ?) AS h RETURNING seq',
    [docName, at, ...rows.flatMap((row) => [row.update, row.userId]), docName],
  );
  return Math.max(...numbered.map((r) => Number(r.seq)));
}
