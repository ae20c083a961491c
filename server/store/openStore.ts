import type BetterSqlite3 from 'better-sqlite3';
import { join, resolve } from 'node:path';
import { DATABASE_FILE, openDatabase } from './openDatabase';
import { ChangeStore, type AuditWriter } from './ChangeStore';
import { MeetingStore } from './MeetingStore';
import { DocStore, type UpdateLog } from './DocStore';
import { PostgresDocStore } from './PostgresDocStore';
import { PlanStore } from './PlanStore';
import type { Database, Dialect, Sql } from './sql/Sql';
import { openPostgres, redactUrl } from './sql/openPostgres';
import { SqliteSql } from './sql/SqliteSql';

/** The stores of one database, bound to one connection or transaction. */
export interface Stores {
  readonly sql: Sql;
  readonly plans: PlanStore;
  readonly meetings: MeetingStore;
  /** The audit trail: plan changes field by field, with who and when. */
  readonly changes: ChangeStore;
}

/** The open database as the server uses it, on either engine; the only holders of SQL. */
export interface ServerStore extends Stores {
  readonly engine: Dialect;
  readonly sql: Database;
  /** Where the data is: the SQLite file's absolute path, or the database's URL without its password. */
  readonly file: string;
  /** The documents' update rows, as the sync server reads and appends them. */
  readonly docs: UpdateLog;
  /** Where the audit trail of a document's change goes while the change is applied. */
  readonly audit: AuditWriter;
  /** Runs fn in one transaction, with stores bound to it (nested calls become savepoints). */
  transaction<T>(fn: (tx: Stores) => Promise<T>): Promise<T>;
  /** The stores bound to `tx`, a transaction begun elsewhere (that of a document's change). */
  on(tx: Sql): Stores;
  close(): Promise<void>;
}

/** The SQLite file in DATA_DIR, with the synchronous paths only SQLite has. */
export interface Store extends ServerStore {
  readonly engine: 'sqlite';
  /** The SQLite connection, for the paths that still write synchronously. */
  readonly db: BetterSqlite3.Database;
  readonly docs: DocStore;
  /** The audit trail as the synchronous storage path of the sync server writes it. */
  readonly audit: DocStore['audit'];
}

/** PostgreSQL at DATABASE_URL, shared by every process that serves it. */
export interface PostgresStore extends ServerStore {
  readonly engine: 'postgres';
  readonly docs: PostgresDocStore;
}

export function bindStores(sql: Sql, now: () => number): Stores {
  return { sql, plans: new PlanStore(sql, now), meetings: new MeetingStore(sql, now), changes: new ChangeStore(sql) };
}

/** The stores of an open database, and its ways to bind them to a transaction. */
function storesOf(sql: Database, now: () => number): Pick<ServerStore, keyof Stores | 'transaction' | 'on'> & { sql: Database } {
  return {
    ...bindStores(sql, now),
    sql,
    transaction: (fn) => sql.transaction((tx) => fn(bindStores(tx, now))),
    on: (tx) => bindStores(tx, now),
  };
}

export function openStore(dataDir: string, now: () => number = Date.now): Store {
  const db = openDatabase(dataDir);
  const sql = new SqliteSql(db);
  const docs = new DocStore(sql, now);
  return {
    ...storesOf(sql, now),
    engine: 'sqlite',
    db,
    file: join(resolve(dataDir), DATABASE_FILE),
    docs,
    audit: docs.audit,
    close: async () => {
      docs.close();
      await sql.close();
    },
  };
}

/** Connects to PostgreSQL at `url` and brings its schema up to date (see openPostgres). */
export async function openPostgresStore(url: string, now: () => number = Date.now): Promise<PostgresStore> {
  const sql = await openPostgres(url);
  const docs = new PostgresDocStore(sql, now);
  return {
    ...storesOf(sql, now),
    engine: 'postgres',
    file: redactUrl(url),
    docs,
    audit: docs.audit,
    close: () => {
      docs.close();
      return sql.close();
    },
  };
}

/** The installation's store: PostgreSQL at `databaseUrl` when given, else the SQLite file in `dataDir`. */
export async function openInstallationStore(databaseUrl: string | null | undefined, dataDir: string, now: () => number = Date.now): Promise<ServerStore> {
  return databaseUrl ? openPostgresStore(databaseUrl, now) : openStore(dataDir, now);
}
