import type { Logger } from '../logger';
import { storageFaultOf } from '../store/storageFault';

/**
 * Whether the database takes changes. A full disk or a read-only file makes every
 * change fail the same way, many times a second with several people editing; the log
 * says so once when it starts, with what to look at, and once when changes are stored
 * again. Each refused change is still logged by the connection that sent it.
 */
export class StorageHealth {
  private since: number | null = null;
  private refused = 0;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** True from a refused change until the next stored one. */
  get failing(): boolean {
    return this.since !== null;
  }

  refusedChange(err: unknown): void {
    this.refused++;
    if (this.since !== null) return;
    this.since = this.now();
    const fault = storageFaultOf(err);
    this.logger.error(
      `the database refuses changes${fault ? ` (${fault.hint})` : ''}: edits are refused and their senders told so ` +
        'until it takes them again; reading goes on and nothing stored is lost',
      { code: fault?.code ?? (err as { code?: unknown })?.code, err },
    );
  }

  storedChange(): void {
    if (this.since === null) return;
    const seconds = Math.round((this.now() - this.since) / 1000);
    this.logger.info('the database takes changes again', { refusedChanges: this.refused, seconds });
    this.since = null;
    this.refused = 0;
  }
}
