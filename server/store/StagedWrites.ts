import type { Sql } from './sql/Sql';

/**
 * Writes that code running inside a change's staging (observers of the document, such
 * as the audit trail) asks for synchronously, kept until the storage transaction of
 * that change runs them. A store whose writes are asynchronous cannot write while
 * Yjs calls the observers; it runs these right after the change's own rows, in the
 * same transaction, so the change and what it caused commit together or not at all.
 */
export class StagedWrites {
  private writes: Array<(tx: Sql) => Promise<void>> = [];

  add(write: (tx: Sql) => Promise<void>): void {
    this.writes.push(write);
  }

  /** Takes every write staged so far. */
  take(): Array<(tx: Sql) => Promise<void>> {
    return this.writes.splice(0);
  }
}
