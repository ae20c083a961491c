import type { Sql } from './sql/Sql';
import type { Role } from '../../shared/auth/roles';

// The only SQL for people: users, sessions, sign-in links and failed sign-ins
// (migration 002_people.sql). Times are milliseconds since the epoch, handed in by
// the caller so that one clock rules every decision.

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  organisation: string;
  role: Role;
  active: boolean;
  hasPassword: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface NewUser {
  id: string;
  email: string;
  name: string;
  organisation: string;
  role: Role;
}

export type UserPatch = Partial<Pick<UserRecord, 'email' | 'name' | 'organisation' | 'role' | 'active'>>;

export interface SessionRecord {
  userId: string;
  createdAt: number;
  lastSeenAt: number;
}

export type LinkPurpose = 'invite' | 'reset';

export interface LinkRecord {
  userId: string;
  purpose: LinkPurpose;
  expiresAt: number;
  usedAt: number | null;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  organisation: string;
  role: Role;
  active: number;
  password_hash: string | null;
  created_at: number;
  updated_at: number;
}

const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  organisation: row.organisation,
  role: row.role,
  active: row.active === 1,
  hasPassword: row.password_hash !== null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Emails are compared and stored trimmed and lower-cased. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export class PeopleStore {
  constructor(readonly sql: Sql) {}

  /** Runs fn in one transaction with a store bound to it. */
  transaction<T>(fn: (people: PeopleStore) => Promise<T>): Promise<T> {
    return this.sql.transaction((tx) => fn(new PeopleStore(tx)));
  }

  // Users

  async countUsers(): Promise<number> {
    return (await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM users'))!.n;
  }

  async countActive(role: Role): Promise<number> {
    return (await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM users WHERE role = ? AND active = 1', [role]))!.n;
  }

  /** Adds a user; returns null when the email is taken. */
  async createUser(user: NewUser, now: number): Promise<UserRecord | null> {
    const inserted = await this.sql.run(
      `INSERT INTO users (id, email, name, organisation, role, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (email) DO NOTHING`,
      [user.id, normaliseEmail(user.email), user.name, user.organisation, user.role, now, now],
    );
    return inserted.changes === 1 ? this.getUser(user.id) : null;
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const row = await this.sql.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]);
    return row ? toUser(row) : null;
  }

  /** The user with this email and their password hash, for signing in. */
  async findForSignIn(email: string): Promise<{ user: UserRecord; passwordHash: string | null } | null> {
    const row = await this.sql.get<UserRow>('SELECT * FROM users WHERE email = ?', [normaliseEmail(email)]);
    return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    // lower() folds ASCII only in SQLite, as NOCASE did; PostgreSQL's folds more, which orders the same names.
    return (await this.sql.all<UserRow>('SELECT * FROM users ORDER BY lower(name), email')).map(toUser);
  }

  /** Applies the patch; returns null when the user is unknown or the new email is taken. */
  async updateUser(id: string, patch: UserPatch, now: number): Promise<UserRecord | null> {
    const current = await this.getUser(id);
    if (!current) return null;
    const next = { ...current, ...patch, email: normaliseEmail(patch.email ?? current.email) };
    const taken = await this.sql.get('SELECT 1 FROM users WHERE email = ? AND id <> ?', [next.email, id]);
    if (taken) return null;
    await this.sql.run('UPDATE users SET email = ?, name = ?, organisation = ?, role = ?, active = ?, updated_at = ? WHERE id = ?', [
      next.email,
      next.name,
      next.organisation,
      next.role,
      next.active ? 1 : 0,
      now,
      id,
    ]);
    return this.getUser(id);
  }

  async setPasswordHash(id: string, passwordHash: string, now: number): Promise<void> {
    await this.sql.run('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?', [passwordHash, now, id]);
  }

  // Sessions

  async createSession(idHash: string, userId: string, now: number): Promise<void> {
    await this.sql.run('INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)', [idHash, userId, now, now]);
  }

  async findSession(idHash: string): Promise<SessionRecord | null> {
    const row = await this.sql.get<{ user_id: string; created_at: number; last_seen_at: number }>(
      'SELECT user_id, created_at, last_seen_at FROM sessions WHERE id_hash = ?',
      [idHash],
    );
    return row ? { userId: row.user_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at } : null;
  }

  async touchSession(idHash: string, now: number): Promise<void> {
    await this.sql.run('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?', [now, idHash]);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE id_hash = ?', [idHash]);
  }

  async deleteSessionsOf(userId: string, exceptIdHash = ''): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?', [userId, exceptIdHash]);
  }

  /** Removes sessions idle since before `idleBefore` or started before `startedBefore`. */
  async deleteExpiredSessions(idleBefore: number, startedBefore: number): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?', [idleBefore, startedBefore]);
  }

  // Sign-in links

  /** Stores a new link for the user and retires every unused link made before it. */
  createLink(tokenHash: string, userId: string, purpose: LinkPurpose, createdBy: string | null, now: number, expiresAt: number): Promise<void> {
    return this.transaction(async (people) => {
      await people.sql.run('UPDATE sign_in_links SET used_at = ? WHERE user_id = ? AND used_at IS NULL', [now, userId]);
      await people.sql.run(
        'INSERT INTO sign_in_links (token_hash, user_id, purpose, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
        [tokenHash, userId, purpose, createdBy, now, expiresAt],
      );
    });
  }

  async findLink(tokenHash: string): Promise<LinkRecord | null> {
    const row = await this.sql.get<{ user_id: string; purpose: LinkPurpose; expires_at: number; used_at: number | null }>(
      'SELECT user_id, purpose, expires_at, used_at FROM sign_in_links WHERE token_hash = ?',
      [tokenHash],
    );
    return row ? { userId: row.user_id, purpose: row.purpose, expiresAt: row.expires_at, usedAt: row.used_at } : null;
  }

  /** Marks the link used if it still can be; true when this call was the one to use it. */
  async useLink(tokenHash: string, now: number): Promise<boolean> {
    const result = await this.sql.run('UPDATE sign_in_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?', [
      now,
      tokenHash,
      now,
    ]);
    return result.changes === 1;
  }

  /** When the user's open invitation or reset link expires, if they have one. */
  async openLinkExpiry(userId: string, now: number): Promise<number | null> {
    const row = await this.sql.get<{ e: number | null }>(
      'SELECT max(expires_at) AS e FROM sign_in_links WHERE user_id = ? AND used_at IS NULL AND expires_at > ?',
      [userId, now],
    );
    return row?.e ?? null;
  }

  // Failed sign-ins

  /** Inside a transaction: sign-in attempts are counted one at a time, across processes too. */
  lockFailures(): Promise<void> {
    return this.sql.lock('sign_in_failures');
  }

  async recordFailure(email: string, address: string, now: number): Promise<void> {
    await this.sql.run('INSERT INTO sign_in_failures (email, address, at) VALUES (?, ?, ?)', [normaliseEmail(email), address, now]);
  }

  /** Failures since `since` for the email and for the address, and the oldest of each. */
  async failuresSince(email: string, address: string, since: number) {
    const count = async (column: 'email' | 'address', value: string) =>
      (await this.sql.get<{ n: number; oldest: number | null }>(
        `SELECT count(*) AS n, min(at) AS oldest FROM sign_in_failures WHERE ${column} = ? AND at >= ?`,
        [value, since],
      ))!;
    return { email: await count('email', normaliseEmail(email)), address: await count('address', address) };
  }

  async clearFailuresOf(email: string): Promise<void> {
    await this.sql.run('DELETE FROM sign_in_failures WHERE email = ?', [normaliseEmail(email)]);
  }

  async deleteFailuresBefore(before: number): Promise<void> {
    await this.sql.run('DELETE FROM sign_in_failures WHERE at < ?', [before]);
  }
}
