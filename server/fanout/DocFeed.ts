import type { Logger } from '../logger';
import type { RowsAfter } from '../store/PostgresDocStore';
import type { FanoutMessage } from './fanoutMessage';
import type { RedisFanout } from './RedisFanout';

/** What a feed does with what other processes committed: the loaded document applies it and sends it on. */
export interface FeedTarget {
  /** Updates already stored by another process, numbered up to `lastSeq`: apply and send to this process's clients, never store again. */
  applyStored(updates: Uint8Array[], lastSeq: number): void;
  applyPresence(update: Uint8Array): void;
}

export interface FeedDeps {
  store: { rowsAfter(docName: string, seq: number): Promise<RowsAfter> };
  fanout: Pick<RedisFanout, 'subscribe' | 'publishUpdates' | 'publishPresence'>;
  target: FeedTarget;
  logger: Logger;
  /** How long a hole in the sequence may wait for its message before it is read from the database. */
  holeWaitMs?: number;
}

/**
 * One loaded document's link to the other processes. It passes on what this process
 * committed and applies what the others did, keeping track of the document's sequence
 * numbers seen so far. A message that skips numbers means messages were lost: the rows
 * after the last number seen are read from the database first, then the feed goes on.
 * Numbers committed here beyond a hole are normal (another process committed in between
 * and its message is on its way); if the hole stays, it is read from the database too.
 * Messages are handled one at a time, in the order they came.
 */
export class DocFeed {
  private lastSeq: number;
  /** Ranges committed here that lie beyond a hole, in order. */
  private ahead: Array<[number, number]> = [];
  private queue: Promise<void> = Promise.resolve();
  private holeTimer: NodeJS.Timeout | null = null;
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(
    private readonly docName: string,
    lastSeq: number,
    private readonly deps: FeedDeps,
  ) {
    this.lastSeq = lastSeq;
    this.unsubscribe = deps.fanout.subscribe(docName, (message) => this.enqueue(() => this.received(message)));
  }

  /** The newest sequence number this process has, with none missing before it. */
  get seenUpTo(): number {
    return this.lastSeq;
  }

  /** This process committed the updates numbered firstSeq…lastSeq: the others hear of them. */
  committed(firstSeq: number, lastSeq: number, updates: Uint8Array[]): void {
    this.deps.fanout.publishUpdates(this.docName, firstSeq, lastSeq, updates);
    this.note(firstSeq, lastSeq);
  }

  presence(update: Uint8Array): void {
    this.deps.fanout.publishPresence(this.docName, update);
  }

  /** Reads what was committed after the last number seen (after Redis was away). */
  catchUp(): Promise<void> {
    return this.enqueue(() => this.readMissed());
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    if (this.holeTimer) clearTimeout(this.holeTimer);
  }

  private enqueue(work: () => Promise<void> | void): Promise<void> {
    this.queue = this.queue.then(
      () => (this.closed ? undefined : work()),
      () => undefined,
    );
    return this.queue.catch((err) => this.deps.logger.error('could not read the changes of another process', { doc: this.docName, err }));
  }

  private async received(message: FanoutMessage): Promise<void> {
    if (message.kind === 'presence') return this.deps.target.applyPresence(message.update);
    if (message.lastSeq <= this.lastSeq) return;
    if (message.firstSeq > this.lastSeq + 1) return this.readMissed();
    this.deps.target.applyStored(message.updates, message.lastSeq);
    this.note(message.firstSeq, message.lastSeq);
  }

  private async readMissed(): Promise<void> {
    const rows = await this.deps.store.rowsAfter(this.docName, this.lastSeq);
    if (this.closed) return;
    if (rows.updates.length) this.deps.target.applyStored(rows.updates, rows.lastSeq);
    this.note(this.lastSeq + 1, rows.lastSeq);
  }

  private note(firstSeq: number, lastSeq: number): void {
    if (lastSeq <= this.lastSeq) return;
    if (firstSeq <= this.lastSeq + 1) this.lastSeq = lastSeq;
    else this.ahead = [...this.ahead, [firstSeq, lastSeq] as [number, number]].sort((a, b) => a[0] - b[0]);
    // Ranges committed here that the sequence has now reached.
    while (this.ahead.length && this.ahead[0][0] <= this.lastSeq + 1) this.lastSeq = Math.max(this.lastSeq, this.ahead.shift()![1]);
    this.ahead = this.ahead.filter(([, last]) => last > this.lastSeq);
    this.watchHole();
  }

  private watchHole(): void {
    if (this.ahead.length === 0) {
      if (this.holeTimer) clearTimeout(this.holeTimer);
      this.holeTimer = null;
      return;
    }
    this.holeTimer ??= setTimeout(() => {
      this.holeTimer = null;
      if (this.ahead.length) void this.catchUp();
    }, this.deps.holeWaitMs ?? 1000).unref();
  }
}
