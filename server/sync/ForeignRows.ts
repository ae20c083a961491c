import type { Logger } from '../logger';
import type { DocStore } from '../store/DocStore';
import type { SharedDoc } from './SharedDoc';

/**
 * Notices updates another process stored (the command line replacing a plan's
 * content beside the running server) and applies them to the loaded documents, which
 * send them to everyone on the document. SQLite says cheaply whether another
 * connection has committed since the last look (PRAGMA data_version); only then are
 * the new rows read. Rows this process stored itself are known by their ids and passed
 * over; between two looks without a commit from elsewhere every new row is its own.
 */
export class ForeignRows {
  private seen: number;
  private version: number;
  private readonly own = new Set<number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly docs: Pick<DocStore, 'dataVersion' | 'lastRowId' | 'rowsAfter'>,
    private readonly loaded: (name: string) => SharedDoc | undefined,
    private readonly logger: Logger,
    intervalMs: number,
  ) {
    this.seen = docs.lastRowId();
    this.version = docs.dataVersion();
    this.timer = setInterval(() => this.look(), intervalMs).unref();
  }

  /**
   * Rows this process stored (after their commit): the newest id and how many. The rows
   * of one transaction have consecutive ids, since SQLite lets one writer in at a time.
   */
  stored(lastId: number, count: number): void {
    for (let id = lastId - count + 1; id <= lastId; id++) this.own.add(id);
  }

  look(): void {
    try {
      const version = this.docs.dataVersion();
      if (version === this.version) {
        for (const id of this.own) this.seen = Math.max(this.seen, id);
        this.own.clear();
        return;
      }
      this.version = version;
      for (const row of this.docs.rowsAfter(this.seen)) {
        this.seen = row.id;
        if (this.own.delete(row.id)) continue;
        this.loaded(row.docName)?.applyStored(row.update, row.id);
      }
      for (const id of this.own) if (id <= this.seen) this.own.delete(id);
    } catch (err) {
      this.logger.error('could not read the updates stored by another process', { err });
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
