import { StoreError } from '../StoreError';
import { applyPostgresMigrations } from './migratePostgres';
import { connectPostgres, type PostgresSql } from './PostgresSql';

/** The URL without its password, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * Connects to DATABASE_URL and brings its schema up to date. A database that cannot be
 * reached stops the start with a message naming it (without its password).
 */
export async function openPostgres(url: string): Promise<PostgresSql> {
  const db = connectPostgres(url);
  try {
    await db.get('SELECT 1');
    await applyPostgresMigrations(db);
  } catch (err) {
    await db.close().catch(() => {});
    if (err instanceof StoreError) throw err;
    throw new StoreError('STORAGE_FAILURE', `cannot use the PostgreSQL database ${redactUrl(url)}: ${(err as Error).message}`, { cause: err });
  }
  return db;
}
