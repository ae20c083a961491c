import type { DigestFrequency, MailKind, MailLanguage } from '../../shared/mail/MailKind';
import type { Sql } from './sql/Sql';

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
  constructor(private readonly sql: Sql) {}

  async recipient(userId: string): Promise<MailRecipient | null> {
    const row = await this.sql.get<Omit<MailRecipient, 'active'> & { active: number }>(
      `SELECT id, email, name, active, coalesce(language, 'sv') AS language FROM users WHERE id = ?`,
      [userId],
    );
    return row ? { ...row, active: row.active === 1 } : null;
  }

  /** The language the person chose, or null if they never did. */
  async chosenLanguage(userId: string): Promise<MailLanguage | null> {
    return (await this.sql.get<{ language: MailLanguage | null }>('SELECT language FROM users WHERE id = ?', [userId]))?.language ?? null;
  }

  async setLanguage(userId: string, language: MailLanguage): Promise<void> {
    await this.sql.run('UPDATE users SET language = ? WHERE id = ?', [language, userId]);
  }

  async isOptedOut(userId: string, kind: MailKind): Promise<boolean> {
    if (kind === 'digest') return (await this.digest(userId)).frequency === 'off';
    return (await this.sql.get('SELECT 1 AS yes FROM mail_optouts WHERE user_id = ? AND kind = ?', [userId, kind])) !== undefined;
  }

  async optouts(userId: string): Promise<Set<MailKind>> {
    const rows = await this.sql.all<{ kind: MailKind }>('SELECT kind FROM mail_optouts WHERE user_id = ?', [userId]);
    return new Set(rows.map((r) => r.kind));
  }

  /** Switches a kind on or off; switching the digest off sets its frequency to off. */
  async setKind(userId: string, kind: MailKind, on: boolean, now: number): Promise<void> {
    if (kind === 'digest') {
      if (!on) await this.setFrequency(userId, 'off');
      else if ((await this.digest(userId)).frequency === 'off') await this.setFrequency(userId, DEFAULT_DIGEST);
      return;
    }
    if (on) await this.sql.run('DELETE FROM mail_optouts WHERE user_id = ? AND kind = ?', [userId, kind]);
    else await this.sql.run('INSERT INTO mail_optouts (user_id, kind, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [userId, kind, now]);
  }

  async digest(userId: string): Promise<DigestState> {
    const row = await this.sql.get<DigestState>('SELECT frequency, slot, until FROM mail_digests WHERE user_id = ?', [userId]);
    return row ?? { frequency: DEFAULT_DIGEST, slot: null, until: null };
  }

  async setFrequency(userId: string, frequency: DigestFrequency): Promise<void> {
    await this.sql.run(
      'INSERT INTO mail_digests (user_id, frequency) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET frequency = excluded.frequency',
      [userId, frequency],
    );
  }

  async recordDigest(userId: string, slot: number, until: number): Promise<void> {
    await this.sql.run(
      `INSERT INTO mail_digests (user_id, frequency, slot, until) VALUES (?, '${DEFAULT_DIGEST}', ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET slot = excluded.slot, until = excluded.until`,
      [userId, slot, until],
    );
  }

  /** Every active person with their digest state, for the scheduler. */
  digestPeople(): Promise<Array<DigestState & { id: string }>> {
    return this.sql.all(
      `SELECT u.id, coalesce(d.frequency, '${DEFAULT_DIGEST}') AS frequency, d.slot, d.until
       FROM users u LEFT JOIN mail_digests d ON d.user_id = u.id WHERE u.active = 1 ORDER BY u.id`,
    );
  }

  /** The key that signs unsubscribe links (made by the migration). */
  async secret(): Promise<Buffer> {
    return (await this.sql.get<{ secret: Buffer }>('SELECT secret FROM mail_keys WHERE id = 1'))!.secret;
  }
}
