// The one way store modules reach a database, whichever engine holds it: SQLite
// (better-sqlite3, in DATA_DIR) or PostgreSQL (DATABASE_URL). Statements are written
// once with `?` placeholders in the SQL both engines understand; column aliases that
// are not all lower case are double-quoted ("createdAt"), since PostgreSQL folds
// unquoted names. Every call is asynchronous, because PostgreSQL's are.

export type SqlValue = string | number | null | Uint8Array | boolean;

export type Dialect = 'sqlite' | 'postgres';

export interface RunResult {
  /** Rows inserted, changed or deleted. */
  changes: number;
}

export interface Sql {
  readonly dialect: Dialect;
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  /** Runs statements without parameters, several separated by semicolons (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs fn in one transaction on a handle bound to it (inside another: a savepoint).
   * Everything fn does through `tx` commits together or not at all; fn's own error
   * rolls back and comes out unchanged. fn should do database work only: on SQLite
   * the database waits for it, on PostgreSQL it holds a connection.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: waits until no other transaction (of any process) holds the
   * same key, and holds it until this one ends. SQLite's write transactions are one at
   * a time already; PostgreSQL takes an advisory lock.
   */
  lock(key: string): Promise<void>;
}

/** An open database: a Sql that can be closed. */
export interface Database extends Sql {
  close(): Promise<void>;
}

/** A unique or primary key refused the row (both engines). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
