import type { IncomingMessage } from 'node:http';
import { documentAccess, type Role } from '../../shared/auth/roles';
import type { AuthConfig } from './authConfig';
import { AuthError } from './AuthError';
import { sessionFromCookieHeader } from './sessionCookie';
import type { Sessions } from './sessions';

// The decision for one websocket connection to one document, made before any Yjs
// message is read. The sync server calls it at the upgrade and again whenever
// AccessEvents says the person's access changed; a thrown AuthError carries the HTTP
// status for the upgrade (401 not signed in, 403 wrong origin or no access).

export interface UpgradeAccess {
  /** The signed-in person; the only identity the document and presence may show. */
  user: { id: string; name: string };
  role: Role;
  /** False: Update and SyncStep2 messages from this connection are dropped. */
  canWrite: boolean;
}

/** The parts of the upgrade request that decide; kept to authorize the connection again later. */
export type UpgradeRequest = { headers: Pick<IncomingMessage['headers'], 'cookie' | 'origin'> };

export type AuthorizeUpgrade = (req: UpgradeRequest, docName: string) => Promise<UpgradeAccess>;

// The credentials each granted connection was opened with, keyed by the user object
// the connection keeps, so that watchAccess can check it again when access changes.
const credentials = new WeakMap<object, UpgradeRequest['headers']>();

export const upgradeCredentials = (user: object) => credentials.get(user);

export function createUpgradeAuthorizer(sessions: Sessions, config: Pick<AuthConfig, 'publicOrigin'>): AuthorizeUpgrade {
  return async (req, docName) => {
    const publicOrigin = config.publicOrigin;
    // Browsers always send Origin on websocket handshakes; a page on another origin
    // cannot fake it, so a mismatch is a cross-site attempt (or a misconfigured
    // PUBLIC_ORIGIN) and is refused without looking at the session.
    if (req.headers.origin !== publicOrigin) {
      throw new AuthError('ORIGIN_REFUSED', `Anslutningen kom från ${req.headers.origin ?? 'okänt ursprung'}, inte ${publicOrigin}.`);
    }
    // Not activity: y-websocket reconnects by itself, and this check runs again for
    // every open connection on a timer (watchAccess).
    const user = await sessions.resolve(sessionFromCookieHeader(req.headers.cookie, publicOrigin), false);
    if (!user) throw new AuthError('NOT_SIGNED_IN', 'Logga in först.');
    const access = documentAccess(user.role, docName);
    if (!access.canRead) throw new AuthError('FORBIDDEN', 'Din roll får inte läsa det här dokumentet.');
    const granted = { id: user.id, name: user.name };
    credentials.set(granted, { cookie: req.headers.cookie, origin: req.headers.origin });
    return { user: granted, role: user.role, canWrite: access.canWrite };
  };
}
