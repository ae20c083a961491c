import type { MailKind } from '../../shared/mail/MailKind';
import type { MailState, MailSummary } from '../../shared/mail/OutboxView';
import type { Sql } from './sql/Sql';

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
  'user_id AS "userId"',
  'kind',
  'to_address AS "toAddress"',
  'to_name AS "toName"',
  'subject',
  'state',
  'attempts',
  'next_attempt_at AS "nextAttemptAt"',
  'last_error AS "lastError"',
  'created_at AS "createdAt"',
  'sent_at AS "sentAt"',
];
const RECORD_COLUMNS = [
  ...SUMMARY_COLUMNS,
  'message_id AS "messageId"',
  'text_body AS text',
  'html_body AS html',
  'unsubscribe_url AS "unsubscribeUrl"',
  'link',
];
const SUMMARY = SUMMARY_COLUMNS.join(', ');
const RECORD = RECORD_COLUMNS.join(', ');

/** Kinds that count towards a person's hourly limit: not sign-in links (needed to get in) nor the digest (it gathers the rest). */
const LIMITED = `kind NOT IN ('sign_in_link', 'digest')`;

const CLAIMED = `SELECT ${RECORD_COLUMNS.map((c) => `o.${c}`).join(', ')},
    u.email AS "personEmail", u.name AS "personName", u.active AS "personActive",
    (SELECT count(*) FROM mail_optouts x WHERE x.user_id = o.user_id AND x.kind = o.kind) AS "optedOut"
  FROM mail_outbox o LEFT JOIN users u ON u.id = o.user_id WHERE o.id = ?`;

const END = `UPDATE mail_outbox SET state = ?, attempts = attempts + ?, last_error = ?, sending_since = NULL WHERE id = ? AND state = 'sending'`;

export class OutboxStore {
  constructor(private readonly sql: Sql) {}

  async insert(mail: NewMail): Promise<number> {
    const row = await this.sql.get<{ id: number }>(
      `INSERT INTO mail_outbox (message_id, user_id, kind, to_address, to_name, subject, text_body, html_body, unsubscribe_url, link,
         state, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [mail.messageId, mail.userId, mail.kind, mail.toAddress, mail.toName, mail.subject, mail.text, mail.html, mail.unsubscribeUrl, mail.link, mail.state, mail.createdAt, mail.createdAt],
    );
    return row!.id;
  }

  /** Mails of limited kinds queued for the person after `since`, held ones not counted. */
  async countRecent(userId: string, since: number): Promise<number> {
    const row = await this.sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM mail_outbox WHERE user_id = ? AND created_at > ? AND ${LIMITED} AND state NOT IN ('held', 'gathered', 'cancelled')`,
      [userId, since],
    );
    return row!.n;
  }

  /**
   * Marks up to `limit` due mails as sending, in one transaction, and returns them with
   * their people. Senders of several processes never claim the same mail: each claim
   * names the state the mail must still be in.
   */
  claimDue(now: number, limit: number): Promise<ClaimedMail[]> {
    return this.sql.transaction(async (tx) => {
      const due = await tx.all<{ id: number }>(
        `SELECT id FROM mail_outbox WHERE state = 'waiting' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
        [now, limit],
      );
      const claimed: ClaimedMail[] = [];
      for (const { id } of due) {
        const taken = await tx.run(`UPDATE mail_outbox SET state = 'sending', sending_since = ? WHERE id = ? AND state = 'waiting'`, [now, id]);
        if (taken.changes === 1) claimed.push(await claimedRow(tx, id));
      }
      return claimed;
    });
  }

  async markSent(id: number, now: number, toAddress: string, toName: string): Promise<boolean> {
    const sent = await this.sql.run(
      `UPDATE mail_outbox SET state = 'sent', sent_at = ?, to_address = ?, to_name = ?, attempts = attempts + 1, last_error = NULL, sending_since = NULL
       WHERE id = ? AND state = 'sending'`,
      [now, toAddress, toName, id],
    );
    return sent.changes === 1;
  }

  /** A failed attempt: back to waiting until `nextAttemptAt`. */
  async markRetry(id: number, nextAttemptAt: number, error: string): Promise<void> {
    await this.sql.run(
      `UPDATE mail_outbox SET state = 'waiting', attempts = attempts + 1, next_attempt_at = ?, last_error = ?, sending_since = NULL WHERE id = ? AND state = 'sending'`,
      [nextAttemptAt, error, id],
    );
  }

  /** Not attempted after all (the mail server went away mid-batch): back to waiting, no attempt counted. */
  async release(id: number, nextAttemptAt: number): Promise<void> {
    await this.sql.run(`UPDATE mail_outbox SET state = 'waiting', next_attempt_at = ?, sending_since = NULL WHERE id = ? AND state = 'sending'`, [
      nextAttemptAt,
      id,
    ]);
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.sql.run(END, ['failed', 1, error, id]);
  }

  async markCancelled(id: number, reason: string): Promise<void> {
    await this.sql.run(END, ['cancelled', 0, reason, id]);
  }

  async markKept(id: number): Promise<void> {
    await this.sql.run(END, ['kept', 0, null, id]);
  }

  /**
   * Mails that went "sending" before `claimedBefore` go back to waiting: their sender
   * stopped before it heard the mail server's answer.
   */
  async reclaimSending(claimedBefore: number): Promise<number> {
    const back = await this.sql.run(`UPDATE mail_outbox SET state = 'waiting', sending_since = NULL WHERE state = 'sending' AND sending_since < ?`, [
      claimedBefore,
    ]);
    return back.changes;
  }

  /** A failed or kept mail is sent again, from its first attempt. */
  async resend(id: number, now: number): Promise<boolean> {
    const again = await this.sql.run(
      `UPDATE mail_outbox SET state = 'waiting', attempts = 0, next_attempt_at = ?, last_error = NULL WHERE id = ? AND state IN ('failed', 'kept')`,
      [now, id],
    );
    return again.changes === 1;
  }

  list(limit: number): Promise<MailSummary[]> {
    return this.sql.all<MailSummary>(`SELECT ${SUMMARY} FROM mail_outbox ORDER BY id DESC LIMIT ?`, [limit]);
  }

  async get(id: number): Promise<MailRecord | null> {
    return (await this.sql.get<MailRecord>(`SELECT ${RECORD} FROM mail_outbox WHERE id = ?`, [id])) ?? null;
  }

  held(userId: string): Promise<MailRecord[]> {
    return this.sql.all<MailRecord>(`SELECT ${RECORD} FROM mail_outbox WHERE user_id = ? AND state = 'held' ORDER BY id`, [userId]);
  }

  async usersWithHeld(): Promise<string[]> {
    const rows = await this.sql.all<{ user_id: string }>(`SELECT DISTINCT user_id FROM mail_outbox WHERE state = 'held' AND user_id IS NOT NULL`);
    return rows.map((r) => r.user_id);
  }

  async markGathered(ids: number[], digestId: number): Promise<void> {
    for (const id of ids) await this.sql.run(`UPDATE mail_outbox SET state = 'gathered', gathered_into = ? WHERE id = ? AND state = 'held'`, [digestId, id]);
  }

  async counts(): Promise<Partial<Record<MailState, number>>> {
    const rows = await this.sql.all<{ state: MailState; n: number }>(`SELECT state, count(*) AS n FROM mail_outbox GROUP BY state`);
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }
}

async function claimedRow(tx: Sql, id: number): Promise<ClaimedMail> {
  const row = (await tx.get(CLAIMED, [id])) as MailRecord & { personEmail: string | null; personName: string; personActive: number; optedOut: number };
  const { personEmail, personName, personActive, optedOut, ...mail } = row;
  return {
    ...mail,
    person: personEmail === null ? null : { email: personEmail, name: personName, active: personActive === 1, optedOut: optedOut > 0 },
  };
}
