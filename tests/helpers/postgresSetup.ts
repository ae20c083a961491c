import type { TestProject } from 'vitest/node';
import { applyPostgresMigrations } from '../../server/store/sql/migratePostgres';
import { connectPostgres } from '../../server/store/sql/PostgresSql';
import { createDatabaseAt, startPostgres, type TestPostgres } from './startPostgres';

// vitest's global setup: with TEST_ENGINE=postgres, one private PostgreSQL for the run,
// and a database with the whole schema that each test's database is copied from
// (copying a template takes a fraction of applying every migration again).

let running: TestPostgres | null = null;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.TEST_ENGINE !== 'postgres') {
    project.provide('postgresUrl', null);
    project.provide('postgresTemplate', null);
    return;
  }
  running = await startPostgres();
  const templateUrl = await createDatabaseAt(running.url);
  const db = connectPostgres(templateUrl);
  try {
    await applyPostgresMigrations(db);
  } finally {
    await db.close();
  }
  project.provide('postgresUrl', running.url);
  project.provide('postgresTemplate', templateUrl.slice(templateUrl.lastIndexOf('/') + 1));
}

export async function teardown(): Promise<void> {
  await running?.stop();
}
