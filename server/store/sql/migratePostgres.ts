import { readMigrations, type Migration } from '../applyMigrations';
import { StoreError } from '../StoreError';
import type { Sql } from './Sql';
import { newTranslationContext, toPostgres } from './toPostgres';

/** Any number, the same in every process: the migration lock of this database. */
const MIGRATION_LOCK = 7_264_001;

/**
 * Identity columns count from where their rows are: after rows were copied in with
 * their ids (a migration that rebuilds a table, or a move from SQLite), the next id
 * is one past the largest.
 */
export async function resetIdentities(tx: Sql): Promise<void> {
  const columns = await tx.all<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const { table_name: table, column_name: column } of columns) {
    await tx.get(
      `SELECT setval(pg_get_serial_sequence('${table}', '${column}'), coalesce(max(${column}), 0) + 1, false) FROM ${table}`,
    );
  }
}

/**
 * Applies the migrations not yet recorded to a PostgreSQL database, translated from
 * the same files SQLite uses, in one transaction under an advisory lock: processes
 * starting together apply them once, and a failing migration leaves the database as it was.
 */
export async function applyPostgresMigrations(db: Sql, migrations: Migration[] = readMigrations(), now = Date.now): Promise<string[]> {
  let current = '';
  try {
    return await db.transaction(async (tx) => {
      await tx.get('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    BIGINT PRIMARY KEY,
        name       TEXT NOT NULL,
        applied_at BIGINT NOT NULL
      )`);
      const applied = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
      const context = newTranslationContext();
      const names: string[] = [];
      for (const m of migrations) {
        current = m.name;
        // Translated even when applied before: later ones may name its triggers.
        const sql = toPostgres(m.sql, context, m.name);
        if (applied.has(m.version)) continue;
        await tx.exec(sql);
        await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, now()]);
        names.push(m.name);
      }
      if (names.length) await resetIdentities(tx);
      return names;
    });
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw new StoreError('MIGRATION_FAILED', `migration ${current} failed: ${(err as Error).message}`, { cause: err });
  }
}
