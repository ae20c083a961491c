import type { Logger } from '../logger';
import type { CompactResult, UpdateLog } from '../store/DocStore';

/**
 * A merge takes at most this share of the time while changes keep coming: each merge
 * reads the whole document, so under sustained writes merging every 500 rows cost more
 * than storing the changes themselves (75 of 130 µs per stored change for a 60 kB plan
 * at 6,000 changes a second). Spaced this way, the rows between two merges grow with
 * the rate of changes and the size of the document, and merging stays a small part.
 */
const MERGE_SPACING = 20;

/**
 * What storage holds of one loaded document, as far as this process knows, and its
 * compaction: once there are more rows than the threshold they are merged into one,
 * after the change that crossed it has been sent on, and no sooner than twenty times
 * the last merge's duration after that merge began.
 */
export class StoredRows {
  /** False once storage holds rows this process did not apply (then the rows are merged, never memory). */
  private memoryMatchesRows = true;
  private scheduled = false;
  private merging = false;
  private stopped = false;
  /** When the next merge may begin (see MERGE_SPACING). */
  private nextMergeAt = 0;

  constructor(
    private readonly name: string,
    private readonly docs: UpdateLog,
    private readonly threshold: number,
    private readonly logger: Logger,
    /** The document's whole state, built from exactly the rows counted here. */
    private readonly liveState: () => Uint8Array,
    private count: number,
    private lastId: number,
  ) {}

  /** The rows storage holds as far as this process knows. */
  get rowsCounted(): number {
    return this.count;
  }

  /** Counts rows just committed, and compacts soon if they are past the threshold. */
  added(rows: number, lastId: number): void {
    if (lastId) this.lastId = Math.max(this.lastId, lastId);
    this.count += rows;
    if (this.scheduled || this.count <= this.threshold) return;
    this.scheduled = true;
    // After the current messages are sent on, so compaction never delays a broadcast.
    const wait = this.nextMergeAt - Date.now();
    if (wait > 0) setTimeout(this.compactWhenDue, wait).unref();
    else setImmediate(this.compactWhenDue);
  }

  private readonly compactWhenDue = () => {
    this.scheduled = false;
    this.compactInBackground();
  };

  /**
   * While the document is in use, the rows are merged on another thread and replaced in
   * one short transaction: a plan of megabytes takes tens of milliseconds to merge and
   * check, which would hold up every change meanwhile.
   */
  private compactInBackground(): void {
    if (!this.docs.compactInBackground) return this.compactIfDue();
    if (this.merging || this.stopped || this.count <= this.threshold) return;
    this.settle(this.docs.compactInBackground(this.name, this.lastId, this.threshold), this.lastId);
  }

  /** Counts what a merge in the background removed, once it is done. */
  private settle(merge: Promise<CompactResult>, upTo: number): void {
    this.merging = true;
    const started = Date.now();
    merge
      .then(
        (result) => {
          // Where other processes add rows and compact them too, storage's count of the
          // rows up to `upTo` is the one to go on; each row after it (numbered one by one)
          // was counted here as it came, also while the merge ran.
          if (result.rowsUpTo !== undefined) this.count = result.rowsUpTo + Math.max(0, this.lastId - upTo);
          else if (result.rowsBefore > 1) this.count -= result.rowsBefore - 1;
        },
        (err) => this.logger.error('compaction failed', { doc: this.name, err }),
      )
      .finally(() => {
        this.merging = false;
        this.nextMergeAt = started + MERGE_SPACING * (Date.now() - started);
        // Rows that arrived during the merge may be past the threshold again.
        this.added(0, 0);
      });
  }

  /** Merges the rows into one if there are more than the threshold. Never throws. */
  compactIfDue(): void {
    if (this.stopped || this.count <= this.threshold) return;
    const live = this.memoryMatchesRows ? { state: this.liveState(), rowCount: this.count, lastId: this.lastId } : undefined;
    try {
      const result = this.docs.compact(this.name, live);
      // A store that writes asynchronously merges in the background, as compactInBackground does.
      if (result instanceof Promise) return this.settle(result, this.lastId);
      if (live && !result.usedLiveState) this.memoryMatchesRows = false;
      this.count = Math.min(this.count, 1);
    } catch (err) {
      // The rows are still there; compaction is tried again after the next update.
      this.logger.error('compaction failed', { doc: this.name, err });
    }
  }

  /** Memory no longer matches the rows (the document is discarded or destroyed). */
  stop(): void {
    this.stopped = true;
  }
}
