import type Database from 'better-sqlite3';
import type { DigestFrequency, MailKind, MailLanguage } from '../../shared/mail/MailKind';

// The only SQL for what people want by mail (migration 010_mail_preferences.sql): their
// language, the kinds they switched off, their digest, and the key of unsubscribe links.

export interface MailRecipient {
  id: string;
  email: string;
  name: string;
  active: boolean;
  language: MailLanguage;
}

export interface DigestState {
  frequency: DigestFrequency;
  /** The scheduled moment of the last digest handled, and up to when it covered. */
  slot: number | null;
  until: number | null;
}

/** Everyone who never chose gets a weekly digest. */
export const DEFAULT_DIGEST: DigestFrequency = 'weekly';

export class MailPreferenceStore {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      recipient: db.prepare(`SELECT id, email, name, active, coalesce(language, 'sv') AS language FROM users WHERE id = ?`),
      chosenLanguage: db.prepare('SELECT language FROM users WHERE id = ?').pluck(),
      setLanguage: db.prepare('UPDATE users SET language = ? WHERE id = ?'),
      optedOut: db.prepare('SELECT 1 FROM mail_optouts WHERE user_id = ? AND kind = ?').pluck(),
      optouts: db.prepare('SELECT kind FROM mail_optouts WHERE user_id = ?').pluck(),
      optOut: db.prepare('INSERT INTO mail_optouts (user_id, kind, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      optIn: db.prepare('DELETE FROM mail_optouts WHERE user_id = ? AND kind = ?'),
      digest: db.prepare('SELECT frequency, slot, until FROM mail_digests WHERE user_id = ?'),
      setFrequency: db.prepare(
        `INSERT INTO mail_digests (user_id, frequency) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET frequency = excluded.frequency`,
      ),
      recordDigest: db.prepare(
        `INSERT INTO mail_digests (user_id, frequency, slot, until) VALUES (?, '${DEFAULT_DIGEST}', ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET slot = excluded.slot, until = excluded.until`,
      ),
      digestPeople: db.prepare(
        `SELECT u.id, coalesce(d.frequency, '${DEFAULT_DIGEST}') AS frequency, d.slot, d.until
         FROM users u LEFT JOIN mail_digests d ON d.user_id = u.id WHERE u.active = 1 ORDER BY u.id`,
      ),
      secret: db.prepare('SELECT secret FROM mail_keys WHERE id = 1').pluck(),
    };
  }

  recipient(userId: string): MailRecipient | null {
    const row = this.q.recipient.get(userId) as (Omit<MailRecipient, 'active'> & { active: number }) | undefined;
    return row ? { ...row, active: row.active === 1 } : null;
  }

  /** The language the person chose, or null if they never did. */
  chosenLanguage(userId: string): MailLanguage | null {
    return (this.q.chosenLanguage.get(userId) as MailLanguage | null | undefined) ?? null;
  }

  setLanguage(userId: string, language: MailLanguage): void {
    this.q.setLanguage.run(language, userId);
  }

  isOptedOut(userId: string, kind: MailKind): boolean {
    if (kind === 'digest') return this.digest(userId).frequency === 'off';
    return this.q.optedOut.get(userId, kind) !== undefined;
  }

  optouts(userId: string): Set<MailKind> {
    return new Set(this.q.optouts.all(userId) as MailKind[]);
  }

  /** Switches a kind on or off; switching the digest off sets its frequency to off. */
  setKind(userId: string, kind: MailKind, on: boolean, now: number): void {
    if (kind === 'digest') {
      if (!on) this.setFrequency(userId, 'off');
      else if (this.digest(userId).frequency === 'off') this.setFrequency(userId, DEFAULT_DIGEST);
      return;
    }
    if (on) this.q.optIn.run(userId, kind);
    else this.q.optOut.run(userId, kind, now);
  }

  digest(userId: string): DigestState {
    return (this.q.digest.get(userId) as DigestState | undefined) ?? { frequency: DEFAULT_DIGEST, slot: null, until: null };
  }

  setFrequency(userId: string, frequency: DigestFrequency): void {
    this.q.setFrequency.run(userId, frequency);
  }

  recordDigest(userId: string, slot: number, until: number): void {
    this.q.recordDigest.run(userId, slot, until);
  }

  /** Every active person with their digest state, for the scheduler. */
  digestPeople(): Array<DigestState & { id: string }> {
    return this.q.digestPeople.all() as Array<DigestState & { id: string }>;
  }

  /** The key that signs unsubscribe links (made by the migration). */
  secret(): Buffer {
    return this.q.secret.get() as Buffer;
  }
}
