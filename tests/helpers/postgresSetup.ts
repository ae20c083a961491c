import type { TestProject } from 'vitest/node';
import { startPostgres, type TestPostgres } from './startPostgres';

// vitest's global setup: with TEST_ENGINE=postgres, one private PostgreSQL for the run.

let running: TestPostgres | null = null;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.TEST_ENGINE !== 'postgres') {
    project.provide('postgresUrl', null);
    return;
  }
  running = await startPostgres();
  project.provide('postgresUrl', running.url);
}

export async function teardown(): Promise<void> {
  await running?.stop();
}
