import type { Database } from 'better-sqlite3';
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
  constructor(private readonly db: Database) {}

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // Users

  countUsers(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  countActive(role: Role): number {
    const row = this.db.prepare('SELECT count(*) AS n FROM users WHERE role = ? AND active = 1').get(role);
    return (row as { n: number }).n;
  }

  /** Adds a user; returns null when the email is taken. */
  createUser(user: NewUser, now: number): UserRecord | null {
    const inserted = this.db
      .prepare(
        `INSERT INTO users (id, email, name, organisation, role, active, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (email) DO NOTHING`,
      )
      .run(user.id, normaliseEmail(user.email), user.name, user.organisation, user.role, now, now);
    return inserted.changes === 1 ? this.getUser(user.id) : null;
  }

  getUser(id: string): UserRecord | null {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  /** The user with this email and their password hash, for signing in. */
  findForSignIn(email: string): { user: UserRecord; passwordHash: string | null } | null {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ?').get(normaliseEmail(email)) as UserRow | undefined;
    return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
  }

  listUsers(): UserRecord[] {
    const rows = this.db.prepare('SELECT * FROM users ORDER BY name COLLATE NOCASE, email').all() as UserRow[];
    return rows.map(toUser);
  }

  /** Applies the patch; returns null when the user is unknown or the new email is taken. */
  updateUser(id: string, patch: UserPatch, now: number): UserRecord | null {
    const current = this.getUser(id);
    if (!current) return null;
    const next = { ...current, ...patch, email: normaliseEmail(patch.email ?? current.email) };
    const taken = this.db.prepare('SELECT 1 FROM users WHERE email = ? AND id <> ?').get(next.email, id);
    if (taken) return null;
    this.db
      .prepare('UPDATE users SET email = ?, name = ?, organisation = ?, role = ?, active = ?, updated_at = ? WHERE id = ?')
      .run(next.email, next.name, next.organisation, next.role, next.active ? 1 : 0, now, id);
    return this.getUser(id);
  }

  setPasswordHash(id: string, passwordHash: string, now: number): void {
    this.db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(passwordHash, now, id);
  }

  // Sessions

  createSession(idHash: string, userId: string, now: number): void {
    this.db.prepare('INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)').run(idHash, userId, now, now);
  }

  findSession(idHash: string): SessionRecord | null {
    const row = this.db.prepare('SELECT user_id, created_at, last_seen_at FROM sessions WHERE id_hash = ?').get(idHash) as
      | { user_id: string; created_at: number; last_seen_at: number }
      | undefined;
    return row ? { userId: row.user_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at } : null;
  }

  touchSession(idHash: string, now: number): void {
    this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(now, idHash);
  }

  deleteSession(idHash: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  deleteSessionsOf(userId: string, exceptIdHash = ''): void {
    this.db.prepare('DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?').run(userId, exceptIdHash);
  }

  /** Removes sessions idle since before `idleBefore` or started before `startedBefore`. */
  deleteExpiredSessions(idleBefore: number, startedBefore: number): void {
    this.db.prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?').run(idleBefore, startedBefore);
  }

  // Sign-in links

  /** Stores a new link for the user and retires every unused link made before it. */
  createLink(tokenHash: string, userId: string, purpose: LinkPurpose, createdBy: string | null, now: number, expiresAt: number): void {
    this.transaction(() => {
      this.db.prepare('UPDATE sign_in_links SET used_at = ? WHERE user_id = ? AND used_at IS NULL').run(now, userId);
      this.db
        .prepare('INSERT INTO sign_in_links (token_hash, user_id, purpose, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(tokenHash, userId, purpose, createdBy, now, expiresAt);
    });
  }

  findLink(tokenHash: string): LinkRecord | null {
    const row = this.db.prepare('SELECT user_id, purpose, expires_at, used_at FROM sign_in_links WHERE token_hash = ?').get(tokenHash) as
      | { user_id: string; purpose: LinkPurpose; expires_at: number; used_at: number | null }
      | undefined;
    return row ? { userId: row.user_id, purpose: row.purpose, expiresAt: row.expires_at, usedAt: row.used_at } : null;
  }

  /** Marks the link used if it still can be; true when this call was the one to use it. */
  useLink(tokenHash: string, now: number): boolean {
    const result = this.db
      .prepare('UPDATE sign_in_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?')
      .run(now, tokenHash, now);
    return result.changes === 1;
  }

  /** When the user's open invitation or reset link expires, if they have one. */
  openLinkExpiry(userId: string, now: number): number | null {
    const row = this.db
      .prepare('SELECT max(expires_at) AS e FROM sign_in_links WHERE user_id = ? AND used_at IS NULL AND expires_at > ?')
      .get(userId, now) as { e: number | null };
    return row.e;
  }

  // Failed sign-ins

  recordFailure(email: string, address: string, now: number): void {
    this.db.prepare('INSERT INTO sign_in_failures (email, address, at) VALUES (?, ?, ?)').run(normaliseEmail(email), address, now);
  }

  /** Failures since `since` for the email and for the address, and the oldest of each. */
  failuresSince(email: string, address: string, since: number) {
    const count = (column: 'email' | 'address', value: string) =>
      this.db.prepare(`SELECT count(*) AS n, min(at) AS oldest FROM sign_in_failures WHERE ${column} = ? AND at >= ?`).get(value, since) as {
        n: number;
        oldest: number | null;
      };
    return { email: count('email', normaliseEmail(email)), address: count('address', address) };
  }

  clearFailuresOf(email: string): void {
    this.db.prepare('DELETE FROM sign_in_failures WHERE email = ?').run(normaliseEmail(email));
  }

  deleteFailuresBefore(before: number): void {
    this.db.prepare('DELETE FROM sign_in_failures WHERE at < ?').run(before);
  }
}
