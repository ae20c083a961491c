import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyMigrations } from './applyMigrations';
import { StoreError } from './StoreError';

export const DATABASE_FILE = 'planbord.sqlite';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The first 16 bytes of a non-empty SQLite file are always the same. */
function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

function corrupt(file: string, why: string, cause?: unknown): StoreError {
  return new StoreError(
    'DATABASE_CORRUPT',
    `${file} is not a usable Planbord database (${why}). Nothing was changed. ` +
      'Restore it from a backup, or move it away to start with an empty database.',
    { cause },
  );
}

/**
 * Makes a new database under a name of its own and gives it the database's name only
 * once it holds its header and schema. SQLite creates a file empty and writes its header
 * on the first write, so a start that stopped in between (a crash, a power loss) would
 * otherwise leave an empty planbord.sqlite behind. This way an empty planbord.sqlite
 * is never Planbord's own doing, and a half-made database left by such a start is not
 * anyone's data: it is made again.
 */
function createDatabase(file: string): void {
  const draft = `${file}.new`;
  for (const leftover of [draft, `${draft}-wal`, `${draft}-shm`]) rmSync(leftover, { force: true });
  const db = new Database(draft);
  try {
    db.pragma('journal_mode = WAL');
    applyMigrations(db);
  } finally {
    // Closing folds the write-ahead log into the file and removes it.
    db.close();
  }
  renameSync(draft, file);
}

/**
 * Opens (or creates) DATA_DIR/planbord.sqlite in WAL mode and brings its schema up to
 * date. synchronous=NORMAL keeps every committed transaction across a killed process
 * (only a power loss may take the last few). A file that is not an intact SQLite
 * database is refused, an empty one too (it lost its content: Planbord never leaves one
 * behind, see createDatabase): starting a fresh database over it would hide the loss.
 */
export function openDatabase(dataDir: string): Database.Database {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, DATABASE_FILE);
  if (!existsSync(file)) createDatabase(file);
  if (statSync(file).size === 0) throw corrupt(file, 'the file is empty');
  if (!hasSqliteHeader(file)) throw corrupt(file, 'the file does not start with the SQLite header');
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Other processes (the command line, a backup) may hold the write lock briefly.
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw corrupt(file, `integrity check: ${String(check)}`);
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw corrupt(file, (err as Error).message, err);
    throw err;
  }
  try {
    applyMigrations(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
