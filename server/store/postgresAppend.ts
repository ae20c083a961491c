import { HeldLines, holdLines, type Line } from './auditLines';
import { TYPING_RUN_MS, type AuditBatch, type AuditWriter } from './ChangeStore';
import type { UpdateRow } from './DocStore';
import type { Sql, SqlValue } from './sql/Sql';

/**
 * The audit trail as PostgreSQL's storage path writes it: the lines a change causes are
 * held, as data, until the statement that stores the change writes them with it. An
 * item's latest stored line is never read here: a line that may continue it (an edit of
 * a text field) leaves the typing rule to that statement (see appendInOneStatement).
 */
export class PostgresAuditWriter implements AuditWriter {
  private held = new HeldLines();

  recordAll(planId: string, batch: AuditBatch): void {
    holdLines(this.held, planId, batch, () => undefined);
  }

  /** Takes every line held so far, in order. */
  take(): Line[] {
    const lines = this.held.added;
    this.held = new HeldLines();
    return lines;
  }
}

/** Lines per statement: far below PostgreSQL's 65,535 parameters. */
export const MAX_LINES_PER_STATEMENT = 500;

/**
 * Stores a document's rows and their audit lines in one statement: one round trip to
 * the database, which a change waits for before anyone is sent it. The rows take the
 * numbers after the document's newest (doc_heads, whose row stays locked until the
 * statement's transaction commits, so numbers follow commit order). A line with `since`
 * continues the item's latest stored line when that is an edit of the same field by the
 * same person less than a typing run before, and is added otherwise (ChangeStore's
 * rule, here in SQL). New lines get their ids in their order. Resolves with the newest
 * row's number (0 without rows).
 *
 * Run alone, the statement is its own transaction; inside one, it is part of it. Every
 * part of one statement reads the database as it was when the statement began; the
 * doc_heads row is read as it is when its lock is had, but an item's latest line is
 * read as at the start: only another process's line for the same item committed while
 * this statement waited for the lock would be missed (a line more, never a line lost).
 */
export async function appendInOneStatement(sql: Sql, docName: string, rows: UpdateRow[], lines: Line[], at: number): Promise<number> {
  if (rows.length === 0 && lines.length === 0) return 0;
  const params: SqlValue[] = [];
  const put = (...values: SqlValue[]) => params.push(...values);
  const parts: string[] = [];

  if (rows.length > 0) {
    const n = rows.length;
    put(docName, n, docName, n);
    parts.push(
      'head AS (INSERT INTO doc_heads (doc_name, seq) SELECT ?::text, coalesce(max(seq), 0) + ?::bigint FROM doc_updates WHERE doc_name = ? ' +
        'ON CONFLICT (doc_name) DO UPDATE SET seq = doc_heads.seq + ?::bigint RETURNING seq)',
    );
    put(docName, at, n);
    for (const row of rows) put(row.update, row.userId);
    parts.push(
      'stored AS (INSERT INTO doc_updates (doc_name, "update", user_id, created_at, seq) ' +
        'SELECT ?::text, v.u, v.uid, ?::bigint, head.seq - ?::bigint + v.n ' +
        `FROM (VALUES ${rows.map((_, i) => `(?::bytea, ?::text, ${i + 1})`).join(', ')}) AS v (u, uid, n), head RETURNING seq)`,
    );
  }

  const maybe = lines.map((line, i) => ({ line, n: i + 1 })).filter(({ line }) => line.since !== undefined);
  if (maybe.length > 0) {
    for (const { line, n } of maybe) put(n, line.planId, line.itemId, line.change.field, line.userId, line.since!, line.at, JSON.stringify((line.change as { to?: unknown }).to ?? null));
    put(TYPING_RUN_MS);
    parts.push(
      "continued AS (UPDATE plan_changes AS p SET change = jsonb_set(p.change::jsonb, '{to}', c.to_json::jsonb)::text, at = c.at " +
        `FROM (VALUES ${maybe.map(() => '(?::bigint, ?::text, ?::text, ?::text, ?::text, ?::bigint, ?::bigint, ?::text)').join(', ')}) ` +
        'AS c (n, plan_id, item_id, field, user_id, since, at, to_json) ' +
        'WHERE p.id = (SELECT max(l.id) FROM plan_changes AS l WHERE l.plan_id = c.plan_id AND l.item_id = c.item_id) ' +
        "AND p.field = c.field AND p.user_id IS NOT DISTINCT FROM c.user_id AND c.since - p.at < ?::bigint AND p.change::jsonb -> 'from' IS NOT NULL " +
        'RETURNING c.n)',
    );
  }

  if (lines.length > 0) {
    for (const [i, line] of lines.entries()) put(i + 1, line.planId, line.itemId, line.change.field, JSON.stringify(line.change), line.userId, line.at);
    parts.push(
      'added AS (INSERT INTO plan_changes (plan_id, item_id, field, change, user_id, at) ' +
        'SELECT v.plan_id, v.item_id, v.field, v.change, v.user_id, v.at ' +
        `FROM (VALUES ${lines.map(() => '(?::bigint, ?::text, ?::text, ?::text, ?::text, ?::text, ?::bigint)').join(', ')}) ` +
        'AS v (n, plan_id, item_id, field, change, user_id, at) ' +
        `${maybe.length > 0 ? 'WHERE v.n NOT IN (SELECT n FROM continued) ' : ''}ORDER BY v.n)`,
    );
  }

  const result = rows.length > 0 ? 'SELECT max(seq) AS seq FROM stored' : 'SELECT 0 AS seq';
  const newest = await sql.get<{ seq: number }>(`WITH ${parts.join(', ')} ${result}`, params);
  return Number(newest!.seq);
}

/** Stores the rows and lines inside a transaction, the lines in statements of at most MAX_LINES_PER_STATEMENT. */
export async function appendInStatements(tx: Sql, docName: string, rows: UpdateRow[], lines: Line[], at: number): Promise<number> {
  const newest = await appendInOneStatement(tx, docName, rows, lines.slice(0, MAX_LINES_PER_STATEMENT), at);
  for (let start = MAX_LINES_PER_STATEMENT; start < lines.length; start += MAX_LINES_PER_STATEMENT) {
    await appendInOneStatement(tx, docName, [], lines.slice(start, start + MAX_LINES_PER_STATEMENT), at);
  }
  return newest;
}
