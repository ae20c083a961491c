import type { Auth } from './createAuth';
import { upgradeCredentials } from './authorizeUpgrade';
import { sessionFromCookieHeader } from './sessionCookie';
import type { WatchedConnection } from './watchAccess';

// An edit arriving over a websocket is the person at work as much as a request is:
// someone editing the board live all day must not be signed out mid-sentence. Looking
// the session up on every keystroke would be wasteful; once a minute per connection is
// as precise as an idle time of hours needs.

const COUNT_EVERY_MS = 60_000;

/** For the sync server's onEdit: extends the session of the connection that made the edit. */
export function countEditsAsActivity(auth: Auth): (conn: WatchedConnection) => void {
  const lastCounted = new WeakMap<object, number>();
  return (conn) => {
    if (!conn.user) return;
    const now = auth.now();
    const last = lastCounted.get(conn.user);
    if (last !== undefined && now - last < COUNT_EVERY_MS) return;
    lastCounted.set(conn.user, now);
    const credentials = upgradeCredentials(conn.user);
    const token = sessionFromCookieHeader(credentials?.cookie, auth.config.publicOrigin);
    // A session that ended since the last sweep ends this connection now.
    auth.sessions.resolve(token, true).then(
      (user) => user || conn.close('UNAUTHORIZED'),
      // The database is away for a moment: the sweep looks again.
      () => {},
    );
  };
}
