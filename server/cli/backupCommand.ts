import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { DATABASE_FILE, openDatabase } from '../store/openDatabase';
import type { Command } from './Command';

// `planbord backup --out FILE`: a consistent copy of DATA_DIR's database, made with
// SQLite's online backup while the server runs. The copy is taken in one step, inside
// one read transaction, so it holds the database exactly as it was at one moment: every
// change committed before it, none after, even with people editing. Writers are not
// held up (WAL lets them go on beside a reader). The copy is written beside FILE,
// checked, turned into a single self-contained file, and only then named FILE.

const USAGE = `usage:
  planbord backup --out FILE
  Writes a consistent copy of the database to FILE (which must not exist yet), also
  while the server runs. To restore it, see RELIABILITY.md.`;

/** sqlite3_backup_step copies this many pages per step: all of them, so it never restarts. */
const ALL_PAGES = 0x7fffffff;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'write a consistent copy of the database, also while the server runs',
  usage: USAGE,
  // A copy of the SQLite file; PostgreSQL is backed up with its own tools (pg_dump).
  sqliteOnly: true,
  async run(args, env, io) {
    let out: string | undefined;
    try {
      ({ out } = parseArgs({ args, options: { out: { type: 'string' } } }).values);
    } catch (err) {
      io.err(`planbord backup: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    if (!out) {
      io.err(`planbord backup: --out is missing\n${USAGE}`);
      return 2;
    }
    // npm runs scripts in the project folder; INIT_CWD is where the person typed the command.
    const file = resolve(env.INIT_CWD ?? process.cwd(), out);
    if (existsSync(file)) {
      io.err(`planbord backup: ${file} exists already; a backup never overwrites a file. Choose another name.`);
      return 1;
    }
    if (!existsSync(dirname(file))) {
      io.err(`planbord backup: the folder ${dirname(file)} does not exist.`);
      return 1;
    }
    const dataDir = readConfig(env).dataDir;
    if (!existsSync(resolve(dataDir, DATABASE_FILE))) {
      io.err(`planbord backup: there is no database in ${dataDir}. Is DATA_DIR set as for the server?`);
      return 1;
    }
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    // Opened like the server opens it: a damaged database is refused, not copied.
    const db = openDatabase(dataDir);
    try {
      await db.backup(partial, { progress: () => ALL_PAGES });
      const summary = checkCopy(partial);
      renameSync(partial, file);
      io.err(`Wrote ${file}: ${summary}.`);
      return 0;
    } catch (err) {
      rmSync(partial, { force: true });
      io.err(`planbord backup: could not write ${file}: ${(err as Error).message}`);
      return 1;
    } finally {
      db.close();
    }
  },
};

/** Checks the copy page by page and leaves it in rollback-journal mode: one file, nothing beside it. */
function checkCopy(path: string): string {
  const copy = new Database(path);
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${String(check)}`);
    copy.pragma('journal_mode = DELETE');
    const plans = copy.prepare('SELECT count(*) FROM plans').pluck().get() as number;
    const rows = copy.prepare('SELECT count(*) FROM doc_updates').pluck().get() as number;
    const snapshots = copy.prepare('SELECT count(*) FROM snapshots').pluck().get() as number;
    return `${plans} plan(s), ${rows} stored update row(s), ${snapshots} snapshot(s)`;
  } finally {
    copy.close();
  }
}
