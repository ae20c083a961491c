import { randomUUID } from 'node:crypto';
import { headerText } from '../../shared/mail/headerText';
import type { MailEvent } from '../../shared/mail/MailEvent';
import { unsubscribeLink } from '../../shared/mail/mailLinks';
import { mainLink, renderMail } from '../../shared/mail/renderMail';
import { MailPreferenceStore } from '../store/MailPreferenceStore';
import { OutboxStore } from '../store/OutboxStore';
import type { Sql } from '../store/sql/Sql';
import { unsubscribeToken } from './unsubscribeToken';

// Queues mails. Queue through `on(tx)`, the transaction of the event that causes the
// mail: the event and its mails are stored together or not at all. The sender (MailSender)
// delivers them later, from this process or, for mails queued by the command line,
// from the running server, which polls the table.

export interface MailContext {
  /** PUBLIC_ORIGIN; read when a mail is made (a server on port 0 learns it once listening). */
  publicOrigin(): string;
  now(): number;
  /** Mails a person may get in any 60 minutes (MAIL_MAX_PER_HOUR); see docs/mail.md. */
  maxPerHour: number;
  /** For times in the mails' text; the server's own when not given. */
  timeZone?: string;
}

/** What became of a mail: queued to be sent, held for the digest, or not made (and why). */
export type QueueResult =
  | { queued: true; id: number; held: boolean }
  | { queued: false; reason: 'unknown_person' | 'deactivated' | 'unsubscribed' };

export const HOUR_MS = 60 * 60 * 1000;

/** Needed to get in, and at most one a day: never held back by the hourly limit. */
const UNLIMITED = new Set<MailEvent['kind']>(['sign_in_link', 'digest']);

export class Outbox {
  readonly store: OutboxStore;
  readonly preferences: MailPreferenceStore;

  constructor(
    readonly sql: Sql,
    readonly context: MailContext,
    private readonly listeners = new Set<() => void>(),
  ) {
    this.store = new OutboxStore(sql);
    this.preferences = new MailPreferenceStore(sql);
  }

  /** The same outbox writing through `tx`, the transaction of the event that causes the mails. */
  on(tx: Sql): Outbox {
    return new Outbox(tx, this.context, this.listeners);
  }

  /** Called after a mail was queued in this process, so the sender need not wait for its next poll. */
  onQueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async unsubscribeUrl(userId: string, kind: MailEvent['kind']): Promise<string> {
    return unsubscribeLink(this.context.publicOrigin(), unsubscribeToken(await this.preferences.secret(), userId, kind));
  }

  /** Renders the mail about `event` for one person in their language and stores it. */
  async queue(userId: string, event: MailEvent): Promise<QueueResult> {
    const person = await this.preferences.recipient(userId);
    if (!person) return { queued: false, reason: 'unknown_person' };
    if (!person.active) return { queued: false, reason: 'deactivated' };
    // The digest decides by its frequency itself; it also carries mails held back by the limit.
    if (event.kind !== 'digest' && (await this.preferences.isOptedOut(userId, event.kind))) return { queued: false, reason: 'unsubscribed' };
    const now = this.context.now();
    const origin = this.context.publicOrigin();
    const unsubscribeUrl = await this.unsubscribeUrl(userId, event.kind);
    const mail = renderMail(event, person.language, { origin, recipientName: person.name, unsubscribeUrl, timeZone: this.context.timeZone });
    const held = !UNLIMITED.has(event.kind) && (await this.store.countRecent(userId, now - HOUR_MS)) >= this.context.maxPerHour;
    const id = await this.store.insert({
      messageId: `<${randomUUID()}@${new URL(origin).hostname || 'planbord'}>`,
      userId,
      kind: event.kind,
      toAddress: person.email,
      toName: headerText(person.name),
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      unsubscribeUrl,
      link: mainLink(event, origin),
      state: held ? 'held' : 'waiting',
      createdAt: now,
    });
    if (!held) for (const listener of this.listeners) listener();
    return { queued: true, id, held };
  }

  /** The same event for several people; each gets their own mail in their own language. */
  async queueAll(userIds: Iterable<string>, event: MailEvent): Promise<QueueResult[]> {
    const results: QueueResult[] = [];
    for (const id of new Set(userIds)) results.push(await this.queue(id, event));
    return results;
  }
}
