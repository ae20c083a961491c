import type { Logger } from '../logger';
import type { Clock } from './Clock';
import type { DueRun } from './RoundService';

/**
 * Closes rounds at their deadline and sends their reminders. It waits for the next
 * moment due rather than polling, looks again at least every ten minutes (a system
 * clock set forward, a machine that slept), and runs once at start: whatever fell due
 * while the server was down happens then, once, because each round records what was
 * done in the same transaction as doing it.
 */
export class RoundScheduler {
  /** Never wait longer than this: setTimeout cannot wait beyond 24.8 days, and clocks jump. */
  static readonly MAX_WAIT_MS = 10 * 60_000;
  /** After a failure (a full disk, a notice refused), try again this much later, not at once. */
  static readonly RETRY_MS = 60_000;

  private cancel: (() => void) | null = null;
  private stopped = true;
  /** Counts reschedules: one overtaken while it read the next moment sets no timer. */
  private generation = 0;

  constructor(
    private readonly service: { runDue(): DueRun | Promise<DueRun>; nextDue(): number | null | Promise<number | null> },
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  start(): Promise<void> {
    this.stopped = false;
    return this.run();
  }

  /** Something changed (a round opened, moved or closed): wait for the new next moment. */
  async reschedule(retryAfterFailure = false): Promise<void> {
    if (this.stopped) return;
    this.cancel?.();
    this.cancel = null;
    const generation = ++this.generation;
    let next: number | null;
    try {
      next = await this.service.nextDue();
    } catch (err) {
      this.logger.error('consultation rounds could not be checked; trying again', { err });
      next = this.clock.now() + RoundScheduler.RETRY_MS;
    }
    if (this.stopped || generation !== this.generation) return;
    if (next === null) return; // no round is open: opening one reschedules
    let wait = Math.min(Math.max(0, next - this.clock.now()), RoundScheduler.MAX_WAIT_MS);
    if (retryAfterFailure) wait = Math.max(wait, RoundScheduler.RETRY_MS);
    this.cancel = this.clock.setTimer(() => this.run(), wait);
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    let failed = false;
    try {
      const { closed, reminded, failed: failures } = await this.service.runDue();
      for (const roundId of closed) this.logger.info('consultation round closed at its deadline', { roundId });
      for (const roundId of reminded) this.logger.info('consultation round reminder sent', { roundId });
      for (const { roundId, err } of failures) this.logger.error('consultation round could not be closed or reminded; trying again', { roundId, err });
      failed = failures.length > 0;
    } catch (err) {
      failed = true;
      this.logger.error('consultation rounds could not be checked; trying again', { err });
    }
    await this.reschedule(failed);
  }
}
