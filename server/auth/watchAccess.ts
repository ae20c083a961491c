import type { CloseCodeName } from '../sync/closeCodes';
import type { Auth } from './createAuth';
import { upgradeCredentials } from './authorizeUpgrade';

// Applies a change of someone's access to their open websocket connections: each
// connection is authorized again with the credentials it was opened with. That
// happens at once when AccessEvents says a person changed (deactivated, new role,
// signed out, new password), and for every connection on a timer, because a session
// also ends without any event: after its idle time or its maximum age. A connection
// whose session is gone closes (4401); one that may no longer read closes (4403); one
// that may no longer write stays, read-only from its next message on.

/** What this needs of a sync connection (server/sync/Connection). */
export interface WatchedConnection {
  readonly user: { id: string; name: string } | null;
  readonly doc: { readonly name: string };
  canWrite: boolean;
  close(reason: CloseCodeName): void;
  /** Handles what the connection sends only once `check` has settled. */
  holdWhile?(check: Promise<unknown>): void;
}

export function watchAccess(auth: Auth, sync: { connections(): Iterable<WatchedConnection> }): () => void {
  const recheck = async (conn: WatchedConnection) => {
    if (!conn.user) return; // a server without sign-in: nothing to re-check
    const credentials = upgradeCredentials(conn.user);
    if (!credentials) return conn.close('UNAUTHORIZED');
    try {
      conn.canWrite = (await auth.authorizeUpgrade({ headers: credentials }, conn.doc.name)).canWrite;
    } catch (err) {
      const status = (err as { status?: number }).status;
      // Only a decision closes the connection; a database away for a moment does not.
      if (status === 401 || status === 403) conn.close(status === 403 ? 'FORBIDDEN' : 'UNAUTHORIZED');
    }
  };
  const stopEvents = auth.events.on('changed', (userId) => {
    // What the person sends meanwhile waits for the answer, which a database server gives later.
    for (const conn of [...sync.connections()]) {
      if (conn.user?.id !== userId) continue;
      const check = recheck(conn);
      if (conn.holdWhile) conn.holdWhile(check);
      else void check;
    }
  });
  const stopSweep = sweepInSlices(auth.config.sessionSweepMs, () => [...sync.connections()], recheck);
  return () => {
    stopEvents();
    stopSweep();
  };
}

/** A slice of the sweep at least this often apart; the whole sweep still takes one period. */
const SLICES_PER_SWEEP = 30;
const MIN_SLICE_MS = 10;

/**
 * Checks every connection once per `periodMs`, a slice at a time: checking hundreds of
 * connections at once would hold every broadcast back for as long as that takes.
 */
function sweepInSlices(periodMs: number, all: () => WatchedConnection[], recheck: (conn: WatchedConnection) => Promise<void>): () => void {
  const sliceMs = Math.max(MIN_SLICE_MS, periodMs / SLICES_PER_SWEEP);
  let waiting: WatchedConnection[] = [];
  let perSlice = 0;
  const timer = setInterval(() => {
    if (waiting.length === 0) {
      waiting = all();
      perSlice = Math.ceil((waiting.length * sliceMs) / periodMs);
    }
    for (const conn of waiting.splice(0, perSlice)) void recheck(conn);
  }, sliceMs).unref();
  return () => clearInterval(timer);
}
