import type BetterSqlite3 from 'better-sqlite3';
import { join, resolve } from 'node:path';
import { DATABASE_FILE, openDatabase } from './openDatabase';
import { ChangeStore, SqliteAuditWriter } from './ChangeStore';
import { MeetingStore } from './MeetingStore';
import { DocStore } from './DocStore';
import { PlanStore } from './PlanStore';
import type { Database, Dialect, Sql } from './sql/Sql';
import { SqliteSql } from './sql/SqliteSql';

/** The stores of one database, bound to one connection or transaction. */
export interface Stores {
  readonly sql: Sql;
  readonly plans: PlanStore;
  readonly meetings: MeetingStore;
  /** The audit trail: plan changes field by field, with who and when. */
  readonly changes: ChangeStore;
}

/** The open database and one store per concern; the only holders of SQL. */
export interface Store extends Stores {
  readonly engine: Dialect;
  readonly sql: Database;
  /** The SQLite connection, for the paths that still write synchronously. */
  readonly db: BetterSqlite3.Database;
  /** Where the data is: the SQLite file's absolute path. */
  readonly file: string;
  readonly docs: DocStore;
  /** The audit trail as the synchronous storage path of the sync server writes it. */
  readonly audit: SqliteAuditWriter;
  /** Runs fn in one transaction, with stores bound to it (nested calls become savepoints). */
  transaction<T>(fn: (tx: Stores) => Promise<T>): Promise<T>;
  /** The stores bound to `tx`, a transaction begun elsewhere (that of a document's change). */
  on(tx: Sql): Stores;
  close(): Promise<void>;
}

export function bindStores(sql: Sql, now: () => number): Stores {
  return { sql, plans: new PlanStore(sql, now), meetings: new MeetingStore(sql, now), changes: new ChangeStore(sql) };
}

export function openStore(dataDir: string, now: () => number = Date.now): Store {
  const db = openDatabase(dataDir);
  const sql = new SqliteSql(db);
  const docs = new DocStore(sql, now);
  return {
    ...bindStores(sql, now),
    engine: 'sqlite',
    sql,
    db,
    file: join(resolve(dataDir), DATABASE_FILE),
    docs,
    audit: new SqliteAuditWriter(db),
    transaction: (fn) => sql.transaction((tx) => fn(bindStores(tx, now))),
    on: (tx) => bindStores(tx, now),
    close: async () => {
      docs.close();
      await sql.close();
    },
  };
}
