import type Database from 'better-sqlite3';
import type { MailKind } from '../../shared/mail/MailKind';
import type { MailState, MailSummary } from '../../shared/mail/OutboxView';

export type { MailState, MailSummary } from '../../shared/mail/OutboxView';

// The only SQL for the outbox (migration 011_mail_outbox.sql). Times are milliseconds
// since the epoch from the caller's clock. Every change of state names the row by id
// and the state it must still be in, so two hands can never move one mail twice.

export interface NewMail {
  messageId: string;
  userId: string;
  kind: MailKind;
  toAddress: string;
  toName: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
  link: string;
  state: 'waiting' | 'held';
  createdAt: number;
}

export interface MailRecord extends MailSummary {
  messageId: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
  link: string;
}

/** A claimed mail with its person as they are now: the sender decides on this. */
export interface ClaimedMail extends MailRecord {
  person: { email: string; name: string; active: boolean; optedOut: boolean } | null;
}

const SUMMARY_COLUMNS = [
  'id',
  'user_id AS userId',
  'kind',
  'to_address AS toAddress',
  'to_name AS toName',
  'subject',
  'state',
  'attempts',
  'next_attempt_at AS nextAttemptAt',
  'last_error AS lastError',
  'created_at AS createdAt',
  'sent_at AS sentAt',
];
const RECORD_COLUMNS = [...SUMMARY_COLUMNS, 'message_id AS messageId', 'text_body AS text', 'html_body AS html', 'unsubscribe_url AS unsubscribeUrl', 'link'];
const SUMMARY = SUMMARY_COLUMNS.join(', ');
const RECORD = RECORD_COLUMNS.join(', ');

/** Kinds that count towards a person's hourly limit: not sign-in links (needed to get in) nor the digest (it gathers the rest). */
const LIMITED = `kind NOT IN ('sign_in_link', 'digest')`;

export class OutboxStore {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      insert: db.prepare(
        `INSERT INTO mail_outbox (message_id, user_id, kind, to_address, to_name, subject, text_body, html_body, unsubscribe_url, link,
           state, next_attempt_at, created_at)
         VALUES (@messageId, @userId, @kind, @toAddress, @toName, @subject, @text, @html, @unsubscribeUrl, @link, @state, @createdAt, @createdAt)`,
      ),
      recent: db.prepare(
        `SELECT count(*) FROM mail_outbox WHERE user_id = ? AND created_at > ? AND ${LIMITED} AND state NOT IN ('held', 'gathered', 'cancelled')`,
      ).pluck(),
      due: db.prepare(`SELECT id FROM mail_outbox WHERE state = 'waiting' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`).pluck(),
      claim: db.prepare(`UPDATE mail_outbox SET state = 'sending', sending_since = ? WHERE id = ? AND state = 'waiting'`),
      claimed: db.prepare(
        `SELECT ${RECORD_COLUMNS.map((c) => `o.${c}`).join(', ')},
           u.email AS personEmail, u.name AS personName, u.active AS personActive,
           (SELECT count(*) FROM mail_optouts x WHERE x.user_id = o.user_id AND x.kind = o.kind) AS optedOut
         FROM mail_outbox o LEFT JOIN users u ON u.id = o.user_id WHERE o.id = ?`,
      ),
      sent: db.prepare(`UPDATE mail_outbox SET state = 'sent', sent_at = ?, to_address = ?, to_name = ?, attempts = attempts + 1, last_error = NULL, sending_since = NULL WHERE id = ? AND state = 'sending'`),
      retry: db.prepare(`UPDATE mail_outbox SET state = 'waiting', attempts = attempts + 1, next_attempt_at = ?, last_error = ?, sending_since = NULL WHERE id = ? AND state = 'sending'`),
      release: db.prepare(`UPDATE mail_outbox SET state = 'waiting', next_attempt_at = ?, sending_since = NULL WHERE id = ? AND state = 'sending'`),
      end: db.prepare(`UPDATE mail_outbox SET state = ?, attempts = attempts + ?, last_error = ?, sending_since = NULL WHERE id = ? AND state = 'sending'`),
      reclaim: db.prepare(`UPDATE mail_outbox SET state = 'waiting', sending_since = NULL WHERE state = 'sending'`),
      resend: db.prepare(
        `UPDATE mail_outbox SET state = 'waiting', attempts = 0, next_attempt_at = ?, last_error = NULL WHERE id = ? AND state IN ('failed', 'kept')`,
      ),
      list: db.prepare(`SELECT ${SUMMARY} FROM mail_outbox ORDER BY id DESC LIMIT ?`),
      get: db.prepare(`SELECT ${RECORD} FROM mail_outbox WHERE id = ?`),
      held: db.prepare(`SELECT ${RECORD} FROM mail_outbox WHERE user_id = ? AND state = 'held' ORDER BY id`),
      heldUsers: db.prepare(`SELECT DISTINCT user_id FROM mail_outbox WHERE state = 'held' AND user_id IS NOT NULL`).pluck(),
      gather: db.prepare(`UPDATE mail_outbox SET state = 'gathered', gathered_into = ? WHERE id = ? AND state = 'held'`),
      counts: db.prepare(`SELECT state, count(*) AS n FROM mail_outbox GROUP BY state`),
    };
  }

  insert(mail: NewMail): number {
    return Number(this.q.insert.run(mail).lastInsertRowid);
  }

  /** Mails of limited kinds queued for the person after `since`, held ones not counted. */
  countRecent(userId: string, since: number): number {
    return this.q.recent.get(userId, since) as number;
  }

  /** Marks up to `limit` due mails as sending, in one transaction, and returns them with their people. */
  claimDue(now: number, limit: number): ClaimedMail[] {
    return this.db.transaction(() => {
      const ids = this.q.due.all(now, limit) as number[];
      return ids.filter((id) => this.q.claim.run(now, id).changes === 1).map((id) => this.claimedRow(id));
    })();
  }

  private claimedRow(id: number): ClaimedMail {
    const row = this.q.claimed.get(id) as MailRecord & { personEmail: string | null; personName: string; personActive: number; optedOut: number };
    const { personEmail, personName, personActive, optedOut, ...mail } = row;
    return {
      ...mail,
      person: personEmail === null ? null : { email: personEmail, name: personName, active: personActive === 1, optedOut: optedOut > 0 },
    };
  }

  markSent(id: number, now: number, toAddress: string, toName: string): boolean {
    return this.q.sent.run(now, toAddress, toName, id).changes === 1;
  }

  /** A failed attempt: back to waiting until `nextAttemptAt`. */
  markRetry(id: number, nextAttemptAt: number, error: string): void {
    this.q.retry.run(nextAttemptAt, error, id);
  }

  /** Not attempted after all (the mail server went away mid-batch): back to waiting, no attempt counted. */
  release(id: number, nextAttemptAt: number): void {
    this.q.release.run(nextAttemptAt, id);
  }

  markFailed(id: number, error: string): void {
    this.q.end.run('failed', 1, error, id);
  }

  markCancelled(id: number, reason: string): void {
    this.q.end.run('cancelled', 0, reason, id);
  }

  markKept(id: number): void {
    this.q.end.run('kept', 0, null, id);
  }

  /**
   * Mails left "sending" by a process that stopped before it heard the mail server's
   * answer go back to waiting; the only sender runs in the server process, so at its
   * start none can be in flight.
   */
  reclaimSending(): number {
    return this.q.reclaim.run().changes;
  }

  /** A failed or kept mail is sent again, from its first attempt. */
  resend(id: number, now: number): boolean {
    return this.q.resend.run(now, id).changes === 1;
  }

  list(limit: number): MailSummary[] {
    return this.q.list.all(limit) as MailSummary[];
  }

  get(id: number): MailRecord | null {
    return (this.q.get.get(id) as MailRecord | undefined) ?? null;
  }

  held(userId: string): MailRecord[] {
    return this.q.held.all(userId) as MailRecord[];
  }

  usersWithHeld(): string[] {
    return this.q.heldUsers.all() as string[];
  }

  markGathered(ids: number[], digestId: number): void {
    for (const id of ids) this.q.gather.run(digestId, id);
  }

  counts(): Partial<Record<MailState, number>> {
    const rows = this.q.counts.all() as { state: MailState; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }
}
