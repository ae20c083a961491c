import { StoreError } from './StoreError';

// SQLite's answers that mean "the disk will not take this now", told apart from bugs,
// so that the sync server and the HTTP app can refuse a change with a message an
// operator can act on and carry on serving reads. Each may go away by itself (space
// freed, the file made writable again) and nothing already stored is harmed by them.

export interface StorageFault {
  /** SQLite's result code, e.g. SQLITE_FULL. */
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
];

/** The storage fault behind an error (a StoreError's cause or a SqliteError itself), or null. */
export function storageFaultOf(err: unknown): StorageFault | null {
  const cause = err instanceof StoreError ? (err.cause ?? err) : err;
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const match = HINTS.find(([prefix]) => code.startsWith(prefix));
  return match ? { code, hint: match[1] } : null;
}
