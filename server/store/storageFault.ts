import { StoreError } from './StoreError';

// The answers that mean "storage will not take this now", told apart from bugs, so
// that the sync server and the HTTP app can refuse a change with a message an operator
// can act on and carry on: SQLite's (a full disk, a read-only file) and PostgreSQL's
// (the database server away, shutting down or starting). Each may go away by itself
// (space freed, the file made writable again, the server back) and nothing already
// stored is harmed by them.

export interface StorageFault {
  /** SQLite's result code (SQLITE_FULL), PostgreSQL's SQLSTATE (57P01) or the network's (ECONNREFUSED). */
  code: string;
  /** What an operator should look at, in plain words. */
  hint: string;
}

const HINTS: [prefix: string, hint: string][] = [
  ['SQLITE_FULL', 'the disk is full'],
  ['SQLITE_READONLY', 'the database file or its folder is read-only'],
  ['SQLITE_IOERR', 'the disk reported an input/output error'],
  ['SQLITE_CANTOPEN', 'the database file or its write-ahead log cannot be opened'],
  ['SQLITE_BUSY', 'another process holds the database locked'],
  ['SQLITE_NOMEM', 'the server is out of memory'],
  ['ECONNREFUSED', 'the database server cannot be reached'],
  ['ECONNRESET', 'the connection to the database server was lost'],
  ['ETIMEDOUT', 'the database server does not answer'],
  ['57P', 'the database server is shutting down or starting'],
  ['08', 'the connection to the database server failed'],
];

/** What the PostgreSQL client says, without a code, of a connection that ended or never came. */
const LOST_CONNECTION = /^Connection terminated|timeout exceeded when trying to connect/;

/** The storage fault behind an error (a StoreError's cause or a SqliteError itself), or null. */
export function storageFaultOf(err: unknown): StorageFault | null {
  const cause = err instanceof StoreError ? (err.cause ?? err) : err;
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') {
    const lost = cause instanceof Error && LOST_CONNECTION.test(cause.message);
    return lost ? { code: 'CONNECTION_LOST', hint: 'the connection to the database server was lost' } : null;
  }
  const match = HINTS.find(([prefix]) => code.startsWith(prefix));
  return match ? { code, hint: match[1] } : null;
}
