import type { Context, MiddlewareHandler } from 'hono';
import { BACKGROUND_HEADER } from '../../shared/auth/backgroundHeader';
import { can, type Capability } from '../../shared/auth/roles';
import type { AuthConfig } from './authConfig';
import { AuthError } from './AuthError';
import { authErrorResponse } from './authErrorResponse';
import { readSessionCookie } from './sessionCookie';
import type { SessionUser, Sessions } from './sessions';

// Per request: who is signed in (c.var.user), and guards for routes. Other routes
// read the person with currentUser(c) and never from the request body.

export type AuthEnv = { Variables: { user: SessionUser | null } };

export function loadSession(sessions: Sessions, config: Pick<AuthConfig, 'publicOrigin'>): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    // Every request counts as the person's activity unless the page marked it as its
    // own (polling): the mark can only keep a session from being extended.
    const activity = c.req.header(BACKGROUND_HEADER) === undefined;
    c.set('user', await sessions.resolve(readSessionCookie(c, config.publicOrigin), activity));
    await next();
  };
}

/** The signed-in person; throws NOT_SIGNED_IN when there is none. */
export function currentUser(c: Context): SessionUser {
  const user = (c as Context<AuthEnv>).get('user');
  if (!user) throw new AuthError('NOT_SIGNED_IN', 'Logga in först.');
  return user;
}

/** 401 without a session, 403 when the person's role lacks the capability. */
export function requireCapability(capability: Capability): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) return authErrorResponse(c, new AuthError('NOT_SIGNED_IN', 'Logga in först.'));
    if (!can(user.role, capability)) {
      return authErrorResponse(c, new AuthError('FORBIDDEN', 'Din roll får inte göra det här.'));
    }
    await next();
  };
}

/**
 * 401 for every API path but the ones open to everybody: health, signing in and
 * /api/me (which answers 401 itself). Static files and the sign-in page are outside
 * /api and stay open.
 */
export function requireSignIn(openPaths: (path: string) => boolean): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (!openPaths(c.req.path) && !c.get('user')) {
      return authErrorResponse(c, new AuthError('NOT_SIGNED_IN', 'Logga in först.'));
    }
    await next();
  };
}
