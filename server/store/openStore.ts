import type Database from 'better-sqlite3';
import { join, resolve } from 'node:path';
import { DATABASE_FILE, openDatabase } from './openDatabase';
import { ChangeStore } from './ChangeStore';
import { DocStore } from './DocStore';
import { PlanStore } from './PlanStore';

/** The open database and one store per concern; the only holders of SQL. */
export interface Store {
  readonly db: Database.Database;
  /** Absolute path of the SQLite file. */
  readonly file: string;
  readonly docs: DocStore;
  readonly plans: PlanStore;
  /** The audit trail: plan changes field by field, with who and when. */
  readonly changes: ChangeStore;
  /** Runs fn in one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export function openStore(dataDir: string, now: () => number = Date.now): Store {
  const db = openDatabase(dataDir);
  const docs = new DocStore(db, now);
  return {
    db,
    file: join(resolve(dataDir), DATABASE_FILE),
    docs,
    plans: new PlanStore(db, now),
    changes: new ChangeStore(db),
    transaction: (fn) => db.transaction(fn)(),
    close: () => {
      docs.close();
      if (db.open) db.close();
    },
  };
}
