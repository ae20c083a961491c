import type BetterSqlite3 from 'better-sqlite3';
import type { Database, RunResult, Sql, SqlValue } from './Sql';

type Statement = BetterSqlite3.Statement<unknown[]>;

/**
 * better-sqlite3 behind the asynchronous Sql. Each call runs at once (SQLite is in this
 * process); the answer comes as a settled Promise. One connection serves every caller,
 * so while a transaction is open — across the awaits inside it — every other caller's
 * statements wait for it to end rather than slip into it.
 */
export class SqliteSql implements Database {
  readonly dialect = 'sqlite';
  private readonly statements = new Map<string, Statement>();
  /** Resolves when the open transaction has ended; null when none is open. */
  private held: Promise<void> | null = null;
  private depth = 0;
  /** Counts the statements run through this handle that may have written (see SqliteAuditWriter). */
  writes = 0;

  constructor(readonly db: BetterSqlite3.Database) {}

  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.when(() => this.counted(sql).all(...convert(params)) as T[]);
  }

  get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.when(() => firstRow<T>(this.counted(sql), params));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return this.when(() => ({ changes: this.counted(sql).run(...convert(params)).changes }));
  }

  exec(sql: string): Promise<void> {
    return this.when(() => {
      this.writes++;
      this.db.exec(sql);
    });
  }

  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    while (this.held) await this.held;
    let release!: () => void;
    this.held = new Promise((resolve) => (release = resolve));
    try {
      return await this.inTransaction(fn, new BoundSqlite(this));
    } finally {
      this.held = null;
      release();
    }
  }

  async lock(): Promise<void> {
    // BEGIN IMMEDIATE holds the database's one write lock already.
  }

  /** Whether a transaction is open across awaits; other callers' statements wait for it. */
  get busy(): boolean {
    return this.held !== null;
  }

  /** Resolves once no transaction is open across awaits. */
  async idle(): Promise<void> {
    while (this.held) await this.held;
  }

  /**
   * Runs `first` in a transaction at once, synchronously (the sync server's path, where
   * a write costs microseconds). When `first` leaves writes that are asynchronous
   * (`more` returns them: mails a comment causes), they run in the same transaction,
   * which stays open for them while other callers wait, and the result comes as a
   * Promise. Call it when the database is not `busy`, or from inside the open transaction.
   */
  transactionNow<T>(first: () => T, more: () => Array<(tx: Sql) => Promise<void>>): T | Promise<T> {
    const end = this.open();
    let result: T;
    let writes: Array<(tx: Sql) => Promise<void>>;
    try {
      result = first();
      writes = more();
    } catch (err) {
      end(false);
      throw err;
    }
    if (writes.length === 0) {
      end(true);
      return result;
    }
    const outermost = this.depth === 1;
    let release = () => {};
    if (outermost) this.held = new Promise<void>((resolve) => (release = resolve));
    const tx = new BoundSqlite(this);
    return (async () => {
      try {
        try {
          for (const write of writes) await write(tx);
        } catch (err) {
          end(false);
          throw err;
        }
        end(true);
        return result;
      } finally {
        if (outermost) {
          this.held = null;
          release();
        }
      }
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Runs in the open transaction (a savepoint when one is already running). */
  async inTransaction<T>(fn: (tx: Sql) => Promise<T>, tx: Sql): Promise<T> {
    const end = this.open();
    let result: T;
    try {
      result = await fn(tx);
    } catch (err) {
      end(false);
      throw err;
    }
    end(true);
    return result;
  }

  /**
   * Begins a transaction, or a savepoint inside the open one, and returns what ends it:
   * true commits (a refused COMMIT rolls back and throws), false rolls back.
   */
  private open(): (commit: boolean) => void {
    const outermost = this.depth === 0;
    const savepoint = `sp${this.depth}`;
    this.statement(outermost ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`).run();
    this.depth++;
    return (commit) => {
      try {
        if (commit) this.statement(outermost ? 'COMMIT' : `RELEASE ${savepoint}`).run();
        else this.rollback(outermost, savepoint);
      } catch (err) {
        // A refused COMMIT leaves the transaction open: it is rolled back all the same.
        this.rollback(outermost, savepoint);
        throw err;
      } finally {
        this.depth--;
      }
    };
  }

  private rollback(outermost: boolean, savepoint: string): void {
    if (!this.db.inTransaction) return; // SQLite rolled it back itself (an I/O error)
    try {
      this.db.exec(outermost ? 'ROLLBACK' : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
    } catch {
      // The error that made the rollback necessary is the one to tell.
    }
  }

  /** For the transaction's own handle: runs now, inside the transaction. */
  now<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** The statement, counted among the writes unless it only reads. */
  counted(sql: string): Statement {
    const statement = this.statement(sql);
    if (!statement.readonly) this.writes++;
    return statement;
  }

  statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private async when<T>(work: () => T): Promise<T> {
    while (this.held) await this.held;
    return work();
  }
}

/** The handle a transaction's function gets: its statements run inside it. */
class BoundSqlite implements Sql {
  readonly dialect = 'sqlite';

  constructor(private readonly owner: SqliteSql) {}

  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.owner.now(() => this.owner.counted(sql).all(...convert(params)) as T[]);
  }

  get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.owner.now(() => firstRow<T>(this.owner.counted(sql), params));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return this.owner.now(() => ({ changes: this.owner.counted(sql).run(...convert(params)).changes }));
  }

  exec(sql: string): Promise<void> {
    return this.owner.now(() => {
      this.owner.writes++;
      this.owner.db.exec(sql);
    });
  }

  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.owner.inTransaction(fn, this);
  }

  lock(): Promise<void> {
    return this.owner.lock();
  }
}

/**
 * A write with RETURNING commits when the statement runs to its end: stepping it only to
 * its first row would leave a refused commit (a full disk) unreported.
 */
function firstRow<T>(statement: Statement, params: readonly SqlValue[]): T | undefined {
  return (statement.readonly ? statement.get(...convert(params)) : statement.all(...convert(params))[0]) as T | undefined;
}

/** SQLite has no boolean: true and false are stored as 1 and 0. */
function convert(params: readonly SqlValue[]): unknown[] {
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
}
