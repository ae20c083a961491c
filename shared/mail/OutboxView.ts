import type { MailKind } from './MailKind';

// A mail in the outbox as the secretariat's Utkorg page reads it (GET /api/mail/outbox).

export type MailState = 'waiting' | 'sending' | 'sent' | 'failed' | 'kept' | 'held' | 'gathered' | 'cancelled';

export interface MailSummary {
  id: number;
  userId: string | null;
  kind: MailKind;
  toAddress: string;
  toName: string;
  subject: string;
  state: MailState;
  attempts: number;
  nextAttemptAt: number;
  /** The mail server's last answer, or why the mail is not sent. */
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

/** Mails the secretariat can send again: refused ones, and ones kept while no mail server was set. */
export const canResend = (state: MailState) => state === 'failed' || state === 'kept';
