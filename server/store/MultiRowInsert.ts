import type BetterSqlite3 from 'better-sqlite3';

/** Rows per statement: far below SQLite's limit on parameters, enough that a busy turn takes one or two. */
const MAX_ROWS = 64;

/**
 * Inserts many rows of one table with one statement per up to 64 rows: each statement
 * run costs a round through better-sqlite3 and SQLite's statement machinery (and, for
 * a table with AUTOINCREMENT, an update of its sequence), which for small rows is as
 * much as the row itself. The statements are prepared once for each number of rows.
 */
export class MultiRowInsert {
  private readonly statements = new Map<number, BetterSqlite3.Statement<unknown[]>>();

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {}

  /** Inserts rows given as their columns' values one after the other; returns the last row's id (0 for none). */
  run(values: unknown[]): number {
    const width = this.columns.length;
    const rows = values.length / width;
    if (rows <= MAX_ROWS) return rows === 0 ? 0 : this.insert(rows, values);
    let lastId = 0;
    for (let start = 0; start < rows; start += MAX_ROWS) {
      const count = Math.min(MAX_ROWS, rows - start);
      lastId = this.insert(count, values.slice(start * width, (start + count) * width));
    }
    return lastId;
  }

  private insert(rows: number, values: unknown[]): number {
    let statement = this.statements.get(rows);
    if (!statement) {
      const row = `(${this.columns.map(() => '?').join(', ')})`;
      const sql = `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array(rows).fill(row).join(', ')}`;
      this.statements.set(rows, (statement = this.db.prepare(sql)));
    }
    return Number(statement.run(values).lastInsertRowid);
  }
}
