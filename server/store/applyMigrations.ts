import type Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreError } from './StoreError';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
const FILE_NAME = /^(\d{3})_[a-z0-9_]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered SQL files (001_name.sql, 002_…) in version order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .map((name) => ({ name, match: FILE_NAME.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .map(({ name, match }) => ({ version: Number(match[1]), name, sql: readFileSync(join(dir, name), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1].version === m.version) {
      throw new StoreError('MIGRATION_FAILED', `two migrations share number ${m.version}: ${migrations[i - 1].name}, ${m.name}`);
    }
  });
  return migrations;
}

/**
 * Applies the migrations not yet recorded, all in one transaction: a failing
 * migration leaves the database exactly as it was, never half upgraded.
 * Returns the names of the migrations applied.
 */
export function applyMigrations(db: Database.Database, migrations = readMigrations(), now = Date.now): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  );
  const pending = migrations.filter((m) => !applied.has(m.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  let current = '';
  try {
    db.transaction(() => {
      for (const m of pending) {
        current = m.name;
        db.exec(m.sql);
        record.run(m.version, m.name, now());
      }
    }).immediate();
  } catch (err) {
    throw new StoreError('MIGRATION_FAILED', `migration ${current} failed: ${(err as Error).message}`, { cause: err });
  }
  return pending.map((m) => m.name);
}
