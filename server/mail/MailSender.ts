import type { Logger } from '../logger';
import type { ClaimedMail, OutboxStore } from '../store/OutboxStore';
import { HOUR_MS } from './Outbox';
import { SMTP_CONNECTIONS, type MailTransport } from './smtpTransport';
import { smtpFailure } from './smtpFailure';

// Delivers the outbox. Each pass claims the due mails (marks them "sending" in one
// transaction), hands each to the mail server and marks it "sent" by its id once the
// server accepted it. A mail server that cannot be reached or answers "try later"
// puts the mail back with a wait that doubles after each attempt; one that refuses the
// mail for good (5xx) marks it failed with its answer. A crash between the server's
// acceptance and the mark leaves the mail "sending": the next start sends it again
// with the same Message-ID, the one case in which a mail can arrive twice.

export interface MailSenderOptions {
  outbox: OutboxStore;
  /** null: no SMTP_URL; mails are kept in the outbox and written to the log. */
  transport: MailTransport | null;
  /** The From header. */
  from: () => string;
  logger: Logger;
  now: () => number;
  /** The wait after the first failed attempt (MAIL_RETRY_SECONDS); doubled after each, up to an hour. */
  retryBaseMs: number;
  /** The longest wait between attempts (an hour). */
  retryMaxMs?: number;
  /** A mail not delivered this long after it was queued is marked failed. */
  giveUpAfterMs?: number;
  /** How often the table is read for mails queued elsewhere (the command line) and retries that came due. */
  pollMs?: number;
  batchSize?: number;
  /**
   * Several processes send from this outbox (PostgreSQL): a mail "sending" may be another
   * process's at work, so only those claimed more than SENDING_STALE_MS ago are taken
   * back, at every pass. Alone on it, a sender takes back every one at its start.
   */
  shared?: boolean;
}

/** Far longer than a mail server takes to answer (the transport gives up after a minute). */
export const SENDING_STALE_MS = 10 * 60_000;

export const GIVE_UP_AFTER_MS = 48 * HOUR_MS;

/** The wait before attempt n+1 after n failed ones. */
export const retryDelay = (base: number, attempts: number, max = HOUR_MS) => Math.min(base * 2 ** Math.max(0, attempts - 1), max);

export class MailSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = false;
  private started = false;
  private outage = false;

  constructor(private readonly options: MailSenderOptions) {}

  /** Starts polling; the first pass takes back what a stopped process left "sending". */
  start(): void {
    this.schedule(0);
  }

  /** Sends what is due now rather than at the next poll (a mail was just queued here). */
  wake(): void {
    if (!this.stopped) this.schedule(0);
  }

  /** One pass: sends every due mail; resolves with how many were handled. */
  tick(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => {});
    this.options.transport?.close();
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tick()
        .catch((err) => this.options.logger.error('sending mail failed', { err }))
        .finally(() => {
          if (!this.stopped && !this.timer) this.schedule(this.options.pollMs ?? 1000);
        });
    }, ms);
    this.timer.unref?.();
  }

  private async reclaim(): Promise<void> {
    const { outbox, logger, now, shared } = this.options;
    if (this.started && !shared) return;
    this.started = true;
    const back = await outbox.reclaimSending(shared ? now() - SENDING_STALE_MS : Number.MAX_SAFE_INTEGER);
    if (back) logger.warn('mails left "sending" by a stopped sender are sent again (same Message-ID)', { mails: back });
  }

  private async drain(): Promise<number> {
    await this.reclaim();
    let handled = 0;
    do {
      this.again = false;
      for (;;) {
        const batch = await this.options.outbox.claimDue(this.options.now(), this.options.batchSize ?? 50);
        if (batch.length === 0) break;
        handled += batch.length;
        if (!(await this.sendBatch(batch))) return handled;
      }
    } while (this.again && !this.stopped);
    return handled;
  }

  /** Sends a claimed batch a few at a time; false when the mail server went away (the rest wait). */
  private async sendBatch(batch: ClaimedMail[]): Promise<boolean> {
    let next = 0;
    let retryAt: number | null = null;
    const worker = async () => {
      while (next < batch.length) {
        const mail = batch[next++];
        if (retryAt !== null) await this.options.outbox.release(mail.id, retryAt);
        else {
          const at = await this.deliver(mail);
          if (at !== null) retryAt = at;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(SMTP_CONNECTIONS, batch.length) }, worker));
    return retryAt === null;
  }

  /** Sends one mail and records what became of it; returns the retry time when the server is unreachable. */
  private async deliver(mail: ClaimedMail): Promise<number | null> {
    const { outbox, transport, logger, now } = this.options;
    const person = mail.person;
    if (!person) return await outbox.markCancelled(mail.id, 'the person no longer exists'), null;
    if (!person.active) return await outbox.markCancelled(mail.id, 'the person is deactivated'), null;
    if (person.optedOut) return await outbox.markCancelled(mail.id, 'the person switched this kind of mail off'), null;
    if (!transport) {
      await outbox.markKept(mail.id);
      logger.info('mail kept, not sent: no SMTP_URL is set (the secretariat sees it on Utkorg)', {
        id: mail.id,
        to: person.email,
        subject: mail.subject,
        text: mail.text,
      });
      return null;
    }
    try {
      await transport.send({
        from: this.options.from(),
        to: { name: person.name, address: person.email },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: {
          'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
        },
      });
    } catch (err) {
      return this.failed(mail, err);
    }
    await outbox.markSent(mail.id, now(), person.email, person.name);
    if (this.outage) {
      this.outage = false;
      logger.info('the mail server takes mails again');
    }
    return null;
  }

  private async failed(mail: ClaimedMail, err: unknown): Promise<number | null> {
    const { outbox, logger, now, retryBaseMs } = this.options;
    const failure = smtpFailure(err);
    const attempts = mail.attempts + 1;
    const at = now() + retryDelay(retryBaseMs, attempts, this.options.retryMaxMs);
    if (failure.permanent) {
      await outbox.markFailed(mail.id, failure.answer);
      logger.warn('the mail server refused a mail', { id: mail.id, answer: failure.answer });
      return null;
    }
    if (at - mail.createdAt > (this.options.giveUpAfterMs ?? GIVE_UP_AFTER_MS)) {
      await outbox.markFailed(mail.id, `${failure.answer} (gave up after ${attempts} attempts)`);
      logger.warn('a mail could not be delivered in time and is marked failed', { id: mail.id, answer: failure.answer });
      return null;
    }
    await outbox.markRetry(mail.id, at, failure.answer);
    if (!failure.unreachable) return null;
    if (!this.outage) logger.warn('the mail server cannot be reached; mails wait and are tried again', { answer: failure.answer });
    this.outage = true;
    return at;
  }
}
