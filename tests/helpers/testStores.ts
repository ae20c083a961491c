import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../server/store/openDatabase';
import { bindStores, type Stores } from '../../server/store/openStore';
import { openPostgres } from '../../server/store/sql/openPostgres';
import type { Database } from '../../server/store/sql/Sql';
import { SqliteSql } from '../../server/store/sql/SqliteSql';
import { tempDir } from './tempDir';
import { TEST_ENGINE, testDatabaseUrl } from './testEngine';

export interface TestStores extends Stores {
  readonly sql: Database;
  /** The SQLite connection when the engine is SQLite, for what only SQLite has. */
  readonly sqlite: BetterSqlite3.Database | null;
  transaction<T>(fn: (tx: Stores) => Promise<T>): Promise<T>;
  /** Closes the database and opens it again, as a restart would. */
  reopen(): Promise<TestStores>;
  close(): Promise<void>;
}

/** The stores on a new empty database of the engine under test (TEST_ENGINE). */
export async function testStores(now: () => number = Date.now): Promise<TestStores> {
  const url = await testDatabaseUrl();
  const dir = url ? null : tempDir('planbord-stores-');
  const open = async (): Promise<Database> => (url ? openPostgres(url) : new SqliteSql(openDatabase(dir!.path)));
  const wrap = (sql: Database): TestStores => ({
    ...bindStores(sql, now),
    sql,
    sqlite: sql instanceof SqliteSql ? sql.db : null,
    transaction: (fn) => sql.transaction((tx) => fn(bindStores(tx, now))),
    reopen: async () => {
      await sql.close();
      return wrap(await open());
    },
    close: async () => {
      await sql.close();
      dir?.remove();
    },
  });
  return wrap(await open());
}

export { TEST_ENGINE };
