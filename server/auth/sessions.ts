import type { PeopleStore, UserRecord } from '../store/PeopleStore';
import type { Role } from '../../shared/auth/roles';
import type { AuthConfig } from './authConfig';
import { hashToken, looksLikeToken, newToken } from './tokens';

// Server-side sessions. The cookie holds a random id; the database holds its hash,
// the user and when the person last did something. A session ends after
// `sessionIdleMs` without activity (sliding), after `sessionMaxAgeMs` in any case, at
// sign-out, and when the person is deactivated. What counts as activity is the
// caller's decision (docs/sign-in.md): a request the person made, or an edit arriving
// over the websocket; never what a page does by itself.

/** The signed-in person as routes and the websocket see them. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  organisation: string;
  role: Role;
}

export const toSessionUser = (u: UserRecord): SessionUser => ({
  id: u.id,
  name: u.name,
  email: u.email,
  organisation: u.organisation,
  role: u.role,
});

/** Writing last-seen on every request would turn reads into writes; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

export class Sessions {
  constructor(
    private readonly people: PeopleStore,
    private readonly config: Pick<AuthConfig, 'sessionIdleMs' | 'sessionMaxAgeMs'>,
    private readonly now: () => number,
  ) {}

  /** The same sessions on another store, e.g. one bound to a transaction. */
  on(people: PeopleStore): Sessions {
    return new Sessions(people, this.config, this.now);
  }

  /** Starts a session and returns the id for the cookie. */
  async start(userId: string): Promise<string> {
    const token = newToken();
    const now = this.now();
    await this.people.deleteExpiredSessions(now - this.config.sessionIdleMs, now - this.config.sessionMaxAgeMs);
    await this.people.createSession(hashToken(token), userId, now);
    return token;
  }

  /**
   * The active person behind a cookie value, or null. `activity` says whether this use
   * was the person doing something, which restarts the idle time.
   */
  async resolve(token: string | undefined, activity: boolean): Promise<SessionUser | null> {
    if (!looksLikeToken(token)) return null;
    const idHash = hashToken(token);
    const session = await this.people.findSession(idHash);
    if (!session) return null;
    const now = this.now();
    const user = await this.people.getUser(session.userId);
    const expired = now - session.lastSeenAt >= this.config.sessionIdleMs || now - session.createdAt >= this.config.sessionMaxAgeMs;
    if (expired || !user?.active) {
      // Gone already is as good: another request (or process) may have removed it.
      await this.people.deleteSession(idHash).catch(() => {});
      return null;
    }
    if (activity && now - session.lastSeenAt >= TOUCH_EVERY_MS) {
      try {
        await this.people.touchSession(idHash, now);
      } catch {
        // A full disk or a read-only database must not stop people reading: the
        // session stays valid, and the next request tries the touch again.
      }
    }
    return toSessionUser(user);
  }

  /** The user id of a session, without checking or extending it (for sign-out). */
  async userOf(token: string | undefined): Promise<string | null> {
    return looksLikeToken(token) ? ((await this.people.findSession(hashToken(token)))?.userId ?? null) : null;
  }

  async end(token: string | undefined): Promise<void> {
    if (looksLikeToken(token)) await this.people.deleteSession(hashToken(token));
  }

  /** Ends every session of a person, but the one given (used after a password change). */
  async endAllOf(userId: string, exceptToken?: string): Promise<void> {
    await this.people.deleteSessionsOf(userId, exceptToken ? hashToken(exceptToken) : '');
  }
}
