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
  }
}

let own: Promise<TestPostgres> | null = null;

/** A new empty PostgreSQL database for the test, or undefined on SQLite. */
export async function testDatabaseUrl(): Promise<string | undefined> {
  if (TEST_ENGINE !== 'postgres') return undefined;
  const shared = inject('postgresUrl');
  if (shared) return createDatabaseAt(shared);
  own ??= startPostgres();
  return (await own).createDatabase();
}
