import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { applyMigrations } from '../store/applyMigrations';
import { copyToPostgres } from '../store/copyToPostgres';
import { DATABASE_FILE } from '../store/openDatabase';
import { openPostgres, redactUrl } from '../store/sql/openPostgres';
import type { Command } from './Command';

// `planbord migrate --to postgres://…`: moves DATA_DIR's SQLite installation into an
// empty PostgreSQL database. The SQLite file is copied first with SQLite's online
// backup (so this also works while the server runs, though changes made after the
// copy stay behind: stop the server first), the copy brought up to date, and every
// table moved from it in one transaction and checked by digest. The original files are
// only read, never changed or removed.

const USAGE = `usage:
  planbord migrate --to postgres://USER:PASSWORD@HOST:PORT/DATABASE
  Copies the SQLite database in DATA_DIR into an empty PostgreSQL database, checks
  every table by digest, and leaves the SQLite files as they are. Stop the server first;
  then start it with DATABASE_URL set to the same address.`;

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'copy the SQLite installation into an empty PostgreSQL database, checked by digest',
  usage: USAGE,
  async run(args, env, io) {
    let to: string | undefined;
    try {
      ({ to } = parseArgs({ args, options: { to: { type: 'string' } } }).values);
    } catch (err) {
      io.err(`planbord migrate: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    if (!to || !/^postgres(ql)?:\/\//.test(to)) {
      io.err(`planbord migrate: --to must be a postgres:// address\n${USAGE}`);
      return 2;
    }
    const file = resolve(readConfig(env).dataDir, DATABASE_FILE);
    if (!existsSync(file)) {
      io.err(`planbord migrate: there is no database at ${file}. Is DATA_DIR set as for the server?`);
      return 1;
    }
    const work = mkdtempSync(join(tmpdir(), 'planbord-migrate-'));
    try {
      const copy = join(work, DATABASE_FILE);
      const original = new Database(file, { fileMustExist: true });
      try {
        await original.backup(copy);
      } finally {
        original.close();
      }
      const sqlite = new Database(copy);
      const pg = await openPostgres(to);
      try {
        applyMigrations(sqlite);
        const copied = await copyToPostgres(sqlite, pg);
        for (const t of copied) io.out(`${t.table}\t${t.rows}\t${t.digest}`);
        io.err(`Copied ${copied.reduce((n, t) => n + t.rows, 0)} rows in ${copied.length} tables into ${redactUrl(to)}; every table matches by digest.`);
        io.err(`${file} is as it was. Start Planbord with DATABASE_URL set to the new database.`);
        return 0;
      } finally {
        sqlite.close();
        await pg.close();
      }
    } catch (err) {
      io.err(`planbord migrate: ${(err as Error).message}`);
      return 1;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
