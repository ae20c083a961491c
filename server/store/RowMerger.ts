import { Worker } from 'node:worker_threads';

export interface MergedRows {
  /** The rows up to the id asked for, merged through a Y.Doc and checked to load. */
  merged: Uint8Array;
  rowCount: number;
  /** The newest row's time and id. */
  newest: number;
  lastId: number;
}

/**
 * Merges a document's stored rows on a worker thread (mergeRowsWorker.mjs), one request
 * at a time; started on first use, and never keeping the process alive. The rows are
 * read there from the SQLite file, or handed over (read from PostgreSQL).
 */
export class RowMerger {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(r: { merged: Uint8Array }): void; reject(e: Error): void }>();

  constructor(private readonly file: string | null = null) {}

  /** The SQLite file's rows of `docName` up to `upToId`, merged. */
  merge(docName: string, upToId: number): Promise<MergedRows> {
    if (!this.file) throw new Error('no database file to read the rows from');
    return this.ask<MergedRows>({ file: this.file, docName, upToId });
  }

  /** These rows, merged into one update that loads. */
  async mergeUpdates(updates: Uint8Array[]): Promise<Uint8Array> {
    return (await this.ask<{ merged: Uint8Array }>({ updates })).merged;
  }

  /** The worker answers a request for a file's rows with MergedRows, one with the rows with the merge alone. */
  private ask<T extends { merged: Uint8Array }>(request: object): Promise<T> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: (r) => resolve(r as T), reject });
      worker.ref();
      worker.postMessage({ id, request });
    });
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private start(): Worker {
    const worker = new Worker(new URL('./mergeRowsWorker.mjs', import.meta.url), { execArgv: [] });
    worker.unref();
    worker.on('message', ({ id, result, error }: { id: number; result?: { merged: Uint8Array }; error?: string }) => {
      const waiter = this.waiting.get(id);
      this.waiting.delete(id);
      if (this.waiting.size === 0) worker.unref();
      if (result) waiter?.resolve(result);
      else waiter?.reject(new Error(error));
    });
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error('the merging thread stopped'));
    });
    return worker;
  }

  private failAll(err: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(err);
    this.waiting.clear();
  }
}
