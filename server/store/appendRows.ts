import type { UpdateRow } from './DocStore';
import { appendInOneStatement } from './postgresAppend';
import type { Sql } from './sql/Sql';

/**
 * Appends a document's rows through `tx` (a transaction), for writers outside the sync
 * server: the command line, the first start. Returns the newest row's id on SQLite, its
 * sequence number on PostgreSQL, where each document's rows are numbered under a lock
 * on the document's row in doc_heads, so several processes append in one order.
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
  return appendInOneStatement(tx, docName, rows, [], at);
}
