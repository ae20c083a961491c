import { inject } from 'vitest';
import { createDatabaseAt, startPostgres, type TestPostgres } from './startPostgres';

// Which engine the storage, sync, meeting and auth suites run on: SQLite unless
// TEST_ENGINE=postgres. On PostgreSQL one private cluster serves the whole run
// (tests/helpers/postgresSetup.ts starts it) and every store a test opens gets a new
// empty database in it.

export type Engine = 'sqlite' | 'postgres';

export const TEST_ENGINE: Engine = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    /** A database holding the whole schema, to copy for each test. */
    postgresTemplate: string | null;
  }
}

let own: Promise<TestPostgres> | null = null;

/**
 * A new PostgreSQL database for the test, or undefined on SQLite: with the schema in
 * place, or `empty` for tests of the schema itself.
 */
export async function testDatabaseUrl({ empty = false } = {}): Promise<string | undefined> {
  if (TEST_ENGINE !== 'postgres') return undefined;
  const shared = inject('postgresUrl');
  if (shared) return createDatabaseAt(shared, empty ? undefined : (inject('postgresTemplate') ?? undefined));
  own ??= startPostgres();
  return (await own).createDatabase();
}
